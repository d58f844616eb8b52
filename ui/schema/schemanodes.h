#pragma once

#include "catalog/catalogtypes.h"
#include "schema/schematreemodel.h"

#include <QModelIndex>

namespace strata::ui::schemanodes {

// What a node of the schema tree is, read from its roles.
inline core::ObjectKind kindOf(const QModelIndex &i)
{
    return core::ObjectKind(i.data(models::SchemaTreeModel::KindRole).toInt());
}

inline models::SchemaTreeNode::Type typeOf(const QModelIndex &i)
{
    return models::SchemaTreeNode::Type(i.data(models::SchemaTreeModel::NodeTypeRole).toInt());
}

// Whether the data tab can show its rows.
inline bool hasRows(core::ObjectKind k)
{
    using K = core::ObjectKind;
    return k == K::Table || k == K::PartitionedTable || k == K::View || k == K::MaterializedView
        || k == K::ForeignTable;
}

} // namespace strata::ui::schemanodes
