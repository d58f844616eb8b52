#include "erd/erdpack.h"

#include <QMap>

#include <algorithm>
#include <cmath>

namespace strata::core::ErdPack {

using namespace erdgeometry;

namespace {

constexpr double kGap = 36; // between tables of a grid
constexpr double kBlockGap = 72; // between blocks
constexpr double kClusterMargin = 14;
constexpr double kClusterLabel = 32; // room for the schema's name above a grid
constexpr double kAspect = 1.8; // about a window's shape

// Left to right in rows no wider than `maxWidth`; returns the positions and the size used.
QList<QPointF> rows(const QList<QSizeF> &sizes, double maxWidth, double gap, QSizeF &used)
{
    QList<QPointF> at;
    double x = 0, y = 0, rowHeight = 0, width = 0;
    for (const QSizeF &s : sizes) {
        if (x > 0 && x + s.width() > maxWidth) {
            x = 0;
            y += rowHeight + gap;
            rowHeight = 0;
        }
        at.append(QPointF(x, y));
        x += s.width() + gap;
        width = std::max(width, x - gap);
        rowHeight = std::max(rowHeight, s.height());
    }
    used = QSizeF(width, y + rowHeight);
    return at;
}

double rowWidthFor(const QList<QSizeF> &sizes, double gap)
{
    double area = 0, widest = 0;
    for (const QSizeF &s : sizes) {
        area += (s.width() + gap) * (s.height() + gap);
        widest = std::max(widest, s.width());
    }
    return std::max(widest, std::sqrt(area * kAspect));
}

} // namespace

QList<Block> grids(const ErdDiagram &d, const QList<TableShape> &shapes, const QList<int> &singles)
{
    const bool boxed = d.multiSchema();
    QMap<QString, QList<int>> bySchema;
    for (int t : singles)
        bySchema[boxed ? d.tables.at(t).schema : QString()].append(t);
    QList<Block> out;
    for (auto it = bySchema.cbegin(); it != bySchema.cend(); ++it) {
        QList<QSizeF> sizes;
        for (int t : it.value())
            sizes.append(QSizeF(shapes.at(t).width, shapes.at(t).height));
        QSizeF used;
        const QList<QPointF> at = rows(sizes, rowWidthFor(sizes, kGap), kGap, used);
        Block b;
        const QPointF inset
            = boxed ? QPointF(kClusterMargin, kClusterMargin + kClusterLabel) : QPointF(0, 0);
        for (int i = 0; i < at.size(); ++i)
            b.tables.insert(it.value().at(i), QRectF(at.at(i) + inset, sizes.at(i)));
        b.size = used + QSizeF(2 * inset.x(), inset.y() + (boxed ? kClusterMargin : 0));
        if (boxed)
            b.clusters.append({ it.key(), QRectF(QPointF(0, 0), b.size), it.value() });
        out.append(b);
    }
    return out;
}

ErdLayout pack(const ErdDiagram &d, const QList<Block> &blocks)
{
    QList<int> order(blocks.size());
    for (int i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&blocks](int a, int b) {
        return blocks.at(a).size.height() > blocks.at(b).size.height();
    });
    QList<QSizeF> sizes;
    for (int i : order)
        sizes.append(blocks.at(i).size);
    QSizeF used;
    const QList<QPointF> at = rows(sizes, rowWidthFor(sizes, kBlockGap), kBlockGap, used);
    ErdLayout out;
    out.tables.resize(d.tables.size());
    const QPointF margin(20, 20);
    for (int n = 0; n < order.size(); ++n) {
        const Block &b = blocks.at(order.at(n));
        const QPointF off = at.at(n) + margin;
        for (auto it = b.tables.cbegin(); it != b.tables.cend(); ++it)
            out.tables[it.key()] = it.value().translated(off);
        for (ErdEdgePath e : b.edges) {
            for (QPointF &p : e.points)
                p += off;
            e.start += off;
            e.end += off;
            out.edges.append(e);
        }
        for (ErdClusterBox c : b.clusters) {
            c.rect.translate(off);
            out.clusters.append(c);
        }
    }
    out.bounds = QRectF(QPointF(0, 0), used + QSizeF(2 * margin.x(), 2 * margin.y()));
    return out;
}

} // namespace strata::core::ErdPack
