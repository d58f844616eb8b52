#pragma once

#include "migrations/migrationfolder.h"

#include <QGraphicsView>
#include <QSet>

namespace strata::ui {

// The Alembic revision graph: Graphviz's dot lays it out (parents above children), Qt draws it.
// Applied revisions are filled green, pending ones outlined blue, heads in the database bold;
// depends_on edges are dashed. The layout runs on the GUI thread (a versions/ folder's graph is
// small: milliseconds) under GraphvizLock, taken only when free: diagrams lay out in workers.
class AlembicGraphView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit AlembicGraphView(QWidget *parent = nullptr);
    // Returns false (and shows a message) when Graphviz could not lay the graph out.
    bool setGraph(const QList<core::FolderMigration> &revisions, const QSet<QString> &applied,
        const QStringList &dbHeads);
    int nodeCount() const { return m_nodes; }

Q_SIGNALS:
    void revisionClicked(const QString &revision);

protected:
    void mousePressEvent(QMouseEvent *event) override;

private:
    bool layOut(const QList<core::FolderMigration> &revisions, const QSet<QString> &applied,
        const QStringList &dbHeads);

    int m_nodes = 0;
};

} // namespace strata::ui
