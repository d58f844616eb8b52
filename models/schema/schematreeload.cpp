// SchemaTreeModel, reading: the reads each kind of node starts, and how their results join the
// tree (new rows, or a refresh merged into the rows shown).
#include "schematreemodel.h"

#include "catalog/catalogloader.h"
#include "schematreebuilder.h"
#include "util/whenfinished.h"

#include <unordered_map>
#include <unordered_set>

namespace strata::models {

using Type = SchemaTreeNode::Type;
using Sub = SchemaTreeNode::Sub;
using State = SchemaTreeNode::State;

// Calls apply(node, value) when the read lands, if the node is still there and was not asked
// again since; a failed read marks the node.
template <typename T, typename Apply>
void SchemaTreeModel::watch(Node *n, QFuture<core::Result<T>> future, Apply apply)
{
    const quint64 id = n->id;
    const quint64 generation = n->generation;
    ++m_inFlight;
    updateBusy();
    core::whenFinished(this, future,
        [this, id, generation, loader = m_loader, apply = std::move(apply)](
            core::Result<T> result) mutable {
            if (m_loader != loader)
                return; // setLoader started over (and reset m_inFlight)
            --m_inFlight;
            Node *target = m_live.value(id);
            if (target && target->generation == generation) {
                if (result)
                    apply(target, std::move(result).value());
                else
                    failed(target, result.error().toString());
            }
            updateBusy();
        });
}

// Node children (databases, schemas, groups, sub-groups, leaves: a few hundred at most) are
// built on the GUI thread when the read lands: cheaper than another thread's turn.
template <typename T, typename Build>
void SchemaTreeModel::watchNodes(Node *n, QFuture<core::Result<T>> future, Build build)
{
    watch(n, std::move(future),
        [this, build](Node *target, T value) { applyChildren(target, build(*target, value)); });
}

void SchemaTreeModel::watchRows(Node *n, QFuture<core::Result<core::RelationList>> future)
{
    watch(n, std::move(future),
        [this](Node *target, core::RelationList rows) { applyRows(target, std::move(rows)); });
}

void SchemaTreeModel::startLoad(Node *n)
{
    n->state = State::Fetching;
    n->error.clear();
    ++n->generation;
    emitChanged(n);
    core::CatalogLoader &l = *m_loader;
    namespace b = schematree;
    switch (n->type) {
    case Type::Server:
        watchNodes(n, l.databases(), [db = l.databaseName()](const Node &, const auto &all) {
            return b::databaseNodes(all, db);
        });
        break;
    case Type::Database:
        watchNodes(n, l.schemas(), [show = m_showInternal](const Node &, const auto &all) {
            return b::schemaNodes(all, show);
        });
        break;
    case Type::Schema:
        // The schema list gives fresh per-group counts; the groups are built from them.
        watchNodes(n, l.schemas(), [](const Node &schema, const QList<core::SchemaInfo> &all) {
            for (const auto &s : all)
                if (s.oid == schema.oid)
                    return b::groupNodes(schema, s);
            return NodeList();
        });
        break;
    case Type::Group:
        watchRows(n, l.objects(n->schemaOid, n->group));
        break;
    case Type::Object:
        watchNodes(n, l.relationCounts(n->oid), [](const Node &object, const auto &counts) {
            return b::subGroupNodes(object, counts);
        });
        break;
    case Type::SubGroup:
        loadSubGroup(n);
        break;
    case Type::Root:
    case Type::Leaf:
        break;
    }
}

void SchemaTreeModel::loadSubGroup(Node *n)
{
    core::CatalogLoader &l = *m_loader;
    auto leaves
        = [](const Node &sub, const auto &values) { return schematree::leafNodes(sub, values); };
    switch (n->sub) {
    case Sub::Columns:
        watchNodes(n, l.columns(n->oid), leaves);
        break;
    case Sub::Indexes:
        watchNodes(n, l.indexes(n->oid), leaves);
        break;
    case Sub::Constraints:
        watchNodes(n, l.constraints(n->oid), leaves);
        break;
    case Sub::Triggers:
        watchNodes(n, l.triggers(n->oid), leaves);
        break;
    case Sub::Partitions:
        watchRows(n, l.partitions(n->oid));
        break;
    case Sub::None:
        break;
    }
}

void SchemaTreeModel::failed(Node *n, const QString &message)
{
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
    kept->schemaName = fresh.schemaName;
    kept->internal = fresh.internal;
    kept->disabled = fresh.disabled;
    if (kept->expandable != fresh.expandable) {
        kept->expandable = fresh.expandable;
        if (!kept->expandable)
            kept->state = State::Fetched;
    }
}

void SchemaTreeModel::applyChildren(Node *n, NodeList fresh)
{
    for (auto &c : fresh)
        c->parent = n;
    if (n->children.empty())
        n->pending = std::move(fresh);
    else
        mergeChildren(n, std::move(fresh));
    insertRows(n, std::min(firstScreenRows, m_batchSize));
}

// A refresh: keeps the rows that still exist (expansion and selection stay), removes the ones
// gone, appends the new ones.
void SchemaTreeModel::mergeChildren(Node *n, NodeList fresh)
{
    const QModelIndex parentIdx = indexOf(n);
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
        if (it == kept.end())
            added.push_back(std::move(c));
        else
            updateFrom(it->second, *c);
    }
    if (!n->children.empty())
        Q_EMIT dataChanged(
            index(0, 0, parentIdx), index(int(n->children.size()) - 1, 0, parentIdx));
    n->pending = std::move(added);
    refreshLoadedBelow(n);
}

