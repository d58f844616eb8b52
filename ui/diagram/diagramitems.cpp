#include "diagramitems.h"

#include "diagramscene.h"

#include <QGraphicsSceneMouseEvent>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QTextOption>

#include <cmath>

namespace strata::ui {

using namespace core::erdgeometry;

namespace {

constexpr double kColumnsLod = 0.34; // below this scale the columns are not drawn
constexpr double kTitleLod = 0.12; // below this, not the title either
constexpr double kFlatLod = 0.2; // below this, lines without antialiasing

QColor dim(QColor c, bool dimmed)
{
    if (dimmed)
        c.setAlphaF(0.22);
    return c;
}

} // namespace

DiagramItem::DiagramItem(DiagramScene *scene)
    : m_scene(scene), m_generation(scene->generation()) { }

bool DiagramItem::alive() const
{
    return m_generation == m_scene->generation();
}

TableItem::TableItem(DiagramScene *scene, int table, const TableShape &shape)
    : DiagramItem(scene), m_table(table), m_shape(shape)
{
    setFlags(ItemIsMovable | ItemSendsGeometryChanges);
    setZValue(1); // tooltips come from DiagramScene::helpEvent, made when asked
}

QRectF TableItem::boundingRect() const
{
    return QRectF(0, 0, m_shape.width, m_shape.height);
}

void TableItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (!alive() || lod < DiagramScene::kOverviewLod) // the scene draws the overview
        return;
    const core::ErdPalette &pal = m_scene->erdPalette();
    const core::ErdTable &t = m_scene->diagram().tables.at(m_table);
    const bool dimmed = m_scene->isDimmed(m_table);
    const bool focused = m_scene->focusedTable() == m_table;
    const QRectF box = boundingRect();
    const QColor header = dim(QColor(t.isView() ? pal.viewHeaderFill : pal.headerFill), dimmed);
    const QRectF head(0, 0, box.width(), kBorder + m_shape.headerHeight());
    if (lod < kTitleLod) { // a box and its header band, drawn the cheapest way
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setPen(QPen(dim(QColor(pal.border), dimmed), 0));
        painter->setBrush(dim(QColor(pal.tableFill), dimmed));
        painter->drawRect(box);
        painter->fillRect(head, focused ? QColor(pal.highlight) : header);
        return;
    }
    painter->fillRect(box, dim(QColor(pal.tableFill), dimmed));
    painter->fillRect(head, header);
    painter->setPen(dim(QColor(pal.text), dimmed));
    if (lod < kColumnsLod) { // the overview: names large enough to read, columns left out
        // As large as the box allows, in up to three lines (broken after an underscore).
        const double fit
            = (box.width() - 2 * kPadX) / std::max(1.0, textWidth(m_shape.title, 1, true));
        double px = 0;
        for (int lines = 1; lines <= 3; ++lines)
            px = std::max(px, std::min(fit * lines * 0.9, box.height() * 0.8 / (lines * 1.25)));
        px = std::clamp(std::min(px, 10 / lod), kHeaderFontPx, 400.0);
        painter->setFont(m_scene->font(int(px), true));
        QTextOption wrap(Qt::AlignCenter);
        wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        QString title = m_shape.title;
        title.replace(u'_', QStringLiteral("_\u200b"));
        painter->drawText(box.adjusted(kPadX, 0, -kPadX, 0), title, wrap);
        painter->setPen(QPen(
            focused ? QColor(pal.highlight) : dim(QColor(pal.border), dimmed), focused ? 2.5 : 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(box.adjusted(0.5, 0.5, -0.5, -0.5));
        return;
    }
    painter->setFont(m_scene->font(int(kHeaderFontPx), true));
    painter->drawText(QRectF(kPadX, kBorder, box.width() - 2 * kPadX, kHeaderHeight),
        Qt::AlignCenter, m_shape.title);
    if (!m_shape.subtitle.isEmpty()) {
        painter->setPen(dim(QColor(pal.muted), dimmed));
        painter->setFont(m_scene->font(int(kSmallFontPx), false, true));
        painter->drawText(QRectF(0, kBorder + kHeaderHeight - 3, box.width(), kSubtitleHeight),
            Qt::AlignHCenter | Qt::AlignTop, m_shape.subtitle);
    }
    paintRows(painter, t);
    const QColor border = focused ? QColor(pal.highlight) : dim(QColor(pal.border), dimmed);
    painter->setPen(QPen(border, focused ? 2.5 : 1));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(box.adjusted(0.5, 0.5, -0.5, -0.5));
}

void TableItem::paintRows(QPainter *painter, const core::ErdTable &t) const
{
    const core::ErdPalette &pal = m_scene->erdPalette();
    const bool dimmed = m_scene->isDimmed(m_table);
    const double w = m_shape.width;
    const double nameX = kBorder + kPadX + kMarkerWidth + kNullWidth;
    const QFont small = m_scene->font(int(kSmallFontPx), true);
    const QFont normal = m_scene->font(int(kFontPx));
    const QFont mark = m_scene->font(8);
    for (int r = 0; r < m_shape.columns.size(); ++r) {
        const core::ErdColumn &c = t.columns.at(m_shape.columns.at(r));
        const QRectF row(kBorder, m_shape.rowTop(r), w - 2 * kBorder, kRowHeight);
        if (m_scene->isRowMarked(m_table, c.name)) {
            QColor h(pal.highlight);
            h.setAlphaF(0.25);
            painter->fillRect(row, h);
        }
        const QString key = keyMarker(c);
        if (!key.isEmpty()) {
            painter->setFont(small);
            painter->setPen(dim(QColor(c.primaryKey ? pal.primaryKey : pal.foreignKey), dimmed));
            painter->drawText(QRectF(row.left() + kPadX / 2, row.top(), kMarkerWidth, kRowHeight),
                Qt::AlignCenter, key);
        }
        painter->setFont(mark);
        painter->setPen(dim(QColor(pal.muted), dimmed));
        painter->drawText(QRectF(nameX - kNullWidth, row.top(), kNullWidth, kRowHeight),
            Qt::AlignCenter, c.notNull ? QStringLiteral("◆") : QStringLiteral("◇"));
        painter->setFont(normal);
        painter->setPen(dim(QColor(pal.text), dimmed));
        const QFontMetricsF fm(normal);
        painter->drawText(QRectF(nameX, row.top(), m_shape.nameWidth, kRowHeight),
            Qt::AlignLeft | Qt::AlignVCenter,
            fm.elidedText(c.name, Qt::ElideRight, m_shape.nameWidth));
        painter->setPen(dim(QColor(pal.muted), dimmed));
        const double typeRight = w - kBorder - kPadX;
        painter->drawText(
            QRectF(typeRight - m_shape.typeWidth, row.top(), m_shape.typeWidth, kRowHeight),
            Qt::AlignRight | Qt::AlignVCenter,
            fm.elidedText(c.type, Qt::ElideRight, m_shape.typeWidth));
    }
    if (m_shape.hidden > 0) {
        painter->setFont(m_scene->font(int(kSmallFontPx), false, true));
        painter->setPen(dim(QColor(pal.muted), dimmed));
        painter->drawText(QRectF(0, m_shape.rowTop(int(m_shape.columns.size())), w, kRowHeight),
            Qt::AlignCenter, QObject::tr("+%1 more columns").arg(m_shape.hidden));
    }
}

QVariant TableItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged && scene() && alive()) {
        m_dragged = true;
        m_scene->tableMoved(m_table, value.toPointF());
    }
    return QGraphicsItem::itemChange(change, value);
}

void TableItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    m_dragged = false;
    QGraphicsItem::mousePressEvent(event);
}

void TableItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsItem::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || !alive())
        return;
    if (m_dragged)
        m_scene->tableDropped(m_table);
    else
        m_scene->tableClicked(m_table);
}

void TableItem::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && alive())
        m_scene->tableActivated(m_table);
}

void TableItem::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    if (alive())
        m_scene->tableMenu(m_table, event->screenPos());
}

EdgeItem::EdgeItem(DiagramScene *scene, int edge) : DiagramItem(scene), m_edge(edge)
{
    setAcceptHoverEvents(true);
    setZValue(2);
    refresh();
}

void EdgeItem::refresh()
{
    prepareGeometryChange();
    const core::ErdEdgePath &p = m_scene->layout().edges.at(m_edge);
    QPainterPath path;
    if (!p.points.isEmpty()) {
        path.moveTo(p.points.first());
        for (int i = 1; i + 2 < p.points.size(); i += 3)
            path.cubicTo(p.points.at(i), p.points.at(i + 1), p.points.at(i + 2));
    }
    m_ends = QPainterPath();
    if (p.key >= 0) {
        if (p.hasStart && !p.points.isEmpty()) { // crow's foot: three prongs to the column
            const QPointF base = p.points.first();
            QLineF l(base, p.start);
            path.moveTo(base);
            path.lineTo(p.start);
            const QLineF normal = l.normalVector();
            QPointF side(normal.dx(), normal.dy());
            side *= 5.0 / std::max(1.0, normal.length());
            m_ends.moveTo(base);
            m_ends.lineTo(p.start + side);
            m_ends.moveTo(base);
            m_ends.lineTo(p.start - side);
        }
        if (p.hasEnd && !p.points.isEmpty()) { // a bar across the line at the referenced column
            const QPointF last = p.points.last();
            path.moveTo(last);
            path.lineTo(p.end);
            const QLineF l(last, p.end);
            const QPointF mid = l.pointAt(std::max(0.0, 1 - 4.0 / std::max(1.0, l.length())));
            const QLineF n = QLineF(mid, p.end).normalVector();
            QPointF side(n.dx(), n.dy());
            side *= 5.0 / std::max(1.0, n.length());
            m_ends.moveTo(mid + side);
            m_ends.lineTo(mid - side);
        }
    } else if (p.hasEnd && !p.points.isEmpty()) { // an open arrow at what the view reads
        const QPointF last = p.points.last();
        const QLineF l(p.end, last);
        QLineF a = l, b = l;
        a.setLength(8);
        b.setLength(8);
        a.setAngle(l.angle() + 22);
        b.setAngle(l.angle() - 22);
        m_ends.moveTo(a.p2());
        m_ends.lineTo(p.end);
        m_ends.lineTo(b.p2());
        m_ends.closeSubpath();
    }
    setPath(path);
    m_hit = QPainterPath();
}

