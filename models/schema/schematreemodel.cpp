#include "schematreemodel.h"

#include "catalog/catalogloader.h"
#include "schematreebuilder.h"
#include "schematreedata.h"

#include <QFuture>

namespace strata::models {

using core::CatalogGroup;
using core::ObjectKind;
using Type = SchemaTreeNode::Type;
using Sub = SchemaTreeNode::Sub;
using State = SchemaTreeNode::State;

namespace {

// An index's internal id is a Node*, or (for a row of compact object rows) the ObjectRows*
// with its lowest bit set; both are at least 8-byte aligned.
constexpr quintptr kRowsTag = 1;

ObjectRows *rowsOf(const QModelIndex &index)
{
    const quintptr id = index.internalId();
    return index.isValid() && (id & kRowsTag) ? reinterpret_cast<ObjectRows *>(id & ~kRowsTag)
                                              : nullptr;
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
    return schematree::countLabel(label, count);
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
        auto server = std::make_unique<Node>();
        server->type = Type::Server;
        server->parent = m_root.get();
        server->name = serverLabel;
        server->key = QStringLiteral("server");
        server->expandable = true;
        registerNode(server.get());
        m_root->children.push_back(std::move(server));
    }
    endResetModel();
    updateBusy();
}

void SchemaTreeModel::registerNode(Node *n)
{
    n->id = m_nextId++;
    m_live.insert(n->id, n);
}

void SchemaTreeModel::forget(Node *n)
{
    m_live.remove(n->id);
    for (auto &c : n->children)
        forget(c.get());
    for (auto &c : n->pending)
        forget(c.get());
    if (n->rows)
        for (auto &[oid, c] : n->rows->opened)
            forget(c.get());
}

SchemaTreeNode *SchemaTreeModel::node(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_root.get();
    if (ObjectRows *rows = rowsOf(index))
        return rows->openedNode(rows->list.row(index.row()).oid);
    return static_cast<Node *>(index.internalPointer());
}

const SchemaTreeNode *SchemaTreeModel::nodeAt(const QModelIndex &index) const
{
    return index.isValid() ? node(index) : nullptr;
}

// The node of a row, made for an object row the first time it is needed.
SchemaTreeNode *SchemaTreeModel::open(const QModelIndex &index)
{
    ObjectRows *rows = rowsOf(index);
    if (!rows)
        return node(index);
    auto &slot = rows->opened[rows->list.row(index.row()).oid];
    if (!slot) {
        slot = schematree::objectNode(*rows, index.row());
        registerNode(slot.get());
    }
    return slot.get();
}

QModelIndex SchemaTreeModel::rowIndex(const ObjectRows *rows, int row) const
{
    return createIndex(row, 0, quintptr(rows) | kRowsTag);
}

QModelIndex SchemaTreeModel::indexOf(const Node *n) const
{
    if (!n || n == m_root.get() || !n->parent)
        return {};
    const int r = n->row();
    if (r < 0)
        return {};
    return n->in ? rowIndex(n->in, r) : createIndex(r, 0, const_cast<Node *>(n));
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
    if (!p || column != 0 || row < 0 || row >= p->childCount())
        return {};
    if (p->rows)
        return rowIndex(p->rows.get(), row);
    Node *c = p->children[size_t(row)].get();
    c->rowHint = row;
    return createIndex(row, 0, c);
}

QModelIndex SchemaTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    if (ObjectRows *rows = rowsOf(child))
        return indexOf(rows->owner);
    return indexOf(node(child)->parent);
}

int SchemaTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    const Node *n = node(parent);
    return n ? n->childCount() : 0;
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
    if (!n) // an object row never opened
        return schematree::isExpandable(rowsOf(parent)->list.row(parent.row()).kind);
    if (n->childCount() > 0)
        return true;
    return n->expandable && n->state != State::Fetched;
}

bool SchemaTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid() || !m_loader)
        return false;
    const Node *n = node(parent);
    if (!n)
        return schematree::isExpandable(rowsOf(parent)->list.row(parent.row()).kind);
    return n->expandable && n->state == State::Unfetched;
}

void SchemaTreeModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        startLoad(open(parent));
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
    if (ObjectRows *rows = rowsOf(index))
        return schematree::objectData(*rows, index.row(), role);
    return schematree::nodeData(*node(index), role);
}

void SchemaTreeModel::emitChanged(const Node *n)
{
    const QModelIndex idx = indexOf(n);
    if (idx.isValid())
        Q_EMIT dataChanged(idx, idx);
}

// Inserts up to `count` of n's loaded rows now; the rest go in later turns.
void SchemaTreeModel::insertRows(Node *n, int count)
{
    const int take = std::min(count, n->pendingCount());
    if (take > 0) {
        const int first = n->childCount();
        beginInsertRows(indexOf(n), first, first + take - 1);
        if (n->rows) {
            n->rows->shown += take;
        } else {
            n->children.reserve(n->children.size() + size_t(take));
            for (int i = 0; i < take; ++i) {
                n->pending[size_t(i)]->rowHint = first + i;
                registerNode(n->pending[size_t(i)].get());
                n->children.push_back(std::move(n->pending[size_t(i)]));
            }
            n->pending.erase(n->pending.begin(), n->pending.begin() + take);
        }
        endInsertRows();
    }
    if (n->pendingCount() == 0)
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

// One batch per event-loop turn: a long list gives the event loop a turn between batches.
void SchemaTreeModel::insertBatch()
{
    while (!m_queue.empty()) {
        Node *n = m_live.value(m_queue.front());
        if (n && n->pendingCount() > 0) {
            const int before = n->pendingCount();
            insertRows(n, m_batchSize);
            if (n->pendingCount() == 0 && before > 0) {
                n->queued = false;
                m_queue.pop_front();
            }
            break;
        }
        m_queue.pop_front();
        if (n) {
            n->queued = false;
            if (n->state != State::Fetching) // else its new read finishes it
                finishNode(n);
        }
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

// Rows read but not inserted yet would be stale; the new read brings them back.
void SchemaTreeModel::dropPending(Node *n)
{
    for (auto &c : n->pending)
        forget(c.get());
    n->pending.clear();
    if (n->rows)
        n->rows->list.truncate(n->rows->shown);
}

void SchemaTreeModel::refreshNode(Node *n)
{
    if (!n->expandable || !m_loader)
        return;
    dropPending(n);
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
    if (!n && rowsOf(index)) {
        // An object never opened: nothing of it is loaded, unless it has no children of its
        // own, when refreshing it means its list.
        if (!schematree::isExpandable(rowsOf(index)->list.row(index.row()).kind))
            refreshNode(rowsOf(index)->owner);
        return;
    }
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

// The child of n with this key; an object row (key "o:OID") is opened on the way.
SchemaTreeNode *SchemaTreeModel::childFor(Node *n, const QString &key)
{
    if (n->rows) {
        if (!key.startsWith(QLatin1String("o:")))
            return nullptr;
        const int r = n->rows->list.indexOfOid(key.mid(2).toUInt());
        return r >= 0 && r < n->rows->shown ? open(rowIndex(n->rows.get(), r)) : nullptr;
    }
    for (auto &c : n->children)
        if (c->key == key)
            return c.get();
    return nullptr;
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
        Node *next = childFor(n, step.key);
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
