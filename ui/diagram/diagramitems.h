#pragma once

#include "erd/erdgeometry.h"
#include "erd/erdtypes.h"

#include <QGraphicsItem>
#include <QGraphicsPathItem>

namespace strata::ui {

class DiagramScene;

// What the scene's items share: the scene, and the diagram they were made for. The items of a
// replaced diagram are deleted a slice at a time (thousands at once would stall the window);
// until then they draw nothing and take no events.
class DiagramItem
{
public:
    explicit DiagramItem(DiagramScene *scene);
    bool alive() const;

protected:
    DiagramScene *m_scene;
    int m_generation;
};

// A table (or view) as a box listing its columns. Draws less as it gets smaller on screen: the
// columns go below a third of their size, the title below a sixth, so a 2,000-table overview
// paints boxes only.
class TableItem : public QGraphicsItem, public DiagramItem
{
public:
    TableItem(DiagramScene *scene, int table, const core::erdgeometry::TableShape &shape);

    int table() const { return m_table; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;

private:
    void paintRows(QPainter *painter, const core::ErdTable &t) const;

    int m_table;
    core::erdgeometry::TableShape m_shape;
    bool m_dragged = false;
};

// A foreign key (crow's foot at the referencing column, a bar at the referenced one) or a view's
// read (dashed, an open arrow at what it reads). Hovering it shows the constraint.
class EdgeItem : public QGraphicsPathItem, public DiagramItem
{
public:
    EdgeItem(DiagramScene *scene, int edge);
    int edge() const { return m_edge; }
    // Takes the edge's curve from the scene's layout again (after a table moved).
    void refresh();
    QPainterPath shape() const override;
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    int m_edge;
    QPainterPath m_ends; // the crow's foot, bar or arrow
    mutable QPainterPath m_hit; // made when first asked (hover): stroking 1,200 curves is slow
};

// A schema's box in a diagram of several schemas (behind the tables), or its name as an
// overview shows it (`label`: over the tables, drawn only when zoomed out).
class ClusterItem : public QGraphicsItem, public DiagramItem
{
public:
    ClusterItem(DiagramScene *scene, int cluster, bool label = false);
    void refresh();
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *) override;

private:
    int m_cluster;
    bool m_label;
    QRectF m_rect;
};

} // namespace strata::ui
