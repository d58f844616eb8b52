#include "mainwindow.h"

#include "appcontext.h"
#include "icons.h"
#include "jobs/jobspage.h"
#include "jobs/restoredialog.h"
#include "workspacepage.h"
#include "workspacetabs.h"

#include <QAction>
#include <QTabWidget>
#include <QToolBar>

namespace strata::ui {

using models::icons::Icon;

// The common actions of the menus, with icons and their names under them. The same QActions as
// the menus hold (one shortcut, one enabled state). Text under the icons keeps the bar short
// enough for the window's minimum width; a narrower window folds the rest into the bar's
// extension menu (QToolBar does that by itself).
void MainWindow::buildToolBar()
{
    auto *bar = addToolBar(tr("Main toolbar"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
    bar->setIconSize(QSize(22, 22));
    const struct
    {
        const char *action;
        Icon icon;
        const char *shortText; // the toolbar's label, shorter than the menu's
    } items[] = {
        { "newConnection", Icon::NewConnection, QT_TR_NOOP("Connect") },
        { "refresh", Icon::Refresh, QT_TR_NOOP("Refresh") },
        { "find", Icon::Find, QT_TR_NOOP("Find") },
        { nullptr, Icon::Count_, nullptr },
        { "backup", Icon::Backup, QT_TR_NOOP("Back up") },
        { "restore", Icon::Restore, QT_TR_NOOP("Restore") },
        { "page-diagram", Icon::Diagram, QT_TR_NOOP("Diagram") },
    };
    for (const auto &item : items) {
        if (!item.action) {
            bar->addSeparator();
            continue;
        }
        auto *a = findChild<QAction *>(QLatin1String(item.action));
        if (!a)
            continue;
        a->setIcon(models::icons::icon(item.icon));
        a->setIconText(tr(item.shortText));
        bar->addAction(a);
    }
    auto updateEnabled = [this] {
        for (const char *name : { "backup", "restore" })
            if (auto *a = findChild<QAction *>(QLatin1String(name)))
                a->setEnabled(m_context->isConnected());
    };
    connect(m_context, &AppContext::connectionChanged, this, updateEnabled);
    updateEnabled();
}

void MainWindow::openRestoreDialog()
{
    const int index = m_workspace->indexOf(JobsPage::pageId());
    if (auto *jobs = qobject_cast<JobsPage *>(m_workspace->page(index))) {
        m_workspace->show(index);
        jobs->createRestoreDialog()->open();
    }
}

} // namespace strata::ui
