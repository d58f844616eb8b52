#pragma once

#include "schematreenode.h"

#include <QString>
#include <QVariant>

namespace strata::models::schematree {

// What SchemaTreeModel::data answers, for each kind of row: pure functions of the stored
// values, called by the model and by unit tests directly.

// "Label (1,000)"; the label alone when count < 0.
QString countLabel(const QString &label, qint64 count);
// A node's row: server, database, schema, group, sub-group, leaf.
QVariant nodeData(const SchemaTreeNode &node, int role);
// Row `row` of compact object rows; the object's opened node, if any, gives its state.
QVariant objectData(const ObjectRows &rows, int row, int role);

} // namespace strata::models::schematree
