#include "diagramscene.h"

#include "diagramitems.h"
#include "erd/erdlayout.h"

#include <QElapsedTimer>
#include <QGraphicsSceneHelpEvent>
#include <QPainter>
#include <QPointer>
#include <QStyleOptionGraphicsItem>
#include <QTimer>
#include <QToolTip>

namespace strata::ui {

namespace {

// Work per turn of the event loop, at most: adding items leaves Qt some work of its own for the
// next turns, and the window must still draw within 16 ms.
constexpr qint64 kSliceNs = 5'000'000;

} // namespace

DiagramScene::DiagramScene(QObject *parent) : QGraphicsScene(parent)
{
    // No BSP tree: Qt builds it on the first paint after thousands of items arrive (120 ms for
    // 3,200 items here, a stall), and rebuilds it as tables are dragged. Looking through a few
    // thousand bounding boxes per paint costs well under a millisecond.
    setItemIndexMethod(QGraphicsScene::NoIndex);
    setErdPalette(core::ErdPalette::light());
}

void DiagramScene::setErdPalette(const core::ErdPalette &palette)
{
    m_palette = palette;
    setBackgroundBrush(QColor(palette.background));
    update();
}

QFont DiagramScene::font(int pixelSize, bool bold, bool italic) const
{
    // The same face the layout measured (see erdgeometry.h), unhinted so that widths scale.
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(pixelSize);
    f.setBold(bold);
    f.setItalic(italic);
    f.setHintingPreference(QFont::PreferNoHinting);
    return f;
}

void DiagramScene::clearDiagram()
{
    ++m_generation; // the items left draw nothing from now on
    m_filling = false;
    const bool reaping = !m_dying.isEmpty();
    for (QGraphicsItem *i : std::as_const(m_clusterItems))
        m_dying.append(i);
    for (QGraphicsItem *i : std::as_const(m_tableItems))
        m_dying.append(i);
    for (QGraphicsItem *i : std::as_const(m_edgeItems))
        m_dying.append(i);
    if (!reaping && !m_dying.isEmpty())
        QTimer::singleShot(0, this, &DiagramScene::reapSlice);
    m_tableItems.clear();
    m_edgeItems.clear();
    m_clusterItems.clear();
    m_edgesOf.clear();
    m_byRef.clear();
    m_moved.clear();
    m_diagram = {};
    m_layout = {};
    m_shapes.clear();
    m_focus = m_hovered = -1;
    m_near.clear();
}

void DiagramScene::showResult(
    const core::ErdResult &result, const QHash<core::ErdTableRef, QPointF> &moved)
{
    clearDiagram();
    m_diagram = result.diagram;
    m_layout = result.layout;
    m_shapes = m_layout.shapes && m_layout.shapes->size() == m_diagram.tables.size()
        ? *m_layout.shapes
        : core::ErdLayouter::shapes(m_diagram);
    QHash<quint32, int> byOid;
    byOid.reserve(m_diagram.tables.size());
    for (int i = 0; i < m_diagram.tables.size(); ++i) {
        m_byRef.insert(m_diagram.tables.at(i).ref(), i);
        byOid.insert(m_diagram.tables.at(i).oid, i);
    }
    for (auto it = moved.cbegin(); it != moved.cend(); ++it) {
        const int t = m_byRef.value(it.key(), -1);
        if (t >= 0 && t < m_layout.tables.size()) {
            core::ErdLayouter::moveTable(m_diagram, m_shapes, m_layout, t, it.value());
            m_moved.insert(t);
        }
    }
    for (int e = 0; e < m_layout.edges.size(); ++e) {
        const core::ErdEdgePath &p = m_layout.edges.at(e);
        const quint32 a
            = p.key >= 0 ? m_diagram.keys.at(p.key).from : m_diagram.viewEdges.at(p.viewEdge).view;
        const quint32 b
            = p.key >= 0 ? m_diagram.keys.at(p.key).to : m_diagram.viewEdges.at(p.viewEdge).source;
        m_edgesOf[byOid.value(a)].append(e);
        if (a != b)
            m_edgesOf[byOid.value(b)].append(e);
    }
    setSceneRect(m_layout.bounds.adjusted(-200, -200, 200, 200));
    m_filling = true;
    m_next = 0;
    const int generation = m_generation;
    QTimer::singleShot(0, this, [this, generation] { fillSlice(generation); });
}

void DiagramScene::fillSlice(int generation)
{
    if (generation != m_generation || !m_filling)
        return;
    QElapsedTimer clock;
    clock.start();
    const int clusters = int(m_layout.clusters.size());
    const int tables = int(m_diagram.tables.size());
    const int total = clusters + tables + int(m_layout.edges.size());
    // Boxes of schemas first (they sit behind), then tables, then edges.
    while (m_next < total && clock.nsecsElapsed() < kSliceNs) {
        const int n = m_next++;
        if (n < clusters) {
            for (bool label : { false, true }) {
                auto *c = new ClusterItem(this, n, label);
                addItem(c);
                m_clusterItems.append(c);
            }
        } else if (n < clusters + tables) {
            const int t = n - clusters;
            auto *item = new TableItem(this, t, m_shapes.at(t));
            item->setPos(m_layout.tables.at(t).topLeft());
            addItem(item);
            m_tableItems.append(item);
        } else {
            auto *e = new EdgeItem(this, n - clusters - tables);
            addItem(e);
            m_edgeItems.append(e);
        }
    }
    if (m_next < total) {
        QTimer::singleShot(0, this, [this, generation] { fillSlice(generation); });
        return;
    }
    m_filling = false;
    Q_EMIT filled();
}

void DiagramScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    QGraphicsScene::drawBackground(painter, rect);
    if (QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform())
        < kOverviewLod)
        drawOverview(painter, rect);
}

