#include "alembicgraphview.h"

#include "theme.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "erd/graphvizlock.h"

#include <QGraphicsEllipseItem>
#include <QGraphicsPathItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QHash>
#include <QMouseEvent>
#include <QPainterPath>
#include <QScopeGuard>
#include <QTimer>

namespace strata::ui {

namespace {

void set(void *obj, const char *name, const QByteArray &value)
{
    agsafeset(obj, const_cast<char *>(name), const_cast<char *>(value.constData()),
        const_cast<char *>(""));
}

} // namespace

AlembicGraphView::AlembicGraphView(QWidget *parent) : QGraphicsView(parent)
{
    setScene(new QGraphicsScene(this));
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
}

bool AlembicGraphView::setGraph(const QList<core::FolderMigration> &revisions,
    const QSet<QString> &applied, const QStringList &dbHeads)
{
    // Graphviz is not safe in two threads at once, and diagrams are laid out in workers: take
    // their lock, without waiting on the GUI thread (when a layout holds it, try again shortly).
    if (!core::GraphvizLock::tryLock()) {
        QTimer::singleShot(20, this,
            [this, revisions, applied, dbHeads] { setGraph(revisions, applied, dbHeads); });
        return true;
    }
    const auto unlock = qScopeGuard([] { core::GraphvizLock::unlock(); });
    return layOut(revisions, applied, dbHeads);
}

bool AlembicGraphView::layOut(const QList<core::FolderMigration> &revisions,
    const QSet<QString> &applied, const QStringList &dbHeads)
{
    scene()->clear();
    m_nodes = 0;
    GVC_t *gvc = gvContext();
    Agraph_t *g = agopen(const_cast<char *>("alembic"), Agdirected, nullptr);
    set(g, "rankdir", "BT"); // the first revision at the bottom, heads on top
    set(g, "nodesep", "0.3");
    set(g, "ranksep", "0.4");
    QHash<QString, Agnode_t *> nodes;
    QHash<Agnode_t *, QString> names;
    for (const auto &r : revisions) {
        const QByteArray id = r.version.toUtf8();
        Agnode_t *n = agnode(g, const_cast<char *>(id.constData()), 1);
        set(n, "shape", "box");
        const QString label = r.version.left(12) + QStringLiteral("\n") + r.description.left(24);
        set(n, "label", label.toUtf8());
        set(n, "width", "1.9");
        set(n, "height", "0.55");
        set(n, "fixedsize", "true");
        nodes.insert(r.version, n);
        names.insert(n, r.version);
    }
    struct EdgeInfo
    {
        Agedge_t *edge;
        bool dependency;
    };
    QList<EdgeInfo> edges;
    for (const auto &r : revisions) {
        for (const auto &p : r.downRevisions)
            if (nodes.contains(p))
                edges.append(
                    { agedge(g, nodes.value(p), nodes.value(r.version), nullptr, 1), false });
        for (const auto &p : r.dependsOn)
            if (nodes.contains(p))
                edges.append(
                    { agedge(g, nodes.value(p), nodes.value(r.version), nullptr, 1), true });
    }
    if (gvLayout(gvc, g, "dot") != 0) {
        agclose(g);
        gvFreeContext(gvc);
        scene()
            ->addSimpleText(tr("Graphviz could not lay out the revision graph."))
            ->setBrush(palette().color(QPalette::Text));
        return false;
    }
    const double top = GD_bb(g).UR.y;
    auto toScene = [top](pointf p) { return QPointF(p.x, top - p.y); };
    for (const auto &e : edges) {
        const splines *spl = ED_spl(e.edge);
        if (!spl || spl->size == 0)
            continue;
        const bezier &b = spl->list[0];
        QPainterPath path(toScene(b.list[0]));
        for (int i = 1; i + 2 < b.size; i += 3)
            path.cubicTo(toScene(b.list[i]), toScene(b.list[i + 1]), toScene(b.list[i + 2]));
        QPen pen(palette().color(QPalette::Mid), 1.4);
        if (e.dependency)
            pen.setStyle(Qt::DashLine);
        scene()->addPath(path, pen);
        if (b.eflag) { // an arrowhead towards the child
            const QPointF tip = toScene(b.ep), from = path.currentPosition();
            QLineF l(tip, from);
            l.setLength(8);
            QLineF a = l, c = l;
            a.setAngle(l.angle() + 25);
            c.setAngle(l.angle() - 25);
            scene()->addPolygon(QPolygonF { tip, a.p2(), c.p2() }, pen, QBrush(pen.color()));
            scene()->addLine(QLineF(from, tip), pen);
        }
    }
    for (auto it = nodes.cbegin(); it != nodes.cend(); ++it) {
        Agnode_t *n = it.value();
        const QPointF c = toScene(ND_coord(n));
        const double w = ND_width(n) * 72, h = ND_height(n) * 72;
        const bool isApplied = applied.contains(it.key());
        const bool isHead = dbHeads.contains(it.key());
        auto *rect = scene()->addRect(QRectF(c.x() - w / 2, c.y() - h / 2, w, h),
            QPen(theme::text(isApplied ? theme::Tone::Ok : theme::Tone::Info), isHead ? 3 : 1.2),
            QBrush(isApplied ? theme::fill(theme::Tone::Ok) : palette().color(QPalette::Base)));
        rect->setData(0, it.key());
        rect->setToolTip(
            isHead ? tr("%1: current head in alembic_version").arg(it.key()) : it.key());
        const auto &r = *std::find_if(revisions.cbegin(), revisions.cend(),
            [&](const auto &m) { return m.version == it.key(); });
        auto *text = scene()->addSimpleText(r.version.left(12) + u'\n' + r.description.left(24));
        text->setBrush(palette().color(QPalette::Text));
        QFont f = text->font();
        f.setPointSizeF(8);
        f.setBold(isHead);
        text->setFont(f);
        text->setPos(
            c - QPointF(text->boundingRect().width() / 2, text->boundingRect().height() / 2));
        text->setParentItem(nullptr);
        ++m_nodes;
    }
    gvFreeLayout(gvc, g);
    agclose(g);
    gvFreeContext(gvc);
    scene()->setSceneRect(scene()->itemsBoundingRect().adjusted(-10, -10, 10, 10));
    return true;
}

void AlembicGraphView::mousePressEvent(QMouseEvent *event)
{
    for (QGraphicsItem *item : items(event->pos())) {
        const QString rev = item->data(0).toString();
        if (!rev.isEmpty()) {
            Q_EMIT revisionClicked(rev);
            break;
        }
    }
    QGraphicsView::mousePressEvent(event);
}

} // namespace strata::ui