QPainterPath EdgeItem::shape() const
{
    if (m_hit.isEmpty()) {
        QPainterPathStroker stroker;
        stroker.setWidth(8);
        m_hit = stroker.createStroke(path());
    }
    return m_hit;
}

QRectF EdgeItem::boundingRect() const
{
    return path().controlPointRect().united(m_ends.controlPointRect()).adjusted(-4, -4, 4, 4);
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    if (!alive() || lod < DiagramScene::kOverviewLod)
        return;
    const core::ErdPalette &pal = m_scene->erdPalette();
    const core::ErdEdgePath &p = m_scene->layout().edges.at(m_edge);
    const bool lit = m_scene->isEdgeHighlighted(m_edge);
    QColor c = lit ? QColor(pal.highlight) : QColor(p.key >= 0 ? pal.edge : pal.viewEdge);
    if (m_scene->isEdgeDimmed(m_edge))
        c.setAlphaF(0.18);
    if (lod < kFlatLod)
        painter->setRenderHint(QPainter::Antialiasing, false);
    QPen pen(c, lit ? 2.4 : 1.2);
    pen.setCosmetic(lod < kTitleLod);
    if (p.key < 0)
        pen.setStyle(Qt::DashLine);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());
    if (lod >= kTitleLod) {
        pen.setStyle(Qt::SolidLine);
        painter->setPen(pen);
        painter->setBrush(p.key >= 0 ? QBrush(Qt::NoBrush) : QBrush(QColor(pal.tableFill)));
        painter->drawPath(m_ends);
    }
}

void EdgeItem::hoverEnterEvent(QGraphicsSceneHoverEvent *)
{
    if (alive())
        m_scene->setHoveredEdge(m_edge);
}

void EdgeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    if (alive() && m_scene->hoveredEdge() == m_edge)
        m_scene->setHoveredEdge(-1);
}

ClusterItem::ClusterItem(DiagramScene *scene, int cluster, bool label)
    : DiagramItem(scene), m_cluster(cluster), m_label(label)
{
    setZValue(label ? 3 : 0); // the overview's name above the tables, the box behind them
    refresh();
}

void ClusterItem::refresh()
{
    const QRectF r = m_scene->layout().clusters.at(m_cluster).rect;
    if (r == m_rect)
        return;
    prepareGeometryChange();
    m_rect = r;
}

QRectF ClusterItem::boundingRect() const
{
    return m_rect.adjusted(-1, -1, 1, 1);
}

void ClusterItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (!alive())
        return;
    const core::ErdPalette &pal = m_scene->erdPalette();
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    const QString &name = m_scene->layout().clusters.at(m_cluster).schema;
    const bool overview = lod < 0.5;
    if (!m_label && lod < DiagramScene::kOverviewLod)
        return;
    if (!m_label) { // the box, and the name in the band Graphviz left for it
        painter->setPen(QPen(QColor(pal.clusterBorder), 1));
        painter->setBrush(QColor(pal.clusterFill));
        painter->drawRoundedRect(m_rect, 8, 8);
        if (!overview) {
            painter->setPen(QColor(pal.clusterText));
            painter->setFont(m_scene->font(16, true));
            painter->drawText(m_rect.adjusted(10, 6, -10, 0), Qt::AlignLeft | Qt::AlignTop, name);
        }
        return;
    }
    if (!overview)
        return;
    // Zoomed out, where tables are bare boxes, the name grows over them on a backdrop.
    const double fit = (m_rect.width() - 20) / std::max(1.0, textWidth(name, 1, true));
    const int px = int(std::clamp(std::min({ 12 / lod, fit, m_rect.height() / 5 }), 16.0, 400.0));
    const QFont font = m_scene->font(px, true);
    const QFontMetricsF fm(font);
    const QRectF text(
        m_rect.left() + 10, m_rect.top() + 6, fm.horizontalAdvance(name), fm.height());
    QColor back(pal.clusterFill);
    back.setAlphaF(0.85);
    painter->setPen(Qt::NoPen);
    painter->setBrush(back);
    painter->drawRoundedRect(text.adjusted(-5, -2, 5, 2), 4, 4);
    painter->setPen(QColor(pal.clusterText));
    painter->setFont(font);
    painter->drawText(text, Qt::AlignLeft | Qt::AlignTop, name);
}

} // namespace strata::ui
