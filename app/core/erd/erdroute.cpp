#include "erd/erdlayout.h"

#include <algorithm>
#include <cmath>

namespace strata::core::ErdLayouter {

using namespace erdgeometry;

namespace {

constexpr double kTip = 9; // room for the crow's foot or the arrow at an end
constexpr double kClusterMargin = 14;
constexpr double kClusterLabel = 32;

struct End
{
    int table = -1;
    QString column; // empty: the header
};

double rowY(const ErdDiagram &d, const QList<TableShape> &shapes, const QRectF &box, const End &e)
{
    const TableShape &s = shapes.at(e.table);
    const int row = e.column.isEmpty() ? -1 : s.rowOf(d.tables.at(e.table), e.column);
    return box.top() + (row < 0 ? kBorder + kHeaderHeight / 2 : s.rowTop(row) + kRowHeight / 2);
}

} // namespace

ErdEdgePath route(const ErdDiagram &d, const QList<TableShape> &shapes, const ErdLayout &layout,
    const ErdEdgePath &edge)
{
    End a, b;
    if (edge.key >= 0) {
        const ErdForeignKey &k = d.keys.at(edge.key);
        a = { d.indexOf(k.from), k.fromColumns.value(0) };
        b = { d.indexOf(k.to), k.toColumns.value(0) };
    } else {
        a = { d.indexOf(d.viewEdges.at(edge.viewEdge).view), {} };
        b = { d.indexOf(d.viewEdges.at(edge.viewEdge).source), {} };
    }
    if (a.table < 0 || b.table < 0)
        return edge;
    const QRectF ra = layout.tables.at(a.table), rb = layout.tables.at(b.table);
    // Leave and arrive on the facing sides; tables one above the other get a loop on the right.
    double dirA = 1, dirB = -1;
    if (rb.right() <= ra.left()) {
        dirA = -1;
        dirB = 1;
    } else if (rb.left() < ra.right()) {
        dirB = 1;
    }
    const QPointF tipA(dirA > 0 ? ra.right() : ra.left(), rowY(d, shapes, ra, a));
    const QPointF tipB(dirB > 0 ? rb.right() : rb.left(), rowY(d, shapes, rb, b));
    ErdEdgePath out = edge;
    out.hasStart = edge.key >= 0;
    out.start = tipA;
    out.hasEnd = true;
    out.end = tipB;
    const QPointF p0 = out.hasStart ? tipA + QPointF(dirA * kTip, 0) : tipA;
    const QPointF p3 = tipB + QPointF(dirB * kTip, 0);
    const double reach = std::max(36.0, std::abs(p3.x() - p0.x()) / 2);
    out.points = { p0, p0 + QPointF(dirA * reach, 0), p3 + QPointF(dirB * reach, 0), p3 };
    return out;
}

void moveTable(const ErdDiagram &d, const QList<TableShape> &shapes, ErdLayout &layout, int table,
    const QPointF &topLeft)
{
    layout.tables[table].moveTopLeft(topLeft);
    const quint32 oid = d.tables.at(table).oid;
    for (ErdEdgePath &e : layout.edges) {
        const bool touches = e.key >= 0
            ? (d.keys.at(e.key).from == oid || d.keys.at(e.key).to == oid)
            : (d.viewEdges.at(e.viewEdge).view == oid || d.viewEdges.at(e.viewEdge).source == oid);
        if (touches)
            e = route(d, shapes, layout, e);
    }
    for (ErdClusterBox &c : layout.clusters) {
        if (!c.tables.contains(table))
            continue;
        QRectF r;
        for (int t : std::as_const(c.tables))
            r = r.isNull() ? layout.tables.at(t) : r.united(layout.tables.at(t));
        c.rect = r.adjusted(
            -kClusterMargin, -kClusterMargin - kClusterLabel, kClusterMargin, kClusterMargin);
    }
    QRectF all = layout.bounds;
    all = all.united(layout.tables.at(table).adjusted(-20, -20, 20, 20));
    layout.bounds = all;
}

} // namespace strata::core::ErdLayouter
