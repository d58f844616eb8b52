#include "schematreemodel.h"

#include "catalog/catalogloader.h"
#include "db/identifiers.h"
#include "util/async.h"
#include "util/whenfinished.h"

#include <QColor>
#include <QFuture>
#include <QLocale>
#include <QPointer>
#include <QRegularExpression>

#include <unordered_map>

namespace strata::models {

using core::CatalogGroup;
using core::ObjectKind;
using Type = SchemaTreeNode::Type;
using Sub = SchemaTreeNode::Sub;
using State = SchemaTreeNode::State;

namespace {

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

bool relationExpandable(ObjectKind k)
{
    return k == ObjectKind::Table || k == ObjectKind::PartitionedTable || k == ObjectKind::View
        || k == ObjectKind::MaterializedView || k == ObjectKind::ForeignTable;
}

// Client-side identifier quoting (for copying names; no SQL runs here).
QString quoteIdent(const QString &name)
{
    return core::quoteIdentifierIfNeeded(name);
}

} // namespace

SchemaTreeModel::SchemaTreeModel(QObject *parent) : QAbstractItemModel(parent)
{
    m_root = std::make_unique<Node>();
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(0);
    connect(&m_batchTimer, &QTimer::timeout, this, &SchemaTreeModel::insertBatch);
}

SchemaTreeModel::~SchemaTreeModel() = default;

QString SchemaTreeModel::countLabel(const QString &label, qint64 count)
{
    if (count < 0)
        return label;
    return QStringLiteral("%1 (%2)").arg(label, QLocale(QLocale::English).toString(count));
}

void SchemaTreeModel::setLoader(
    std::shared_ptr<core::CatalogLoader> loader, const QString &serverLabel)
{
    beginResetModel();
    m_loader = std::move(loader);
    m_serverLabel = serverLabel;
    m_live.clear();
    m_queue.clear();
    m_batchTimer.stop();
    m_reveal.clear();
    m_inFlight = 0; // late results find no node and are dropped
    m_root = std::make_unique<Node>();
    m_root->state = State::Fetched;
    if (m_loader) {
        Node *server = newNode(Type::Server, m_root.get());
        server->name = serverLabel;
        server->key = QStringLiteral("server");
        server->expandable = true;
        m_root->children.push_back(NodePtr(server));
    }
    endResetModel();
    updateBusy();
}

SchemaTreeNode *SchemaTreeModel::makeNode(Type type)
{
    auto *n = new Node;
    n->type = type;
    return n;
}

void SchemaTreeModel::registerNode(Node *n)
{
    n->id = m_nextId++;
    m_live.insert(n->id, n);
}

SchemaTreeNode *SchemaTreeModel::newNode(Type type, Node *parent)
{
    auto *n = new Node;
    n->type = type;
    n->parent = parent;
    n->id = m_nextId++;
    m_live.insert(n->id, n);
    return n;
}

void SchemaTreeModel::forget(Node *n)
{
    m_live.remove(n->id);
    for (auto &c : n->children)
        forget(c.get());
    for (auto &c : n->pending)
        forget(c.get());
}

SchemaTreeNode *SchemaTreeModel::node(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

const SchemaTreeNode *SchemaTreeModel::nodeAt(const QModelIndex &index) const
{
    return index.isValid() ? node(index) : nullptr;
}

QModelIndex SchemaTreeModel::indexOf(const Node *n) const
{
    if (!n || n == m_root.get() || !n->parent)
        return {};
    const int r = n->row();
    return r < 0 ? QModelIndex() : createIndex(r, 0, const_cast<Node *>(n));
}

QModelIndex SchemaTreeModel::serverIndex() const
{
    return m_root->children.empty() ? QModelIndex() : indexOf(m_root->children.front().get());
}

QModelIndex SchemaTreeModel::databaseIndex() const
{
    if (m_root->children.empty() || !m_loader)
        return {};
    const QString key = QStringLiteral("d:") + m_loader->databaseName();
    for (const auto &c : m_root->children.front()->children)
        if (c->key == key)
            return indexOf(c.get());
    return {};
}

QModelIndex SchemaTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *p = node(parent);
    if (column != 0 || row < 0 || size_t(row) >= p->children.size())
        return {};
    Node *c = p->children[size_t(row)].get();
    c->rowHint = row;
    return createIndex(row, 0, c);
}

QModelIndex SchemaTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(node(child)->parent);
}

int SchemaTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(node(parent)->children.size());
}

int SchemaTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

bool SchemaTreeModel::hasChildren(const QModelIndex &parent) const
{
    const Node *n = node(parent);
    if (!parent.isValid())
        return !n->children.empty();
    if (!n->children.empty())
        return true;
    return n->expandable && n->state != State::Fetched;
}

bool SchemaTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return false;
    const Node *n = node(parent);
    return n->expandable && n->state == State::Unfetched && m_loader;
}

void SchemaTreeModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    startLoad(node(parent));
}

Qt::ItemFlags SchemaTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    // Another database stays enabled (greyed by its colour): double-clicking it opens it.
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QVariant SchemaTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *n = node(index);
    switch (role) {
    case Qt::DisplayRole: {
        QString label;
        switch (n->type) {
        case Type::Group:
            label = countLabel(core::groupLabel(n->group), n->count);
            break;
        case Type::SubGroup:
            label = countLabel(subLabel(n->sub), n->count);
            break;
        case Type::Schema:
            label = countLabel(n->name, n->count);
            break;
        case Type::Leaf:
            label = n->sub == Sub::Columns ? QStringLiteral("%1  %2").arg(n->name, n->detail)
                                           : n->name;
            break;
        case Type::Object:
            label = n->parentOid && !n->schemaName.isEmpty()
                    && n->schemaName != n->parent->parent->schemaName
                ? n->schemaName + QLatin1Char('.') + n->name
                : n->name;
            if (n->count > 0)
                label += QStringLiteral(" (%1 partitions)")
                             .arg(QLocale(QLocale::English).toString(n->count));
            break;
        case Type::Database:
            label = n->disabled ? QStringLiteral("%1 (not opened)").arg(n->name) : n->name;
            break;
        default:
            label = n->name;
            break;
        }
        if (n->state == State::Fetching && n->children.empty())
            label += QStringLiteral(" (loading…)");
        else if (n->state == State::Failed)
            label += QStringLiteral(" (could not load)");
        return label;
    }
    case Qt::ToolTipRole: {
        if (!n->error.isEmpty())
            return n->error;
        QStringList lines;
        if (n->type == Type::Object) {
            lines
                << QStringLiteral("%1 %2.%3").arg(core::kindName(n->kind), n->schemaName, n->name);
            if (n->estimatedRows >= 0)
                lines << QStringLiteral("about %1 rows (estimate)")
                             .arg(QLocale(QLocale::English).toString(n->estimatedRows));
            if (n->estimatedBytes > 0)
                lines << QLocale(QLocale::English).formattedDataSize(n->estimatedBytes);
        }
        if (!n->detail.isEmpty())
            lines << n->detail;
        if (n->disabled)
            lines << QStringLiteral("Not opened: a session browses one database. Double-click "
                                    "(or right-click, Open) to connect to this one instead.");
        return lines.isEmpty() ? QVariant() : lines.join(u'\n');
    }
    case Qt::ForegroundRole:
        return n->disabled || n->internal ? QVariant(QColor(Qt::gray)) : QVariant();
    case NodeTypeRole:
        return int(n->type);
    case KindRole:
        return int(n->kind);
    case NotOpenedRole:
        return n->disabled;
    case OidRole:
        return n->oid;
    case SchemaOidRole:
        return n->schemaOid;
    case SchemaNameRole:
        return n->schemaName;
    case NameRole:
        if (n->kind == ObjectKind::Function && n->type == Type::Object)
            return n->name.left(n->name.size() - n->detail.size() - 2);
        return n->name;
    case QualifiedNameRole: {
        if (n->type == Type::Schema)
            return quoteIdent(n->name);
        if (n->type != Type::Object)
            return {};
        if (n->kind == ObjectKind::Function) {
            const QString bare = n->name.left(n->name.size() - n->detail.size() - 2);
            return QString(quoteIdent(n->schemaName) + QLatin1Char('.') + quoteIdent(bare)
                + QLatin1Char('(') + n->detail + QLatin1Char(')'));
        }
        return QString(quoteIdent(n->schemaName) + QLatin1Char('.') + quoteIdent(n->name));
    }
    case EstimatedRowsRole:
        return n->estimatedRows;
    case ParentOidRole:
        return n->parentOid;
    case DetailRole:
        return n->detail;
    case StateRole:
        return int(n->state);
    default:
        return {};
    }
}

