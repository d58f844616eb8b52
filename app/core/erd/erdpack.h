#pragma once

#include "erd/erdgeometry.h"
#include "erd/erdtypes.h"

#include <QHash>
#include <QSizeF>

namespace strata::core {

// Puts the separately laid-out parts of a diagram together. Core-internal.
namespace ErdPack {

// A part in its own coordinates (origin top left, y down).
struct Block
{
    QSizeF size;
    QHash<int, QRectF> tables; // diagram table index -> box
    QList<ErdEdgePath> edges;
    QList<ErdClusterBox> clusters;
};

// Tables joined to nothing, set in rows: one grid, or one per schema (boxed and labelled) when
// the diagram spans several schemas.
QList<Block> grids(
    const ErdDiagram &d, const QList<erdgeometry::TableShape> &shapes, const QList<int> &singles);

// The blocks, largest first, in rows no wider than a 16:10 rectangle of their total area.
ErdLayout pack(const ErdDiagram &d, const QList<Block> &blocks);

} // namespace ErdPack
} // namespace strata::core
