#include "erd/erdgraph.h"

#include <QLocale>
#include <QSet>

#include <cmath>

namespace strata::core {

using namespace erdgeometry;

void gvSet(void *object, const char *name, const QByteArray &value)
{
    agsafeset(object, const_cast<char *>(name), const_cast<char *>(value.constData()),
        const_cast<char *>(""));
}

void gvSetHtml(Agraph_t *graph, void *object, const char *name, const QString &html)
{
    const QByteArray utf8 = html.toUtf8();
    char *value = agstrdup_html(graph, const_cast<char *>(utf8.constData()));
    agsafeset(object, const_cast<char *>(name), value, const_cast<char *>(""));
    agstrfree(graph, value);
}

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString num(double v)
{
    return QString::number(int(std::lround(v)));
}

QByteArray coord(double v)
{
    return QByteArray::number(v, 'f', 2);
}

// One cell of fixed size; `port` and `content` may be empty.
QString cell(double width, double height, const QString &content, const char *align = "CENTER",
    const QString &port = {}, const QString &extra = {})
{
    QString td = QStringLiteral("<TD FIXEDSIZE=\"TRUE\" WIDTH=\"%1\" HEIGHT=\"%2\" ALIGN=\"%3\"")
                     .arg(num(width), num(height), QLatin1String(align));
    if (!port.isEmpty())
        td += QStringLiteral(" PORT=\"%1\"").arg(port);
    return td + extra + u'>' + content + QStringLiteral("</TD>");
}

QString font(const QString &text, double px, const QString &color, const char *tag = nullptr)
{
    if (text.isEmpty())
        return {};
    QString inner = esc(text);
    if (tag)
        inner = QStringLiteral("<%1>%2</%1>").arg(QLatin1String(tag), inner);
    return QStringLiteral("<FONT POINT-SIZE=\"%1\" COLOR=\"%2\">%3</FONT>")
        .arg(QString::number(px), color, inner);
}

} // namespace

QByteArray ErdGraph::port(
    const ErdTable &table, const TableShape &shape, const QString &column, char side)
{
    const int row = shape.rowOf(table, column);
    return (row < 0 ? QByteArray("h") : 'p' + QByteArray::number(row)) + ':' + side;
}

// One row cell per listed column, with the column's port: an edge leaves from its east or west
// side, the table's own. For layout the cells are empty (Graphviz measures nothing); to draw,
// each holds a small table of the marker, not-null mark, name and type.
QString ErdGraph::label(const ErdTable &t, const TableShape &s, bool text, const ErdPalette &pal)
{
    const double inner = s.width - 2 * kBorder;
    const QString header = t.isView() ? pal.viewHeaderFill : pal.headerFill;
    const QString headerBg = QStringLiteral(" BGCOLOR=\"%1\"").arg(header);
    QString html = QStringLiteral("<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                                  "CELLPADDING=\"0\" COLOR=\"%1\" BGCOLOR=\"%2\">")
                       .arg(pal.border, pal.tableFill);
    auto row = [&html](const QString &cells) { html += QStringLiteral("<TR>") + cells + "</TR>"; };
    const QString title = text ? font(s.title, kHeaderFontPx, pal.text, "B") : QString();
    row(cell(inner, kHeaderHeight, title, "CENTER", QStringLiteral("h"), headerBg));
    if (!s.subtitle.isEmpty())
        row(cell(inner, kSubtitleHeight,
            text ? font(s.subtitle, kSmallFontPx, pal.muted, "I") : QString(), "CENTER", {},
            headerBg));
    const double markerW = kPadX + kMarkerWidth;
    const double typeW = inner - markerW - kNullWidth - std::round(s.nameWidth);
    for (int r = 0; r < s.columns.size(); ++r) {
        const QString port = u'p' + QString::number(r);
        if (!text) {
            row(cell(inner, kRowHeight, {}, "CENTER", port));
            continue;
        }
        const ErdColumn &c = t.columns.at(s.columns.at(r));
        const QString cells = cell(markerW, kRowHeight,
                                  font(keyMarker(c), kSmallFontPx,
                                      c.primaryKey ? pal.primaryKey : pal.foreignKey, "B"))
            + cell(kNullWidth, kRowHeight,
                font(c.notNull ? QStringLiteral("◆") : QStringLiteral("◇"), 8, pal.muted))
            + cell(std::round(s.nameWidth), kRowHeight,
                font(elide(c.name, kFontPx, false, s.nameWidth), kFontPx, pal.text), "LEFT")
            + cell(typeW, kRowHeight,
                font(elide(c.type, kFontPx, false, s.typeWidth), kFontPx, pal.muted), "RIGHT");
        row(cell(inner, kRowHeight,
            QStringLiteral("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                           "CELLPADDING=\"0\"><TR>%1</TR></TABLE>")
                .arg(cells),
            "CENTER", port));
    }
    if (s.hidden > 0) {
        const QString more = QLocale(QLocale::English).toString(s.hidden);
        row(cell(inner, kRowHeight,
            text ? font(QStringLiteral("+%1 more columns").arg(more), kSmallFontPx, pal.muted, "I")
                 : QString()));
    }
    if (!s.columns.isEmpty() || s.hidden > 0)
        row(cell(inner, 3, {}));
    return html + QStringLiteral("</TABLE>");
}