template <typename T, typename Build>
void SchemaTreeModel::watch(Node *n, QFuture<T> future, Build build)
{
    const quint64 id = n->id;
    const quint64 generation = n->generation;
    ++m_inFlight;
    updateBusy();
    // What the builder needs of the parent, copied: the nodes are built on a pool thread so
    // that 50,000 of them do not stall the GUI thread; they get ids when inserted.
    auto proto = std::make_shared<Node>();
    proto->type = n->type;
    proto->kind = n->kind;
    proto->group = n->group;
    proto->sub = n->sub;
    proto->oid = n->oid;
    proto->schemaOid = n->schemaOid;
    proto->schemaName = n->schemaName;
    proto->name = n->name;
    proto->internal = n->internal;
    QPointer<SchemaTreeModel> self(this);
    auto loader = m_loader;
    core::whenFinished(this,
        core::continueOn(core::Pool::Cpu, future,
            [proto, build](T result) {
                auto built = std::make_shared<Built>();
                if (!result)
                    built->error = result.error().toString();
                else
                    built->nodes = build(nullptr, proto.get(), result.value());
                built->ok = result.ok();
                return built;
            }),
        [self, id, generation, loader](std::shared_ptr<Built> built) {
            if (!self || self->m_loader != loader)
                return;
            --self->m_inFlight;
            if (!built->ok) {
                self->failed(id, generation, built->error);
            } else {
                Node *target = self->m_live.value(id);
                if (target && target->generation == generation)
                    self->applyChildren(id, generation, std::move(built->nodes));
            }
            self->updateBusy();
        });
}

SchemaTreeModel::NodeList SchemaTreeModel::schemaGroups(
    const Node *schema, const core::SchemaInfo &info)
{
    NodeList out;
    for (int g = 0; g < core::catalogGroupCount; ++g) {
        const auto group = CatalogGroup(g);
        const qint64 count = info.count(group);
        if (count == 0 && group != CatalogGroup::Tables)
            continue;
        Node *n = makeNode(Type::Group);
        n->group = group;
        n->kind = core::groupObjectKind(group);
        n->key = QStringLiteral("g:%1").arg(g);
        n->count = count;
        n->schemaOid = schema->oid;
        n->schemaName = schema->name;
        n->internal = schema->internal;
        n->expandable = count > 0;
        n->state = count > 0 ? State::Unfetched : State::Fetched;
        out.push_back(NodePtr(n));
    }
    return out;
}

SchemaTreeModel::NodeList SchemaTreeModel::objectChildren(
    const Node *parent, const QList<core::RelationInfo> &objects)
{
    NodeList out;
    out.reserve(size_t(objects.size()));
    for (const core::RelationInfo &o : objects) {
        Node *n = makeNode(Type::Object);
        n->kind = o.kind;
        n->oid = o.oid;
        n->name = o.name;
        n->key = QStringLiteral("o:%1").arg(o.oid);
        n->schemaOid = o.schemaOid ? o.schemaOid : parent->schemaOid;
        n->schemaName = o.schemaName.isEmpty() ? parent->schemaName : o.schemaName;
        n->estimatedRows = o.estimatedRows;
        n->estimatedBytes = o.estimatedBytes;
        n->parentOid = o.parentOid;
        n->detail = o.parentOid ? o.partitionBound : o.detail;
        n->count = o.kind == ObjectKind::PartitionedTable ? o.partitionCount : -1;
        n->internal = parent->internal;
        n->expandable = relationExpandable(o.kind);
        n->state = n->expandable ? State::Unfetched : State::Fetched;
        out.push_back(NodePtr(n));
    }
    return out;
}

