#include "erd/erdreader.h"

#include "db/session.h"
#include "erd/erdgeometry.h"
#include "erd/erdselection.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

namespace strata::core::ErdReader {

namespace {

ErdKind kindOf(const QString &relkind)
{
    switch (relkind.isEmpty() ? u'r' : relkind.at(0).unicode()) {
    case u'p':
        return ErdKind::PartitionedTable;
    case u'v':
        return ErdKind::View;
    case u'm':
        return ErdKind::MaterializedView;
    case u'f':
        return ErdKind::ForeignTable;
    default:
        return ErdKind::Table;
    }
}

QStringList jsonStrings(const QString &json)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array())
        out << v.toString();
    return out;
}

// A PostgreSQL array literal for a text[] parameter: every element quoted.
QString textArray(const QStringList &items)
{
    QStringList quoted;
    for (QString s : items)
        quoted << u'"'
                + s.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""))
                + u'"';
    return u'{' + quoted.join(u',') + u'}';
}

} // namespace

Result<ErdCatalog> catalog(SessionContext &ctx, const QStringList &schemas, bool withViews)
{
    auto rels = ctx.exec(QStringLiteral("erd/relations"),
        { schemas.isEmpty() ? QVariant() : QVariant(textArray(schemas)) });
    if (!rels)
        return rels.error();
    ErdCatalog c;
    c.tables.reserve(rels->rows());
    for (int i = 0; i < rels->rows(); ++i) {
        ErdTable t;
        t.kind = kindOf(rels->text(i, "kind"));
        if (!withViews && (t.kind == ErdKind::View || t.kind == ErdKind::MaterializedView))
            continue;
        t.oid = quint32(rels->toLongLong(i, "oid"));
        t.schema = rels->text(i, "schema_name");
        t.name = rels->text(i, "name");
        t.partitions = rels->toInt(i, "partitions");
        t.partitionStrategy = rels->text(i, "partition_strategy");
        c.tables.append(std::move(t));
    }
    c.index();
    auto keys = ctx.exec(QStringLiteral("erd/foreign_keys"));
    if (!keys)
        return keys.error();
    for (int i = 0; i < keys->rows(); ++i) {
        ErdForeignKey k;
        k.oid = quint32(keys->toLongLong(i, "oid"));
        k.name = keys->text(i, "name");
        k.from = quint32(keys->toLongLong(i, "from_oid"));
        k.to = quint32(keys->toLongLong(i, "to_oid"));
        if (c.indexOf(k.from) < 0 || c.indexOf(k.to) < 0)
            continue;
        k.fromColumns = jsonStrings(keys->text(i, "from_columns"));
        k.toColumns = jsonStrings(keys->text(i, "to_columns"));
        k.definition = keys->text(i, "definition");
        c.keys.append(std::move(k));
    }
    if (!withViews)
        return c;
    auto views = ctx.exec(QStringLiteral("erd/view_sources"));
    if (!views)
        return views.error();
    for (int i = 0; i < views->rows(); ++i) {
        const ErdViewEdge e { quint32(views->toLongLong(i, "view_oid")),
            quint32(views->toLongLong(i, "source_oid")) };
        if (c.indexOf(e.view) >= 0 && c.indexOf(e.source) >= 0)
            c.viewEdges.append(e);
    }
    return c;
}

Status columns(SessionContext &ctx, QList<ErdTable> &tables)
{
    if (tables.isEmpty())
        return Ok {};
    QStringList oids;
    QHash<quint32, int> at;
    for (int i = 0; i < tables.size(); ++i) {
        oids << QString::number(tables.at(i).oid);
        at.insert(tables.at(i).oid, i);
        tables[i].columns.clear();
    }
    auto r = ctx.exec(
        QStringLiteral("erd/columns"), { QVariant(QString(u'{' + oids.join(u',') + u'}')) });
    if (!r)
        return r.error();
    for (int i = 0; i < r->rows(); ++i) {
        const int t = at.value(quint32(r->toLongLong(i, "relation_oid")), -1);
        if (t < 0)
            continue;
        ErdColumn col;
        col.name = r->text(i, "name");
        col.type = erdgeometry::shortType(r->text(i, "type"));
        col.notNull = r->toBool(i, "not_null");
        col.primaryKey = r->toBool(i, "primary_key");
        col.foreignKey = r->toBool(i, "foreign_key");
        col.referenced = r->toBool(i, "referenced");
        tables[t].columns.append(std::move(col));
    }
    return Ok {};
}

Result<ErdResult> read(
    SessionContext &ctx, const ErdScope &scope, int limit, const std::function<bool()> &canceled)
{
    auto isCanceled = [&canceled] { return canceled && canceled(); };
    QElapsedTimer clock;
    clock.start();
    // A diagram of schemas needs only those; a neighbourhood or a path may cross any schema.
    auto cat = catalog(ctx, scope.kind == ErdScope::Kind::Schemas ? scope.schemas : QStringList(),
        scope.views && scope.kind != ErdScope::Kind::Path);
    if (!cat)
        return cat.error();
    if (isCanceled())
        return Error(Error::Kind::Canceled, QStringLiteral("Cancelled."));
    const ErdSelection sel = ErdSelect::select(cat.value(), scope);
    ErdResult out;
    out.note = sel.problem;
    out.wouldDraw = int(sel.tables.size());
    if (limit > 0 && sel.tables.size() > limit) {
        out.tooLarge = true;
        out.readMs = clock.nsecsElapsed() / 1e6;
        return out;
    }
    out.diagram = ErdSelect::diagramOf(cat.value(), sel);
    out.diagram.keysOnly = scope.keysOnly;
    if (auto c = columns(ctx, out.diagram.tables); !c)
        return c.error();
    out.readMs = clock.nsecsElapsed() / 1e6;
    return out;
}

} // namespace strata::core::ErdReader