Agraph_t *ErdGraph::cluster(const QString &schema, const QByteArray &name, const ErdPalette &pal)
{
    Agraph_t *c = agsubg(m_graph, const_cast<char *>(name.constData()), 1);
    gvSetHtml(m_graph, c, "label", QStringLiteral("<B>%1</B>").arg(esc(schema)));
    gvSet(c, "fontsize", "18"); // a band tall enough to read the name zoomed out
    gvSet(c, "labeljust", "l");
    gvSet(c, "style", "filled,rounded");
    gvSet(c, "fillcolor", pal.clusterFill.toUtf8());
    gvSet(c, "color", pal.clusterBorder.toUtf8());
    gvSet(c, "fontcolor", pal.clusterText.toUtf8());
    gvSet(c, "margin", "14");
    return c;
}

ErdGraph::ErdGraph(const ErdDiagram &d, const QList<TableShape> &shapes, const QList<int> &members,
    Purpose purpose, const ErdPalette &palette, const ErdLayout *placed)
{
    const bool render = purpose == Purpose::Render;
    m_graph = agopen(const_cast<char *>("erd"), Agdirected, nullptr);
    gvSet(m_graph, "rankdir", "LR");
    gvSet(m_graph, "nodesep", "0.3");
    gvSet(m_graph, "ranksep", "0.9");
    gvSet(m_graph, "fontname", "DejaVu Sans");
    if (render) {
        gvSet(m_graph, "bgcolor", palette.background.toUtf8());
        gvSet(m_graph, "pad", "0.25");
    }
    // Layout: a cluster per schema when there are several. Render: one per box of the layout,
    // holding the tables whose centre it holds.
    QList<Agraph_t *> &boxes = m_boxes;
    if (placed)
        for (int i = 0; i < placed->clusters.size(); ++i)
            boxes.append(cluster(
                placed->clusters.at(i).schema, "cluster_" + QByteArray::number(i), palette));
    const bool clusters = !placed && d.multiSchema();
    for (int t : members) {
        Agraph_t *parent = m_graph;
        const QString &schema = d.tables.at(t).schema;
        if (clusters) {
            if (!m_clusters.contains(schema))
                m_clusters.insert(schema,
                    cluster(schema, "cluster_" + QByteArray::number(m_clusters.size()), palette));
            parent = m_clusters.value(schema);
        }
        for (int b = 0; placed && b < boxes.size(); ++b)
            if (placed->clusters.at(b).schema == schema
                && placed->clusters.at(b).rect.contains(placed->tables.at(t).center()))
                parent = boxes.at(b);
        const QByteArray id = 't' + QByteArray::number(t);
        Agnode_t *n = agnode(parent, const_cast<char *>(id.constData()), 1);
        gvSet(n, "shape", "plain");
        gvSet(n, "fontname", "DejaVu Sans");
        gvSetHtml(m_graph, n, "label", label(d.tables.at(t), shapes.at(t), render, palette));
        if (render)
            gvSet(n, "tooltip", (d.tables.at(t).schema + u'.' + d.tables.at(t).name).toUtf8());
        m_nodes.insert(t, n);
    }
    QHash<quint32, int> byOid;
    for (int t : members)
        byOid.insert(d.tables.at(t).oid, t);
    for (int k = 0; k < d.keys.size(); ++k) {
        const ErdForeignKey &fk = d.keys.at(k);
        const int a = byOid.value(fk.from, -1), b = byOid.value(fk.to, -1);
        // A key to its own table changes no rank, and dot's loops on ports swing wide over the
        // next table: ErdLayouter draws those small loops itself.
        if (a < 0 || b < 0 || (a == b && !render))
            continue;
        const QByteArray id = 'k' + QByteArray::number(k);
        Agedge_t *e = agedge(
            m_graph, m_nodes.value(a), m_nodes.value(b), const_cast<char *>(id.constData()), 1);
        gvSet(e, "tailport", port(d.tables.at(a), shapes.at(a), fk.fromColumns.value(0), 'e'));
        gvSet(e, "headport",
            port(d.tables.at(b), shapes.at(b), fk.toColumns.value(0), a == b ? 'e' : 'w'));
        gvSet(e, "dir", "both");
        gvSet(e, "arrowtail", "crow");
        gvSet(e, "arrowhead", "tee");
        gvSet(e, "arrowsize", "0.8");
        if (render) {
            gvSet(e, "color", palette.edge.toUtf8());
            gvSet(e, "tooltip", (fk.name + QStringLiteral(": ") + fk.definition).toUtf8());
        }
        m_edges.append({ e, k, -1 });
    }
    for (int v = 0; v < d.viewEdges.size(); ++v) {
        const int a = byOid.value(d.viewEdges.at(v).view, -1);
        const int b = byOid.value(d.viewEdges.at(v).source, -1);
        if (a < 0 || b < 0)
            continue;
        const QByteArray id = 'v' + QByteArray::number(v);
        Agedge_t *e = agedge(
            m_graph, m_nodes.value(a), m_nodes.value(b), const_cast<char *>(id.constData()), 1);
        gvSet(e, "style", "dashed");
        gvSet(e, "arrowhead", "empty");
        gvSet(e, "arrowsize", "0.7");
        gvSet(e, "weight", "0.5");
        if (render)
            gvSet(e, "color", palette.viewEdge.toUtf8());
        m_edges.append({ e, -1, v });
    }
    if (clusters)
        gridIsolated(d, members);
    if (placed)
        place(*placed);
}