void SchemaTreeModel::startLoad(Node *n)
{
    n->state = State::Fetching;
    n->error.clear();
    ++n->generation;
    const QModelIndex idx = indexOf(n);
    if (idx.isValid())
        Q_EMIT dataChanged(idx, idx);
    core::CatalogLoader &l = *m_loader;
    switch (n->type) {
    case Type::Server:
        watch(n, l.databases(),
            [db = m_loader->databaseName()](
                SchemaTreeModel *, Node *, const QList<core::DatabaseInfo> &dbs) {
                NodeList out;
                for (const auto &d : dbs) {
                    Node *c = makeNode(Type::Database);
                    c->kind = ObjectKind::Database;
                    c->oid = d.oid;
                    c->name = d.name;
                    c->key = QStringLiteral("d:") + d.name;
                    c->disabled = d.name != db;
                    c->expandable = !c->disabled;
                    c->state = c->expandable ? State::Unfetched : State::Fetched;
                    out.push_back(NodePtr(c));
                }
                return out;
            });
        break;
    case Type::Database:
        watch(n, l.schemas(),
            [showInternal = m_showInternal](
                SchemaTreeModel *, Node *, const QList<core::SchemaInfo> &all) {
                NodeList out;
                for (const auto &s : all) {
                    if (s.internal && !showInternal)
                        continue;
                    Node *c = makeNode(Type::Schema);
                    c->kind = ObjectKind::Schema;
                    c->oid = s.oid;
                    c->schemaOid = s.oid;
                    c->name = s.name;
                    c->schemaName = s.name;
                    c->key = QStringLiteral("s:%1").arg(s.oid);
                    c->count = s.totalObjects();
                    c->internal = s.internal;
                    c->detail = s.comment;
                    c->expandable = true;
                    out.push_back(NodePtr(c));
                }
                return out;
            });
        break;
    case Type::Schema: {
        // The schema list gives fresh per-group counts; the groups are built from them.
        watch(n, l.schemas(),
            [](SchemaTreeModel *, Node *schema, const QList<core::SchemaInfo> &all) {
                for (const auto &s : all)
                    if (s.oid == schema->oid)
                        return schemaGroups(schema, s);
                return NodeList();
            });
        break;
    }
    case Type::Group:
        watch(n, l.objects(n->schemaOid, n->group),
            [](SchemaTreeModel *, Node *group, const QList<core::RelationInfo> &objects) {
                return objectChildren(group, objects);
            });
        break;
    case Type::Object:
        watch(n, l.relationCounts(n->oid),
            [](SchemaTreeModel *, Node *obj, const core::RelationCounts &c) {
                NodeList out;
                auto add = [&](Sub sub, qint64 count, bool always) {
                    if (count == 0 && !always)
                        return;
                    Node *s = makeNode(Type::SubGroup);
                    s->sub = sub;
                    s->kind = obj->kind;
                    s->oid = obj->oid;
                    s->schemaOid = obj->schemaOid;
                    s->schemaName = obj->schemaName;
                    s->key = QStringLiteral("u:%1").arg(int(sub));
                    s->count = count;
                    s->internal = obj->internal;
                    s->expandable = count > 0;
                    s->state = count > 0 ? State::Unfetched : State::Fetched;
                    out.push_back(NodePtr(s));
                };
                add(Sub::Partitions, c.partitions, false);
                add(Sub::Columns, c.columns, true);
                add(Sub::Indexes, c.indexes, false);
                add(Sub::Constraints, c.constraints, false);
                add(Sub::Triggers, c.triggers, false);
                return out;
            });
        break;
    case Type::SubGroup: {
        auto leaf = [](SchemaTreeModel *, Node *sub, const QString &name, const QString &detail) {
            Node *c = makeNode(Type::Leaf);
            c->sub = sub->sub;
            c->kind = sub->sub == Sub::Columns ? ObjectKind::Column
                : sub->sub == Sub::Indexes     ? ObjectKind::Index
                : sub->sub == Sub::Constraints ? ObjectKind::Constraint
                                               : ObjectKind::Trigger;
            c->oid = sub->oid;
            c->schemaOid = sub->schemaOid;
            c->schemaName = sub->schemaName;
            c->name = name;
            c->detail = detail;
            c->key = QStringLiteral("l:") + name;
            c->internal = sub->internal;
            c->state = State::Fetched;
            return NodePtr(c);
        };
        switch (n->sub) {
        case Sub::Columns:
            watch(n, l.columns(n->oid),
                [leaf](SchemaTreeModel *m, Node *s, const QList<core::ColumnInfo> &cols) {
                    NodeList out;
                    for (const auto &c : cols)
                        out.push_back(leaf(m, s, c.name,
                            c.notNull ? c.type + QStringLiteral(" not null") : c.type));
                    return out;
                });
            break;
        case Sub::Indexes:
            watch(n, l.indexes(n->oid),
                [leaf](SchemaTreeModel *m, Node *s, const QList<core::IndexInfo> &idx) {
                    NodeList out;
                    for (const auto &i : idx)
                        out.push_back(leaf(m, s, i.name, i.definition));
                    return out;
                });
            break;
        case Sub::Constraints:
            watch(n, l.constraints(n->oid),
                [leaf](SchemaTreeModel *m, Node *s, const QList<core::ConstraintInfo> &cons) {
                    NodeList out;
                    for (const auto &c : cons)
                        out.push_back(
                            leaf(m, s, c.name, c.typeName() + QStringLiteral(": ") + c.definition));
                    return out;
                });
            break;
        case Sub::Triggers:
            watch(n, l.triggers(n->oid),
                [leaf](SchemaTreeModel *m, Node *s, const QList<core::TriggerInfo> &trg) {
                    NodeList out;
                    for (const auto &t : trg)
                        out.push_back(leaf(m, s, t.name, t.definition));
                    return out;
                });
            break;
        case Sub::Partitions:
            watch(n, l.partitions(n->oid),
                [](SchemaTreeModel *, Node *s, const QList<core::RelationInfo> &parts) {
                    return objectChildren(s, parts);
                });
            break;
        case Sub::None:
            break;
        }
        break;
    }
    case Type::Root:
    case Type::Leaf:
        break;
    }
}

