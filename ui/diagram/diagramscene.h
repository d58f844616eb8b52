#pragma once

#include "erd/erdgeometry.h"
#include "erd/erdpalette.h"
#include "erd/erdtypes.h"

#include <QColor>
#include <QFont>
#include <QGraphicsScene>
#include <QHash>
#include <QSet>

namespace strata::ui {

class EdgeItem;
class TableItem;
class ClusterItem;

// A laid-out diagram as graphics items. Filled in slices of a few milliseconds, one per turn of
// the event loop, so that a 2,000-table diagram never stalls the window; filled() says when
// every table is placed and every edge drawn. Zooming and panning never touch the layout:
// only dragging a table routes the edges that touch it again.
class DiagramScene : public QGraphicsScene
{
    Q_OBJECT
public:
    explicit DiagramScene(QObject *parent = nullptr);

    void setErdPalette(const core::ErdPalette &palette);
    const core::ErdPalette &erdPalette() const { return m_palette; }
    QColor color(const QString &hex) const { return QColor(hex); }
    // Below this scale the scene draws every table and edge itself in a few batched calls
    // (drawBackground), and the items draw nothing: a 2,000-table overview in a few ms.
    static constexpr double kOverviewLod = 0.12;
    QFont font(int pixelSize, bool bold = false, bool italic = false) const;

    // Replaces what is shown; `moved` puts tables where a person left them.
    void showResult(const core::ErdResult &result, const QHash<core::ErdTableRef, QPointF> &moved);
    // Forgets the diagram at once; its items go a slice at a time (see DiagramItem).
    void clearDiagram();
    int generation() const { return m_generation; }
    TableItem *tableItem(int table) const { return m_tableItems.value(table); }
    bool isFilling() const { return m_filling; }
    int filledTables() const { return m_tableItems.size(); }
    int filledEdges() const { return m_edgeItems.size(); }

    const core::ErdDiagram &diagram() const { return m_diagram; }
    const core::ErdLayout &layout() const { return m_layout; }
    const QList<core::erdgeometry::TableShape> &shapes() const { return m_shapes; }
    // Where moved tables now are (their top left), by name.
    QHash<core::ErdTableRef, QPointF> movedPositions() const;
    int indexOf(const core::ErdTableRef &ref) const;

    // Highlights a table and what it is joined to; -1: nothing.
    void focusTable(int table);
    int focusedTable() const { return m_focus; }
    bool isDimmed(int table) const { return m_focus >= 0 && !m_near.contains(table); }
    bool isEdgeDimmed(int edge) const;
    bool isEdgeHighlighted(int edge) const;
    // The edge under the mouse: its columns are marked in both tables.
    void setHoveredEdge(int edge);
    int hoveredEdge() const { return m_hovered; }
    bool isRowMarked(int table, const QString &column) const;
    // What a tooltip says about a table or an edge.
    QString tableTip(int table) const;
    QString edgeTip(int edge) const;

    // From TableItem.
    void tableMoved(int table, const QPointF &topLeft);
    void tableDropped(int table);
    void tableClicked(int table);
    void tableActivated(int table);
    void tableMenu(int table, const QPoint &screenPos);

Q_SIGNALS:
    void filled();
    void focusChanged(int table);
    void activated(const core::ErdTableRef &table); // double click: open it elsewhere
    void contextMenuRequested(int table, const QPoint &screenPos);
    void positionsChanged(); // a table was dropped somewhere new

protected:
    void helpEvent(QGraphicsSceneHelpEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    void fillSlice(int generation);
    void drawOverview(QPainter *painter, const QRectF &rect) const;
    void reapSlice();
    void updateEdgesOf(int table);

    core::ErdPalette m_palette;
    core::ErdDiagram m_diagram;
    core::ErdLayout m_layout;
    QList<core::erdgeometry::TableShape> m_shapes;
    QHash<core::ErdTableRef, int> m_byRef;
    QSet<int> m_moved;
    QList<TableItem *> m_tableItems;
    QList<EdgeItem *> m_edgeItems;
    QList<ClusterItem *> m_clusterItems;
    QList<QGraphicsItem *> m_dying; // items of a replaced diagram, deleted a slice at a time
    QHash<int, QList<int>> m_edgesOf; // table -> edges touching it
    int m_next = 0; // next item to add while filling
    int m_generation = 0;
    bool m_filling = false;
    int m_focus = -1;
    QSet<int> m_near; // the focused table and its neighbours
    int m_hovered = -1;
};

} // namespace strata::ui
