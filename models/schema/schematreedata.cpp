#include "schematreedata.h"

#include "db/identifiers.h"
#include "icons.h"
#include "schematreebuilder.h"
#include "schematreemodel.h"

#include <QColor>
#include <QLocale>

namespace strata::models::schematree {

using core::ObjectKind;
using Model = SchemaTreeModel;
using Type = SchemaTreeNode::Type;
using Sub = SchemaTreeNode::Sub;
using State = SchemaTreeNode::State;

namespace {

QString number(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

QString subLabel(Sub sub)
{
    switch (sub) {
    case Sub::Columns:
        return QStringLiteral("Columns");
    case Sub::Indexes:
        return QStringLiteral("Indexes");
    case Sub::Constraints:
        return QStringLiteral("Constraints");
    case Sub::Triggers:
        return QStringLiteral("Triggers");
    case Sub::Partitions:
        return QStringLiteral("Partitions");
    case Sub::None:
        break;
    }
    return {};
}

// " (loading…)" while the first rows are on their way, " (could not load)" after a failure.
QString stateSuffix(const SchemaTreeNode *n)
{
    if (!n)
        return {};
    if (n->state == State::Fetching && n->childCount() == 0)
        return QStringLiteral(" (loading…)");
    if (n->state == State::Failed)
        return QStringLiteral(" (could not load)");
    return {};
}

QString nodeLabel(const SchemaTreeNode &n)
{
    switch (n.type) {
    case Type::Group:
        return countLabel(core::groupLabel(n.group), n.count);
    case Type::SubGroup:
        return countLabel(subLabel(n.sub), n.count);
    case Type::Schema:
        return countLabel(n.name, n.count);
    case Type::Leaf:
        return n.sub == Sub::Columns ? QStringLiteral("%1  %2").arg(n.name, n.detail) : n.name;
    case Type::Database:
        return n.disabled ? QStringLiteral("%1 (not opened)").arg(n.name) : n.name;
    default:
        return n.name;
    }
}

QVariant nodeToolTip(const SchemaTreeNode &n)
{
    if (!n.error.isEmpty())
        return n.error;
    QStringList lines;
    if (!n.detail.isEmpty())
        lines << n.detail;
    if (n.disabled)
        lines << QStringLiteral("Not opened: a session browses one database. Double-click "
                                "(or right-click, Open) to connect to this one instead.");
    return lines.isEmpty() ? QVariant() : lines.join(u'\n');
}

// A function's name without its arguments.
QString bareName(const QString &name, ObjectKind kind, const QString &detail)
{
    return kind == ObjectKind::Function ? name.left(name.size() - detail.size() - 2) : name;
}

// The values of one object row, as the roles need them.
struct ObjectRow
{
    const ObjectRows &rows;
    int row;
    const core::RelationList::Row &r = rows.list.row(row);
    const SchemaTreeNode *opened = rows.openedNode(r.oid);

    QString name() const { return rows.list.name(row); }
    QString detail() const { return rows.list.detail(row); }
    QString schemaName() const
    {
        return r.schemaName.size ? rows.list.schemaName(row) : rows.owner->schemaName;
    }

    QString label() const
    {
        QString label = name();
        // A partition in another schema than its parent says which.
        if (r.parentOid && r.schemaName.size) {
            const QString schema = schemaName();
            if (schema != rows.owner->schemaName)
                label = schema + QLatin1Char('.') + label;
        }
        if (r.kind == ObjectKind::PartitionedTable && r.partitionCount > 0)
            label += QStringLiteral(" (%1 partitions)").arg(number(r.partitionCount));
        return label + stateSuffix(opened);
    }

    QVariant toolTip() const
    {
        if (opened && !opened->error.isEmpty())
            return opened->error;
        QStringList lines {
            QStringLiteral("%1 %2.%3").arg(core::kindName(r.kind), schemaName(), name())
        };
        if (r.estimatedRows >= 0)
            lines << QStringLiteral("about %1 rows (estimate)").arg(number(r.estimatedRows));
        if (r.estimatedBytes > 0)
            lines << QLocale(QLocale::English).formattedDataSize(r.estimatedBytes);
        if (r.detail.size)
            lines << detail();
        return lines.join(u'\n');
    }

    QString qualifiedName() const
    {
        const QString bare = bareName(name(), r.kind, detail());
        QString out = core::quoteIdentifierIfNeeded(schemaName()) + QLatin1Char('.')
            + core::quoteIdentifierIfNeeded(bare);
        if (r.kind == ObjectKind::Function)
            out += QLatin1Char('(') + detail() + QLatin1Char(')');
        return out;
    }

    int state() const
    {
        if (opened)
            return int(opened->state);
        return int(isExpandable(r.kind) ? State::Unfetched : State::Fetched);
    }
};

icons::Icon nodeIcon(const SchemaTreeNode &n)
{
    switch (n.type) {
    case Type::Server:
        return icons::Icon::Server;
    case Type::Database:
        return icons::Icon::Database;
    case Type::Schema:
        return icons::Icon::Schema;
    case Type::Object:
    case Type::Leaf:
        return icons::iconFor(n.kind, n.in && n.in->owner->sub == Sub::Partitions);
    default:
        return icons::Icon::Folder;
    }
}

} // namespace

QString countLabel(const QString &label, qint64 count)
{
    if (count < 0)
        return label;
    return QStringLiteral("%1 (%2)").arg(label, number(count));
}

QVariant nodeData(const SchemaTreeNode &n, int role)
{
    switch (role) {
    case Qt::DisplayRole:
        return QString(nodeLabel(n) + stateSuffix(&n));
    case Qt::ToolTipRole:
        return nodeToolTip(n);
    case Qt::DecorationRole:
        return n.type == Type::Root ? QVariant() : QVariant(icons::icon(nodeIcon(n)));
    case Qt::ForegroundRole:
        return n.disabled || n.internal ? QVariant(QColor(Qt::gray)) : QVariant();
    case Model::NodeTypeRole:
        return int(n.type);
    case Model::KindRole:
        return int(n.kind);
    case Model::NotOpenedRole:
        return n.disabled;
    case Model::OidRole:
        return n.oid;
    case Model::SchemaOidRole:
        return n.schemaOid;
    case Model::SchemaNameRole:
        return n.schemaName;
    case Model::NameRole:
        return n.name;
    case Model::QualifiedNameRole:
        return n.type == Type::Schema ? QVariant(core::quoteIdentifierIfNeeded(n.name))
                                      : QVariant();
    case Model::EstimatedRowsRole:
        return qint64(-1);
    case Model::ParentOidRole:
        return quint32(0);
    case Model::DetailRole:
        return n.detail;
    case Model::StateRole:
        return int(n.state);
    case Model::CountRole:
        return n.count;
    default:
        return {};
    }
}

QVariant objectData(const ObjectRows &rows, int row, int role)
{
    const ObjectRow o { rows, row };
    switch (role) {
    case Qt::DisplayRole:
        return o.label();
    case Qt::ToolTipRole:
        return o.toolTip();
    case Qt::DecorationRole:
        return icons::icon(icons::iconFor(o.r.kind, o.r.parentOid != 0, o.r.prokind));
    case Qt::ForegroundRole:
        return rows.owner->internal ? QVariant(QColor(Qt::gray)) : QVariant();
    case Model::NodeTypeRole:
        return int(Type::Object);
    case Model::KindRole:
        return int(o.r.kind);
    case Model::NotOpenedRole:
        return false;
    case Model::OidRole:
        return o.r.oid;
    case Model::SchemaOidRole:
        return o.r.schemaOid ? o.r.schemaOid : rows.owner->schemaOid;
    case Model::SchemaNameRole:
        return o.schemaName();
    case Model::NameRole:
        return bareName(o.name(), o.r.kind, o.detail());
    case Model::QualifiedNameRole:
        return o.qualifiedName();
    case Model::EstimatedRowsRole:
        return o.r.estimatedRows;
    case Model::ParentOidRole:
        return o.r.parentOid;
    case Model::DetailRole:
        return o.detail();
    case Model::StateRole:
        return o.state();
    case Model::CountRole:
        return qint64(o.r.kind == ObjectKind::PartitionedTable ? o.r.partitionCount : -1);
    default:
        return {};
    }
}

} // namespace strata::models::schematree
