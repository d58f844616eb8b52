#pragma once

#include <QGraphicsView>
#include <QImage>

namespace strata::ui {

class DiagramScene;
class Minimap;

// Zoom (the wheel, under the mouse), pan (drag the background) and fit: each only changes the
// view's transform, never the layout. A minimap shows the whole diagram when it does not fit.
class DiagramView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit DiagramView(DiagramScene *scene, QWidget *parent = nullptr);

    void zoomBy(double factor); // about the view's centre
    void fit(); // the whole diagram, at most 100%
    void reveal(const QRectF &rect); // centres it at a readable zoom
    double zoom() const { return transform().m11(); }
    Minimap *minimap() const { return m_minimap; }
    // Shows or hides the minimap for what the view now shows, and outlines it there.
    void updateMinimap();

Q_SIGNALS:
    void zoomChanged(double zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    void placeMinimap();

    DiagramScene *m_scene;
    Minimap *m_minimap;
};

// The whole diagram small, drawn once per layout in a worker (boxes and lines only), with the
// part the view shows outlined; clicking or dragging in it moves the view there.
class Minimap : public QWidget
{
    Q_OBJECT
public:
    explicit Minimap(DiagramView *view);
    // Draws the overview of the scene's layout again (in a worker); the old one stays until then.
    void rebuild(DiagramScene *scene);
    void setViewRect(const QRectF &sceneRect);
    bool hasImage() const { return !m_image.isNull(); }

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    QPointF toScene(const QPointF &p) const;

    DiagramView *m_view;
    QImage m_image;
    QRectF m_bounds; // the scene rectangle the image shows
    QRectF m_viewRect;
    int m_generation = 0;
};

} // namespace strata::ui
