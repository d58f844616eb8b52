#pragma once

#include "erd/erdgeometry.h"
#include "erd/erdpalette.h"
#include "erd/erdtypes.h"

#include <graphviz/cgraph.h>

#include <QHash>

namespace strata::core {

// A diagram (or a part of it) as a Graphviz graph: tables as HTML-like tables with a port on
// each side of each listed column, foreign keys from the referencing column's right side to the
// referenced column's left side (left to right), views' reads dashed, schemas as clusters.
// Core-internal; build and use it only while holding GraphvizLock.
class ErdGraph
{
public:
    enum class Purpose {
        Layout, // boxes of the right sizes without text: Graphviz measures nothing
        Render, // with text and colours, and the positions of a layout (for "nop2")
    };

    // members: indexes into d.tables; keys and view edges are those with both ends among them.
    // `placed` (Render only): where everything goes, for Graphviz's "nop2" engine; its cluster
    // boxes become the clusters.
    ErdGraph(const ErdDiagram &d, const QList<erdgeometry::TableShape> &shapes,
        const QList<int> &members, Purpose purpose, const ErdPalette &palette = ErdPalette::light(),
        const ErdLayout *placed = nullptr);
    ~ErdGraph();
    ErdGraph(const ErdGraph &) = delete;
    ErdGraph &operator=(const ErdGraph &) = delete;

    Agraph_t *graph() const { return m_graph; }
    Agnode_t *node(int table) const { return m_nodes.value(table); }

    struct Edge
    {
        Agedge_t *edge;
        int key; // index into the diagram's keys, or -1
        int viewEdge; // index into the diagram's view edges, or -1
    };
    const QList<Edge> &edges() const { return m_edges; }
    // The cluster of each schema (only when the diagram spans several schemas; Layout only).
    const QHash<QString, Agraph_t *> &clusters() const { return m_clusters; }

    // The HTML-like label of a table (Graphviz's syntax), for tests and the DOT export.
    static QString label(const ErdTable &table, const erdgeometry::TableShape &shape, bool text,
        const ErdPalette &palette);
    // The port of a column's row on one side ('w' or 'e'); the header's when it is not listed.
    static QByteArray port(const ErdTable &table, const erdgeometry::TableShape &shape,
        const QString &column, char side);

private:
    Agraph_t *cluster(const QString &schema, const QByteArray &name, const ErdPalette &palette);
    void place(const ErdLayout &layout);
    void gridIsolated(const ErdDiagram &d, const QList<int> &members);

    Agraph_t *m_graph = nullptr;
    QHash<int, Agnode_t *> m_nodes;
    QList<Edge> m_edges;
    QHash<QString, Agraph_t *> m_clusters;
    QList<Agraph_t *> m_boxes; // Render: one per cluster box of the layout
};

// Sets a Graphviz attribute (declaring it with an empty default).
void gvSet(void *object, const char *name, const QByteArray &value);
// The same with an HTML-like value (a label in <...>).
void gvSetHtml(Agraph_t *graph, void *object, const char *name, const QString &html);

} // namespace strata::core
