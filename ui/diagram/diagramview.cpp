#include "diagramview.h"

#include "diagramscene.h"
#include "util/async.h"
#include "util/whenfinished.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace strata::ui {

namespace {

constexpr double kMinZoom = 0.01;
constexpr double kMaxZoom = 4;
constexpr QSize kMinimapSize(220, 160);

// The overview, drawn off the GUI thread from plain values (QPainter on a QImage is safe there).
QImage drawOverview(const core::ErdLayout &layout, const core::ErdPalette &pal, QSize size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(QColor(pal.background));
    const QRectF b = layout.bounds;
    if (b.isEmpty())
        return image;
    const double s = std::min(size.width() / b.width(), size.height() / b.height());
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(s, s);
    p.translate(-b.topLeft());
    for (const core::ErdClusterBox &c : layout.clusters)
        p.fillRect(c.rect, QColor(pal.clusterBorder));
    QPen pen(QColor(pal.edge), 0);
    p.setPen(pen);
    for (const core::ErdEdgePath &e : layout.edges) {
        if (e.points.size() < 4)
            continue;
        QPainterPath path(e.points.first());
        for (int i = 1; i + 2 < e.points.size(); i += 3)
            path.cubicTo(e.points.at(i), e.points.at(i + 1), e.points.at(i + 2));
        p.drawPath(path);
    }
    for (const QRectF &r : layout.tables)
        p.fillRect(r, QColor(pal.headerFill));
    return image;
}

} // namespace

DiagramView::DiagramView(DiagramScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent), m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontSavePainterState);
    setMouseTracking(true);
    m_minimap = new Minimap(this);
    m_minimap->hide();
    connect(scene, &DiagramScene::filled, this, [this] {
        m_minimap->rebuild(m_scene);
        updateMinimap();
    });
    connect(scene, &DiagramScene::positionsChanged, this, [this] { m_minimap->rebuild(m_scene); });
}

void DiagramView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    const double factor = std::pow(1.2, steps);
    const double next = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    scale(next / zoom(), next / zoom());
    updateMinimap();
    event->accept();
}

void DiagramView::zoomBy(double factor)
{
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    const double next = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    scale(next / zoom(), next / zoom());
    setTransformationAnchor(anchor);
    updateMinimap();
}

void DiagramView::fit()
{
    const QRectF r = m_scene->layout().bounds;
    if (r.isEmpty())
        return;
    fitInView(r, Qt::KeepAspectRatio);
    if (zoom() > 1)
        setTransform(QTransform());
    centerOn(r.center());
    updateMinimap();
}

void DiagramView::reveal(const QRectF &rect)
{
    if (zoom() < 0.6)
        setTransform(QTransform::fromScale(0.8, 0.8));
    centerOn(rect.center());
    updateMinimap();
}

void DiagramView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    placeMinimap();
    updateMinimap();
}

void DiagramView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    updateMinimap();
}

void DiagramView::mousePressEvent(QMouseEvent *event)
{
    // A click on the background (not on a table) clears the highlight.
    if (event->button() == Qt::LeftButton && !itemAt(event->pos()))
        m_scene->focusTable(-1);
    QGraphicsView::mousePressEvent(event);
}

void DiagramView::placeMinimap()
{
    const QRect vp = viewport()->geometry();
    m_minimap->setGeometry(vp.right() - kMinimapSize.width() - 10,
        vp.bottom() - kMinimapSize.height() - 10, kMinimapSize.width(), kMinimapSize.height());
}

void DiagramView::updateMinimap()
{
    const QRectF shown = mapToScene(viewport()->rect()).boundingRect();
    const QRectF all = m_scene->layout().bounds;
    // Shown when the diagram is well outside the window.
    const bool needed = !all.isEmpty() && m_minimap->hasImage()
        && (all.width() > shown.width() * 1.3 || all.height() > shown.height() * 1.3);
    m_minimap->setVisible(needed);
    if (needed) {
        m_minimap->raise();
        m_minimap->setViewRect(shown);
    }
    Q_EMIT zoomChanged(zoom());
}

Minimap::Minimap(DiagramView *view) : QWidget(view), m_view(view)
{
    setCursor(Qt::CrossCursor);
    setToolTip(tr("The whole diagram: click or drag to move there"));
}

void Minimap::rebuild(DiagramScene *scene)
{
    const int generation = ++m_generation;
    const core::ErdLayout layout = scene->layout();
    const core::ErdPalette pal = scene->erdPalette();
    const QSize size = kMinimapSize * devicePixelRatioF();
    m_bounds = layout.bounds;
    core::whenFinished(this,
        core::asyncRun<QImage>(core::Pool::Cpu,
            [layout, pal, size](
                QPromise<QImage> &p) { p.addResult(drawOverview(layout, pal, size)); }),
        [this, generation](const QImage &image) {
            if (generation != m_generation)
                return;
            m_image = image;
            m_image.setDevicePixelRatio(devicePixelRatioF());
            update();
            m_view->updateMinimap();
        });
}

void Minimap::setViewRect(const QRectF &sceneRect)
{
    m_viewRect = sceneRect;
    update();
}

void Minimap::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    if (m_image.isNull() || m_bounds.isEmpty())
        return;
    p.drawImage(QPointF(0, 0), m_image);
    const double s = std::min(width() / m_bounds.width(), height() / m_bounds.height());
    const QRectF r((m_viewRect.topLeft() - m_bounds.topLeft()) * s, m_viewRect.size() * s);
    p.setPen(QPen(QColor(0xe0, 0x7b, 0x00), 1.5));
    p.setBrush(QColor(0xe0, 0x7b, 0x00, 40));
    p.drawRect(r.intersected(QRectF(rect())));
    p.setPen(palette().mid().color());
    p.setBrush(Qt::NoBrush);
    p.drawRect(rect().adjusted(0, 0, -1, -1));
}

QPointF Minimap::toScene(const QPointF &p) const
{
    const double s = std::min(width() / m_bounds.width(), height() / m_bounds.height());
    return m_bounds.topLeft() + p / s;
}

void Minimap::mousePressEvent(QMouseEvent *event)
{
    if (!m_bounds.isEmpty())
        m_view->centerOn(toScene(event->position()));
}

void Minimap::mouseMoveEvent(QMouseEvent *event)
{
    if ((event->buttons() & Qt::LeftButton) && !m_bounds.isEmpty())
        m_view->centerOn(toScene(event->position()));
}

} // namespace strata::ui