void DiagramScene::drawOverview(QPainter *painter, const QRectF &rect) const
{
    // Batched by colour: schema boxes, edges as lines through their curves' anchor points,
    // then tables and their header bands. What the items would draw at this size, in one pass.
    const core::ErdPalette &pal = m_palette;
    auto faded = [](QColor c, bool dim) {
        if (dim)
            c.setAlphaF(0.22);
        return c;
    };
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->setPen(QPen(QColor(pal.clusterBorder), 0));
    painter->setBrush(QColor(pal.clusterFill));
    for (const core::ErdClusterBox &c : m_layout.clusters)
        if (c.rect.intersects(rect))
            painter->drawRect(c.rect);
    for (int e = 0; e < m_layout.edges.size() && e < m_edgeItems.size(); ++e) {
        const core::ErdEdgePath &p = m_layout.edges.at(e);
        QPolygonF line;
        if (p.hasStart)
            line << p.start;
        for (int i = 0; i < p.points.size(); i += 3)
            line << p.points.at(i);
        if (p.hasEnd)
            line << p.end;
        if (!line.boundingRect().intersects(rect))
            continue;
        const bool lit = isEdgeHighlighted(e);
        QPen pen(lit ? QColor(pal.highlight)
                     : faded(QColor(p.key >= 0 ? pal.edge : pal.viewEdge), isEdgeDimmed(e)),
            lit ? 2 : 0);
        if (p.key < 0)
            pen.setStyle(Qt::DashLine);
        painter->setPen(pen);
        painter->drawPolyline(line);
    }
    QList<QRectF> plain, dimmed, heads, viewHeads, dimHeads, focused;
    for (int t = 0; t < m_layout.tables.size() && t < m_tableItems.size(); ++t) {
        const QRectF &r = m_layout.tables.at(t);
        if (!r.intersects(rect))
            continue;
        const bool dim = isDimmed(t);
        (dim ? dimmed : plain) << r;
        const QRectF head(r.topLeft(), QSizeF(r.width(), m_shapes.at(t).headerHeight()));
        (t == m_focus                             ? focused
                : dim                             ? dimHeads
                : m_diagram.tables.at(t).isView() ? viewHeads
                                                  : heads)
            << head;
    }
    painter->setPen(QPen(QColor(pal.border), 0));
    painter->setBrush(QColor(pal.tableFill));
    painter->drawRects(plain);
    painter->setPen(QPen(faded(QColor(pal.border), true), 0));
    painter->setBrush(faded(QColor(pal.tableFill), true));
    painter->drawRects(dimmed);
    painter->setPen(Qt::NoPen);
    const QList<QPair<QList<QRectF> *, QColor>> bands { { &heads, QColor(pal.headerFill) },
        { &viewHeads, QColor(pal.viewHeaderFill) },
        { &dimHeads, faded(QColor(pal.headerFill), true) }, { &focused, QColor(pal.highlight) } };
    for (const auto &[list, colour] : bands) {
        painter->setBrush(colour);
        painter->drawRects(*list);
    }
    painter->restore();
}

void DiagramScene::reapSlice()
{
    QElapsedTimer clock;
    clock.start();
    while (!m_dying.isEmpty() && clock.nsecsElapsed() < kSliceNs)
        delete m_dying.takeLast(); // the newest first: Qt's item lists shrink from their end
    if (!m_dying.isEmpty())
        QTimer::singleShot(0, this, &DiagramScene::reapSlice);
}

QHash<core::ErdTableRef, QPointF> DiagramScene::movedPositions() const
{
    QHash<core::ErdTableRef, QPointF> out;
    for (int t : m_moved)
        out.insert(m_diagram.tables.at(t).ref(), m_layout.tables.at(t).topLeft());
    return out;
}

int DiagramScene::indexOf(const core::ErdTableRef &ref) const
{
    return m_byRef.value(ref, -1);
}

