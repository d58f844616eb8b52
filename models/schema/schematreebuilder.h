#pragma once

#include "catalog/catalogtypes.h"
#include "schematreenode.h"

#include <QList>

#include <memory>
#include <vector>

namespace strata::models::schematree {

// The schema tree's nodes built from the catalog's values: pure functions, no model and no
// SQL, called by SchemaTreeModel when a read lands and by unit tests directly. A group's objects
// and a table's partitions get no nodes: their compact list is stored as it is (ObjectRows), and
// objectNode() makes a node only for an object that is opened.
using NodePtr = std::unique_ptr<SchemaTreeNode>;
using NodeList = std::vector<NodePtr>;

// Whether a kind of object has children in the tree (columns, indexes, partitions, ...).
bool isExpandable(core::ObjectKind kind);

// The server's databases; only `connected` opens, the others are listed as not opened.
NodeList databaseNodes(const QList<core::DatabaseInfo> &databases, const QString &connected);
NodeList schemaNodes(const QList<core::SchemaInfo> &schemas, bool showInternal);
// A schema's groups with their counts (Tables always, the others when they hold something).
NodeList groupNodes(const SchemaTreeNode &schema, const core::SchemaInfo &info);
// An object's sub-groups: Partitions, Columns (always), Indexes, Constraints, Triggers.
NodeList subGroupNodes(const SchemaTreeNode &object, const core::RelationCounts &counts);
NodeList leafNodes(const SchemaTreeNode &sub, const QList<core::ColumnInfo> &columns);
NodeList leafNodes(const SchemaTreeNode &sub, const QList<core::IndexInfo> &indexes);
NodeList leafNodes(const SchemaTreeNode &sub, const QList<core::ConstraintInfo> &constraints);
NodeList leafNodes(const SchemaTreeNode &sub, const QList<core::TriggerInfo> &triggers);

// The node of row `row` of these rows, made when that object is opened; it stands for the row
// (the model shows the row's values) and holds the object's state and children.
NodePtr objectNode(ObjectRows &rows, int row);
// The row's values that an opened node copies, again after a refresh.
void updateObjectNode(SchemaTreeNode &node, const ObjectRows &rows, int row);

} // namespace strata::models::schematree