void ErdGraph::gridIsolated(const ErdDiagram &d, const QList<int> &members)
{
    // dot puts tables joined to nothing in one column; invisible edges chain them into rows.
    QSet<int> joined;
    for (const Edge &e : std::as_const(m_edges)) {
        if (e.key >= 0) {
            joined.insert(d.indexOf(d.keys.at(e.key).from));
            joined.insert(d.indexOf(d.keys.at(e.key).to));
        } else {
            joined.insert(d.indexOf(d.viewEdges.at(e.viewEdge).view));
            joined.insert(d.indexOf(d.viewEdges.at(e.viewEdge).source));
        }
    }
    QHash<QString, QList<int>> alone;
    for (int t : members)
        if (!joined.contains(t))
            alone[d.tables.at(t).schema].append(t);
    for (const QList<int> &list : std::as_const(alone)) {
        const int perRow = std::max(2, int(std::ceil(std::sqrt(double(list.size())))));
        for (int i = 1; i < list.size(); ++i) {
            if (i % perRow == 0)
                continue;
            Agedge_t *e = agedge(
                m_graph, m_nodes.value(list.at(i - 1)), m_nodes.value(list.at(i)), nullptr, 1);
            gvSet(e, "style", "invis");
        }
    }
}

ErdGraph::~ErdGraph()
{
    agclose(m_graph);
}

void ErdGraph::place(const ErdLayout &layout)
{
    const double top = layout.bounds.bottom(); // Graphviz's y grows upwards
    auto point
        = [top](const QPointF &p) -> QByteArray { return coord(p.x()) + ',' + coord(top - p.y()); };
    gvSet(m_graph, "bb",
        coord(layout.bounds.left()) + ",0," + coord(layout.bounds.right()) + ','
            + coord(layout.bounds.height()));
    for (auto it = m_nodes.cbegin(); it != m_nodes.cend(); ++it)
        gvSet(it.value(), "pos", point(layout.tables.at(it.key()).center()));
    QHash<int, Agedge_t *> keys, views;
    for (const Edge &e : std::as_const(m_edges))
        (e.key >= 0 ? keys : views).insert(e.key >= 0 ? e.key : e.viewEdge, e.edge);
    for (const ErdEdgePath &path : layout.edges) {
        Agedge_t *e = path.key >= 0 ? keys.value(path.key) : views.value(path.viewEdge);
        if (!e)
            continue;
        QByteArray pos;
        if (path.hasStart)
            pos += "s," + point(path.start) + ' ';
        if (path.hasEnd)
            pos += "e," + point(path.end) + ' ';
        for (const QPointF &p : path.points)
            pos += point(p) + ' ';
        gvSet(e, "pos", pos.trimmed());
    }
    for (int i = 0; i < m_boxes.size(); ++i) {
        Agraph_t *c = m_boxes.at(i);
        const ErdClusterBox &box = layout.clusters.at(i);
        const QRectF r = box.rect;
        gvSet(c, "bb",
            coord(r.left()) + ',' + coord(top - r.bottom()) + ',' + coord(r.right()) + ','
                + coord(top - r.top()));
        const double labelW = textWidth(box.schema, 18, true);
        gvSet(c, "lp", coord(r.left() + 10 + labelW / 2) + ',' + coord(top - r.top() - 12));
    }
}

} // namespace strata::core