void DiagramScene::focusTable(int table)
{
    m_focus = table;
    m_near.clear();
    if (table >= 0) {
        m_near.insert(table);
        for (int e : m_edgesOf.value(table)) {
            const core::ErdEdgePath &p = m_layout.edges.at(e);
            const quint32 a = p.key >= 0 ? m_diagram.keys.at(p.key).from
                                         : m_diagram.viewEdges.at(p.viewEdge).view;
            const quint32 b = p.key >= 0 ? m_diagram.keys.at(p.key).to
                                         : m_diagram.viewEdges.at(p.viewEdge).source;
            m_near.insert(m_diagram.indexOf(a));
            m_near.insert(m_diagram.indexOf(b));
        }
    }
    update();
    Q_EMIT focusChanged(table);
}

bool DiagramScene::isEdgeHighlighted(int edge) const
{
    return edge == m_hovered || (m_focus >= 0 && m_edgesOf.value(m_focus).contains(edge));
}

bool DiagramScene::isEdgeDimmed(int edge) const
{
    return m_focus >= 0 && !m_edgesOf.value(m_focus).contains(edge);
}

void DiagramScene::setHoveredEdge(int edge)
{
    if (edge == m_hovered)
        return;
    auto touch = [this](int e) {
        if (e < 0)
            return;
        const core::ErdEdgePath &p = m_layout.edges.at(e);
        const quint32 a
            = p.key >= 0 ? m_diagram.keys.at(p.key).from : m_diagram.viewEdges.at(p.viewEdge).view;
        const quint32 b
            = p.key >= 0 ? m_diagram.keys.at(p.key).to : m_diagram.viewEdges.at(p.viewEdge).source;
        for (quint32 oid : { a, b }) {
            const int t = m_diagram.indexOf(oid);
            if (t >= 0 && t < m_tableItems.size())
                m_tableItems.at(t)->update();
        }
        if (e < m_edgeItems.size())
            m_edgeItems.at(e)->update();
    };
    const int old = m_hovered;
    m_hovered = edge;
    touch(old);
    touch(edge);
}

bool DiagramScene::isRowMarked(int table, const QString &column) const
{
    if (m_hovered < 0)
        return false;
    const core::ErdEdgePath &p = m_layout.edges.at(m_hovered);
    if (p.key < 0)
        return false;
    const core::ErdForeignKey &k = m_diagram.keys.at(p.key);
    const quint32 oid = m_diagram.tables.at(table).oid;
    return (k.from == oid && k.fromColumns.contains(column))
        || (k.to == oid && k.toColumns.contains(column));
}

QString DiagramScene::tableTip(int table) const
{
    const core::ErdTable &t = m_diagram.tables.at(table);
    return QStringLiteral("%1.%2 (%3)").arg(t.schema, t.name, core::erdKindName(t.kind));
}

QString DiagramScene::edgeTip(int edge) const
{
    const core::ErdEdgePath &p = m_layout.edges.at(edge);
    if (p.key >= 0) {
        const core::ErdForeignKey &k = m_diagram.keys.at(p.key);
        return QStringLiteral("<b>%1</b><br>%2")
            .arg(k.name.toHtmlEscaped(), k.definition.toHtmlEscaped());
    }
    const core::ErdViewEdge &v = m_diagram.viewEdges.at(p.viewEdge);
    return tr("%1 reads %2")
        .arg(m_diagram.tables.at(m_diagram.indexOf(v.view)).name.toHtmlEscaped(),
            m_diagram.tables.at(m_diagram.indexOf(v.source)).name.toHtmlEscaped());
}

void DiagramScene::helpEvent(QGraphicsSceneHelpEvent *event)
{
    QString tip;
    for (QGraphicsItem *item :
        items(event->scenePos(), Qt::IntersectsItemShape, Qt::DescendingOrder, QTransform())) {
        if (auto *e = dynamic_cast<EdgeItem *>(item); e && e->alive()) {
            tip = edgeTip(e->edge());
            break;
        }
        if (auto *t = dynamic_cast<TableItem *>(item); t && t->alive()) {
            tip = tableTip(t->table());
            break;
        }
    }
    if (tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->screenPos(), tip, event->widget());
    event->accept();
}

void DiagramScene::tableMoved(int table, const QPointF &topLeft)
{
    if (table < 0 || table >= m_layout.tables.size())
        return;
    core::ErdLayouter::moveTable(m_diagram, m_shapes, m_layout, table, topLeft);
    m_moved.insert(table);
    updateEdgesOf(table);
}

void DiagramScene::updateEdgesOf(int table)
{
    for (int e : m_edgesOf.value(table))
        if (e < m_edgeItems.size())
            m_edgeItems.at(e)->refresh();
    for (ClusterItem *c : std::as_const(m_clusterItems))
        c->refresh();
}

void DiagramScene::tableDropped(int)
{
    Q_EMIT positionsChanged();
}

void DiagramScene::tableClicked(int table)
{
    focusTable(table == m_focus ? -1 : table);
}

void DiagramScene::tableActivated(int table)
{
    if (table >= 0 && table < m_diagram.tables.size())
        Q_EMIT activated(m_diagram.tables.at(table).ref());
}

void DiagramScene::tableMenu(int table, const QPoint &screenPos)
{
    Q_EMIT contextMenuRequested(table, screenPos);
}

} // namespace strata::ui
