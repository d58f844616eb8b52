#include "erd/erdlayout.h"

#include "erd/erdgraph.h"
#include "erd/erdpack.h"
#include "erd/graphvizlock.h"

#include <graphviz/gvc.h>

#include <QElapsedTimer>
#include <QSet>

#include <cmath>
#include <numeric>

namespace strata::core::ErdLayouter {

using namespace erdgeometry;

namespace {

constexpr int kSmallSchema = 40;

// Connected parts: tables joined by a foreign key or a view's read. Each part lists indexes
// into the diagram's tables, largest part first, singletons last.
QList<QList<int>> components(const ErdDiagram &d)
{
    QList<int> parent(d.tables.size());
    std::iota(parent.begin(), parent.end(), 0);
    auto root = [&parent](int i) {
        while (parent[i] != i)
            i = parent[i] = parent[parent[i]];
        return i;
    };
    QHash<quint32, int> byOid;
    for (int i = 0; i < d.tables.size(); ++i)
        byOid.insert(d.tables.at(i).oid, i);
    auto join = [&](quint32 a, quint32 b) {
        const int x = byOid.value(a, -1), y = byOid.value(b, -1);
        if (x >= 0 && y >= 0)
            parent[root(x)] = root(y);
    };
    for (const ErdForeignKey &k : d.keys)
        join(k.from, k.to);
    for (const ErdViewEdge &v : d.viewEdges)
        join(v.view, v.source);
    // Of several schemas, a small one is laid out whole, in its box, with what it links to.
    if (d.multiSchema()) {
        QHash<QString, QList<int>> bySchema;
        for (int i = 0; i < d.tables.size(); ++i)
            bySchema[d.tables.at(i).schema].append(i);
        for (const QList<int> &members : std::as_const(bySchema))
            if (members.size() <= kSmallSchema)
                for (int i : members)
                    parent[root(i)] = root(members.first());
    }
    QHash<int, int> partOf;
    QList<QList<int>> parts;
    for (int i = 0; i < d.tables.size(); ++i) {
        const int r = root(i);
        if (!partOf.contains(r)) {
            partOf.insert(r, int(parts.size()));
            parts.append(QList<int>());
        }
        parts[partOf.value(r)].append(i);
    }
    std::stable_sort(parts.begin(), parts.end(),
        [](const QList<int> &a, const QList<int> &b) { return a.size() > b.size(); });
    return parts;
}

QPointF toScene(const pointf &p, double top)
{
    return { p.x, top - p.y };
}

// Reads back where Graphviz put one part, in the part's own coordinates (y down, from 0).
ErdPack::Block readBack(const ErdGraph &graph, const ErdDiagram &d, const QList<int> &members)
{
    Agraph_t *g = graph.graph();
    const boxf bb = GD_bb(g);
    const double top = bb.UR.y;
    ErdPack::Block block;
    block.size = QSizeF(bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y);
    const QPointF shift(-bb.LL.x, 0);
    for (int t : members) {
        Agnode_t *n = graph.node(t);
        const double w = ND_width(n) * 72, h = ND_height(n) * 72;
        const QPointF c = toScene(ND_coord(n), top) + shift;
        block.tables.insert(t, QRectF(c.x() - w / 2, c.y() - h / 2, w, h));
    }
    for (const ErdGraph::Edge &e : graph.edges()) {
        const splines *spl = ED_spl(e.edge);
        if (!spl || spl->size == 0)
            continue;
        ErdEdgePath path;
        path.key = e.key;
        path.viewEdge = e.viewEdge;
        for (int b = 0; b < spl->size; ++b) {
            const bezier &bz = spl->list[b];
            for (int i = (b == 0 ? 0 : 1); i < bz.size; ++i)
                path.points.append(toScene(bz.list[i], top) + shift);
            if (b == 0 && bz.sflag) {
                path.hasStart = true;
                path.start = toScene(bz.sp, top) + shift;
            }
            if (b == spl->size - 1 && bz.eflag) {
                path.hasEnd = true;
                path.end = toScene(bz.ep, top) + shift;
            }
        }
        block.edges.append(path);
    }
    for (auto it = graph.clusters().cbegin(); it != graph.clusters().cend(); ++it) {
        const boxf cb = GD_bb(it.value());
        QList<int> held;
        for (int t : members)
            if (d.tables.at(t).schema == it.key())
                held.append(t);
        block.clusters.append({ it.key(),
            QRectF(
                QPointF(cb.LL.x, top - cb.UR.y) + shift, QPointF(cb.UR.x, top - cb.LL.y) + shift),
            held });
    }
    return block;
}

// One part through dot. The lock is held for this part only.
Result<ErdPack::Block> layoutPart(
    const ErdDiagram &d, const QList<TableShape> &shapes, const QList<int> &members, double &gvMs)
{
    GraphvizLock lock;
    ErdGraph graph(d, shapes, members, ErdGraph::Purpose::Layout);
    QElapsedTimer clock;
    clock.start();
    if (gvLayout(lock.context(), graph.graph(), "dot") != 0)
        return Error(Error::Kind::Internal,
            QStringLiteral("Graphviz could not lay out a part of the diagram (%1 tables).")
                .arg(members.size()));
    gvMs += clock.nsecsElapsed() / 1e6;
    ErdPack::Block block = readBack(graph, d, members);
    gvFreeLayout(lock.context(), graph.graph());
    return block;
}

} // namespace

QList<TableShape> shapes(const ErdDiagram &diagram)
{
    QList<TableShape> out;
    out.reserve(diagram.tables.size());
    // A diagram of several schemas draws each in a labelled box: titles need not repeat it.
    for (const ErdTable &t : diagram.tables)
        out.append(shape(t, diagram.keysOnly, false));
    return out;
}

Result<ErdLayout> layout(const ErdDiagram &d, const std::function<bool()> &canceled)
{
    const QList<TableShape> sh = shapes(d);
    QList<ErdPack::Block> blocks;
    QList<int> singles;
    double gvMs = 0;
    int parts = 0;
    for (const QList<int> &part : components(d)) {
        if (canceled && canceled())
            return Error(Error::Kind::Canceled, QStringLiteral("Cancelled."));
        if (part.size() == 1) {
            singles.append(part.first());
            continue;
        }
        auto block = layoutPart(d, sh, part, gvMs);
        if (!block)
            return block.error();
        blocks.append(std::move(block.value()));
        ++parts;
    }
    blocks += ErdPack::grids(d, sh, singles);
    ErdLayout out = ErdPack::pack(d, blocks);
    // Edges Graphviz did not see (a table alone but for a key to itself): routed here.
    QSet<int> keys, views;
    for (const ErdEdgePath &e : std::as_const(out.edges))
        (e.key >= 0 ? keys : views).insert(e.key >= 0 ? e.key : e.viewEdge);
    for (int k = 0; k < d.keys.size(); ++k)
        if (!keys.contains(k))
            out.edges.append(route(d, sh, out, ErdEdgePath { k, -1, {}, false, {}, false, {} }));
    for (int v = 0; v < d.viewEdges.size(); ++v)
        if (!views.contains(v))
            out.edges.append(route(d, sh, out, ErdEdgePath { -1, v, {}, false, {}, false, {} }));
    out.graphvizMs = gvMs;
    out.components = parts;
    out.shapes = std::make_shared<const QList<TableShape>>(sh);
    return out;
}

double graphvizOnly(const ErdDiagram &d, bool wholeGraph)
{
    const QList<TableShape> sh = shapes(d);
    QElapsedTimer clock;
    clock.start();
    auto run = [&](const QList<int> &members, bool pack) {
        GraphvizLock lock;
        ErdGraph graph(d, sh, members, ErdGraph::Purpose::Layout);
        if (pack)
            gvSet(graph.graph(), "pack", "true");
        if (gvLayout(lock.context(), graph.graph(), "dot") == 0)
            gvFreeLayout(lock.context(), graph.graph());
    };
    if (wholeGraph) {
        QList<int> all(d.tables.size());
        std::iota(all.begin(), all.end(), 0);
        run(all, true);
    } else {
        for (const QList<int> &part : components(d))
            if (part.size() > 1)
                run(part, false);
    }
    return clock.nsecsElapsed() / 1e6;
}

} // namespace strata::core::ErdLayouter