void SchemaTreeModel::failed(quint64 id, quint64 generation, const QString &message)
{
    Node *n = m_live.value(id);
    if (!n || n->generation != generation)
        return;
    // The node stays in the tree and can be retried (refresh); nothing else is affected.
    n->state = State::Failed;
    n->error = message;
    const QModelIndex idx = indexOf(n);
    if (idx.isValid())
        Q_EMIT dataChanged(idx, idx);
    Q_EMIT loadFailed(idx, message);
    if (!m_reveal.isEmpty()) {
        m_reveal.clear();
        Q_EMIT revealFailed(message);
    }
}

void SchemaTreeModel::updateFrom(Node *kept, const Node &fresh)
{
    kept->name = fresh.name;
    kept->detail = fresh.detail;
    kept->count = fresh.count;
    kept->estimatedRows = fresh.estimatedRows;
    kept->estimatedBytes = fresh.estimatedBytes;
    kept->schemaName = fresh.schemaName;
    kept->internal = fresh.internal;
    kept->disabled = fresh.disabled;
    if (kept->expandable != fresh.expandable) {
        kept->expandable = fresh.expandable;
        if (!kept->expandable)
            kept->state = State::Fetched;
    }
}

void SchemaTreeModel::applyChildren(quint64 id, quint64, NodeList fresh)
{
    Node *n = m_live.value(id);
    if (!n)
        return;
    for (auto &c : fresh)
        c->parent = n;
    const QModelIndex parentIdx = indexOf(n);
    if (n->children.empty()) {
        n->pending = std::move(fresh);
    } else {
        // Refresh: keep the rows that still exist (expansion and selection stay), remove the
        // ones gone, append the new ones.
        std::unordered_map<QString, Node *> byKey;
        byKey.reserve(fresh.size());
        for (auto &c : fresh)
            byKey.emplace(c->key, c.get());
        for (int r = int(n->children.size()) - 1; r >= 0;) {
            if (byKey.count(n->children[size_t(r)]->key)) {
                --r;
                continue;
            }
            int first = r;
            while (first > 0 && !byKey.count(n->children[size_t(first - 1)]->key))
                --first;
            beginRemoveRows(parentIdx, first, r);
            for (int i = first; i <= r; ++i)
                forget(n->children[size_t(i)].get());
            n->children.erase(n->children.begin() + first, n->children.begin() + r + 1);
            endRemoveRows();
            r = first - 1;
        }
        std::unordered_map<QString, Node *> kept;
        for (auto &c : n->children)
            kept.emplace(c->key, c.get());
        NodeList added;
        for (auto &c : fresh) {
            auto it = kept.find(c->key);
            if (it == kept.end()) {
                added.push_back(std::move(c));
                continue;
            }
            updateFrom(it->second, *c);
            forget(c.get());
        }
        if (!n->children.empty())
            Q_EMIT dataChanged(
                index(0, 0, parentIdx), index(int(n->children.size()) - 1, 0, parentIdx));
        n->pending = std::move(added);
        // Loaded nodes below are re-read too.
        for (auto &c : n->children)
            if (c->state == State::Fetched && c->expandable && !c->children.empty())
                refreshNode(c.get());
            else if (c->state == State::Failed)
                c->state = State::Unfetched;
    }
    if (n->pending.empty())
        finishNode(n);
    else
        enqueue(n);
}

