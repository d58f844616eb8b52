#pragma once

#include "workspacepages.h"

#include <QList>
#include <QObject>

class QTabWidget;
class QWidget;

namespace strata::ui {

class AppContext;
class WorkspacePage;

// The workspace's tabs, each page built when it is first needed, so that the window's first
// frame costs only the page in front: the others are built one per turn of the event loop
// after that frame is painted, or at once when something needs one earlier (its tab chosen by
// a click, a shortcut or a request, or a caller asking for the page). Until then its tab holds
// an empty stand-in with the same id and title; the built page takes the stand-in's place.
class WorkspaceTabs : public QObject
{
    Q_OBJECT
public:
    WorkspaceTabs(AppContext *context, QTabWidget *tabs, QObject *parent = nullptr);

    const QList<WorkspacePageSpec> &specs() const { return m_specs; }
    int indexOf(const QString &id) const; // -1 when there is no such page

    // The page, built now if it was not yet (null for an index or id out of range).
    WorkspacePage *page(int index);
    WorkspacePage *page(const QString &id);
    // Every page, in tab order, building those not built yet.
    QList<WorkspacePage *> all();
    // The pages built so far, without building any.
    QList<WorkspacePage *> built() const;
    bool isBuilt(int index) const;
    // Builds the page and puts it in front.
    void show(int index);
    // Once `window` has painted its first frame, builds the other pages, one per turn.
    void buildRestAfterFirstPaint(QWidget *window);

Q_SIGNALS:
    void pageBuilt(WorkspacePage *page);
    void allBuilt(); // once, when the last page is built (whatever built it)

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildNextPending();

    AppContext *m_context;
    QTabWidget *m_tabs;
    QList<WorkspacePageSpec> m_specs;
    QList<WorkspacePage *> m_pages; // null while a page's tab holds its stand-in
    QWidget *m_watched = nullptr; // the window whose first paint starts the rest
};

} // namespace strata::ui
