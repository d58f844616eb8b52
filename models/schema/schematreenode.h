#pragma once

#include "catalog/catalogtypes.h"
#include "catalog/relationlist.h"

#include <QString>

#include <memory>
#include <unordered_map>
#include <vector>

namespace strata::models {

struct SchemaTreeNode;

// The objects of a group (or a table's partitions) as the tree holds them: the compact list read
// from the catalog, taken as it is (no node per row), how many of its rows are in the model so
// far, and a full node for each object that was opened (expanded, or on the way to a found
// object), which holds that object's state and children.
struct ObjectRows
{
    explicit ObjectRows(SchemaTreeNode *owner) : owner(owner) { }

    SchemaTreeNode *owner; // the Group or Partitions sub-group
    core::RelationList list;
    int shown = 0; // rows inserted into the model; the rest wait for a batch
    std::unordered_map<quint32, std::unique_ptr<SchemaTreeNode>> opened; // by OID

    int pending() const { return list.size() - shown; }
    SchemaTreeNode *openedNode(quint32 oid) const
    {
        const auto it = opened.find(oid);
        return it == opened.end() ? nullptr : it->second.get();
    }
};

// One row of the schema tree above the objects (server, databases, schemas, groups, sub-groups,
// columns, ...), or an opened object. Plain data owned by its parent; the model keeps the logic.
struct SchemaTreeNode
{
    enum class Type { Root, Server, Database, Schema, Group, Object, SubGroup, Leaf };
    enum class Sub { None, Columns, Indexes, Constraints, Triggers, Partitions };
    enum class State { Unfetched, Fetching, Fetched, Failed };

    Type type = Type::Root;
    core::ObjectKind kind = core::ObjectKind::Unknown;
    core::CatalogGroup group = core::CatalogGroup::Tables;
    Sub sub = Sub::None;
    quint64 id = 0;
    quint32 oid = 0; // the object's OID (for a sub-group or leaf: its relation's)
    quint32 schemaOid = 0;
    QString schemaName;
    QString name;
    QString detail; // a column's type, an index's definition, a schema's comment, ...
    QString key; // identity among siblings, kept across refreshes
    qint64 count = -1; // shown as "Label (1,000)"; -1: no count
    bool internal = false;
    bool expandable = false;
    bool disabled = false; // another database: not opened in this release

    State state = State::Unfetched;
    quint64 generation = 0;
    QString error;
    SchemaTreeNode *parent = nullptr;
    // The children: nodes, or (a group's objects, a table's partitions) compact rows.
    std::vector<std::unique_ptr<SchemaTreeNode>> children;
    std::vector<std::unique_ptr<SchemaTreeNode>> pending; // loaded, not yet inserted
    std::unique_ptr<ObjectRows> rows;
    ObjectRows *in = nullptr; // an opened object: the rows it is one of
    bool queued = false;
    mutable int rowHint = 0; // checked before use: removals shift rows

    int row() const;
    int childCount() const { return rows ? rows->shown : int(children.size()); }
    int pendingCount() const { return rows ? rows->pending() : int(pending.size()); }
};

} // namespace strata::models