void SchemaTreeModel::enqueue(Node *n)
{
    if (!n->queued) {
        n->queued = true;
        m_queue.push_back(n->id);
    }
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
    updateBusy();
}

void SchemaTreeModel::insertBatch()
{
    int budget = m_batchSize;
    while (budget > 0 && !m_queue.empty()) {
        Node *n = m_live.value(m_queue.front());
        if (!n || n->pending.empty()) {
            if (n)
                n->queued = false;
            m_queue.pop_front();
            if (n)
                finishNode(n);
            continue;
        }
        const int take = int(std::min<size_t>(size_t(budget), n->pending.size()));
        const int first = int(n->children.size());
        beginInsertRows(indexOf(n), first, first + take - 1);
        n->children.reserve(n->children.size() + size_t(take));
        for (int i = 0; i < take; ++i) {
            n->pending[size_t(i)]->rowHint = first + i;
            registerNode(n->pending[size_t(i)].get());
            n->children.push_back(std::move(n->pending[size_t(i)]));
        }
        n->pending.erase(n->pending.begin(), n->pending.begin() + take);
        endInsertRows();
        budget -= take;
        if (n->pending.empty()) {
            n->queued = false;
            m_queue.pop_front();
            finishNode(n);
        }
        // One batch per turn: a long list gives the event loop a turn between batches.
        break;
    }
    if (!m_queue.empty())
        m_batchTimer.start();
    updateBusy();
}

void SchemaTreeModel::finishNode(Node *n)
{
    n->state = State::Fetched;
    const QModelIndex idx = indexOf(n);
    if (idx.isValid())
        Q_EMIT dataChanged(idx, idx);
    Q_EMIT nodeLoaded(idx);
    advanceReveal();
}

