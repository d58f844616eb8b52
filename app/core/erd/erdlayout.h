#pragma once

#include "erd/erdgeometry.h"
#include "erd/erdtypes.h"
#include "result.h"

#include <functional>

namespace strata::core {

// Lays a diagram out with Graphviz's library. Each connected part (tables joined by foreign keys
// or a view's reads) is laid out by dot on its own, one after another under GraphvizLock;
// tables joined to nothing are set in a grid (dot would stack them in one column); then the
// parts are packed into a rectangle near the shape of a screen. Between parts `canceled` is asked
// and the lock let go, so a cancelled request stops soon and another diagram (or the Alembic
// graph) gets its turn.
namespace ErdLayouter {

Result<ErdLayout> layout(const ErdDiagram &diagram, const std::function<bool()> &canceled = {});

// The shape of each table of the diagram (same order).
QList<erdgeometry::TableShape> shapes(const ErdDiagram &diagram);

// Graphviz alone on the same graphs (building them and gvLayout, nothing kept), for the bench:
// milliseconds. wholeGraph: the diagram as one graph with Graphviz's own component packing
// (pack=true), as a person running dot on it would.
double graphvizOnly(const ErdDiagram &diagram, bool wholeGraph = false);

// Moves a table and routes the edges that touch it again, as straight-ish curves between the
// same rows (what dragging a table in the window does; exports then draw the same).
void moveTable(const ErdDiagram &diagram, const QList<erdgeometry::TableShape> &shapes,
    ErdLayout &layout, int table, const QPointF &topLeft);
// The curve of one edge between its tables where they now are.
ErdEdgePath route(const ErdDiagram &diagram, const QList<erdgeometry::TableShape> &shapes,
    const ErdLayout &layout, const ErdEdgePath &edge);

} // namespace ErdLayouter
} // namespace strata::core
