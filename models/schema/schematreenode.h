#pragma once

#include "catalog/catalogtypes.h"

#include <QString>

#include <memory>
#include <vector>

namespace strata::models {

// One row of the schema tree. Plain data owned by its parent; the model keeps the logic.
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
    QString detail; // a column's type, a partition's bound, an index's definition, ...
    QString key; // identity among siblings, kept across refreshes
    qint64 count = -1; // shown as "Label (1,000)"; -1: no count
    qint64 estimatedRows = -1;
    qint64 estimatedBytes = 0;
    quint32 parentOid = 0; // a partition's parent table
    bool internal = false;
    bool expandable = false;
    bool disabled = false; // another database: not opened in this release

    State state = State::Unfetched;
    quint64 generation = 0;
    QString error;
    SchemaTreeNode *parent = nullptr;
    std::vector<std::unique_ptr<SchemaTreeNode>> children;
    std::vector<std::unique_ptr<SchemaTreeNode>> pending; // loaded, not yet inserted
    bool queued = false;
    mutable int rowHint = 0; // checked before use: removals shift rows

    int row() const;
};

} // namespace strata::models