void SchemaTreeModel::refreshNode(Node *n)
{
    if (!n->expandable || !m_loader)
        return;
    // Rows read but not inserted yet would be stale; the new read brings them back.
    for (auto &c : n->pending)
        forget(c.get());
    n->pending.clear();
    if (n->state == State::Unfetched)
        return; // never expanded: loads when it is
    startLoad(n);
}

void SchemaTreeModel::refresh(const QModelIndex &index)
{
    if (!m_loader)
        return;
    Node *n = index.isValid()
        ? node(index)
        : (m_root->children.empty() ? nullptr : m_root->children.front().get());
    if (!n)
        return;
    if (n->type == Type::Leaf || (!n->expandable && n->parent))
        n = n->parent; // a leaf refreshes its list
    refreshNode(n);
}

void SchemaTreeModel::setShowInternal(bool show)
{
    if (m_showInternal == show)
        return;
    m_showInternal = show;
    const QModelIndex db = databaseIndex();
    if (db.isValid() && node(db)->state != State::Unfetched)
        refreshNode(node(db));
}

bool SchemaTreeModel::isBusy() const
{
    return m_inFlight > 0 || !m_queue.empty();
}

void SchemaTreeModel::updateBusy()
{
    const bool busy = isBusy();
    if (busy != m_busy) {
        m_busy = busy;
        Q_EMIT busyChanged(busy);
    }
}

void SchemaTreeModel::reveal(const core::FindMatch &match)
{
    if (!m_loader)
        return;
    m_reveal.clear();
    m_revealRetried.clear();
    m_revealName = match.displayName();
    const bool partition = match.ancestorPath.size() > 1;
    const quint32 top = partition ? match.ancestorPath.first() : match.oid;
    ObjectKind topKind = partition ? ObjectKind::PartitionedTable : match.kind;
    int group = 0;
    for (int g = 0; g < core::catalogGroupCount; ++g)
        if (core::groupObjectKind(CatalogGroup(g)) == topKind)
            group = g;
    m_reveal << RevealStep { Type::Server, QStringLiteral("server") }
             << RevealStep { Type::Database, QStringLiteral("d:") + m_loader->databaseName() }
             << RevealStep { Type::Schema,
                    QStringLiteral("s:%1").arg(partition ? match.rootSchemaOid : match.schemaOid) }
             << RevealStep { Type::Group, QStringLiteral("g:%1").arg(group) }
             << RevealStep { Type::Object, QStringLiteral("o:%1").arg(top) };
    for (int i = 1; i < match.ancestorPath.size(); ++i)
        m_reveal << RevealStep { Type::SubGroup, QStringLiteral("u:%1").arg(int(Sub::Partitions)) }
                 << RevealStep { Type::Object, QStringLiteral("o:%1").arg(match.ancestorPath[i]) };
    if (match.internal() && !m_showInternal)
        setShowInternal(true);
    advanceReveal();
}

void SchemaTreeModel::advanceReveal()
{
    if (m_reveal.isEmpty())
        return;
    Node *n = m_root.get();
    for (const RevealStep &step : std::as_const(m_reveal)) {
        if (n != m_root.get() && n->state != State::Fetched) {
            if (n->state == State::Unfetched || n->state == State::Failed) {
                n->state = State::Unfetched;
                startLoad(n);
            }
            return; // continues when the node is loaded
        }
        Node *next = nullptr;
        for (auto &c : n->children)
            if (c->key == step.key)
                next = c.get();
        if (!next && n != m_root.get() && !m_revealRetried.contains(n->id)) {
            // Created after this node was read: read it again once before giving up.
            m_revealRetried.insert(n->id);
            refreshNode(n);
            return;
        }
        if (!next) {
            m_reveal.clear();
            Q_EMIT revealFailed(QStringLiteral("%1 is no longer in the catalog; refresh the tree.")
                                    .arg(m_revealName));
            return;
        }
        n = next;
    }
    m_reveal.clear();
    Q_EMIT revealed(indexOf(n));
}

} // namespace strata::models