void SchemaTreeModel::applyRows(Node *n, core::RelationList fresh)
{
    if (!n->rows)
        n->rows = std::make_unique<ObjectRows>(n);
    if (n->rows->shown == 0) {
        // Nothing of the old list is in the model: the new one replaces it.
        ObjectRows &rows = *n->rows;
        rows.list = std::move(fresh);
        syncOpened(rows);
    } else {
        mergeRows(n, std::move(fresh));
    }
    insertRows(n, std::min(firstScreenRows, m_batchSize));
}

// Opened objects take their row's fresh values; those no longer listed go.
void SchemaTreeModel::syncOpened(ObjectRows &rows)
{
    for (auto it = rows.opened.begin(); it != rows.opened.end();) {
        const int r = rows.list.indexOfOid(it->first, it->second->rowHint);
        if (r < 0) {
            forget(it->second.get());
            it = rows.opened.erase(it);
            continue;
        }
        schematree::updateObjectNode(*it->second, rows, r);
        ++it;
    }
}

// A refresh of compact rows: the same as mergeChildren, by OID.
void SchemaTreeModel::mergeRows(Node *n, core::RelationList fresh)
{
    ObjectRows &rows = *n->rows;
    const QModelIndex parentIdx = indexOf(n);
    std::unordered_map<quint32, int> freshRow;
    freshRow.reserve(size_t(fresh.size()));
    for (int i = 0; i < fresh.size(); ++i)
        freshRow.emplace(fresh.row(i).oid, i);
    auto gone = [&](int r) { return !freshRow.count(rows.list.row(r).oid); };
    for (int r = rows.shown - 1; r >= 0;) {
        if (!gone(r)) {
            --r;
            continue;
        }
        int first = r;
        while (first > 0 && gone(first - 1))
            --first;
        beginRemoveRows(parentIdx, first, r);
        for (int i = first; i <= r; ++i) {
            if (auto it = rows.opened.find(rows.list.row(i).oid); it != rows.opened.end()) {
                forget(it->second.get());
                rows.opened.erase(it);
            }
        }
        rows.list.removeRows(first, r - first + 1);
        rows.shown -= r - first + 1;
        endRemoveRows();
        r = first - 1;
    }
    // The rows kept, in their order and with their fresh values, then the new ones.
    core::RelationList merged;
    merged.reserve(fresh.size(), 0);
    std::unordered_set<quint32> kept;
    for (int r = 0; r < rows.shown; ++r) {
        kept.insert(rows.list.row(r).oid);
        merged.appendFrom(fresh, freshRow.at(rows.list.row(r).oid));
    }
    for (int i = 0; i < fresh.size(); ++i)
        if (!kept.count(fresh.row(i).oid))
            merged.appendFrom(fresh, i);
    rows.list = std::move(merged);
    syncOpened(rows);
    if (rows.shown > 0)
        Q_EMIT dataChanged(index(0, 0, parentIdx), index(rows.shown - 1, 0, parentIdx));
    refreshLoadedBelow(n);
}

// After a refresh of n: its loaded children are read again, failed ones may be tried again.
void SchemaTreeModel::refreshLoadedBelow(Node *n)
{
    auto again = [this](Node *c) {
        if (c->state == State::Fetched && c->expandable && c->childCount() > 0)
            refreshNode(c);
        else if (c->state == State::Failed)
            c->state = State::Unfetched;
    };
    for (auto &c : n->children)
        again(c.get());
    if (n->rows)
        for (auto &[oid, c] : n->rows->opened)
            again(c.get());
}

} // namespace strata::models
