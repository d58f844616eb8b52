// The Backup & restore page's history and schedules tabs, and how the page tells the desktop.
#include "jobspage.h"

#include "appcontext.h"
#include "backuphistoryview.h"
#include "desktopnotifier.h"
#include "failedrunwatcher.h"
#include "restoredialog.h"
#include "schedulesview.h"

#include "jobs/backuphistoryservice.h"
#include "jobs/job.h"

#include <QTabWidget>
#include <QTimer>

namespace strata::ui {

QWidget *JobsPage::embedBackupViews(QWidget *jobsPanel)
{
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(jobsPanel, tr("Jobs"));
    m_history = new BackupHistoryView(context(), m_tabs);
    m_tabs->addTab(m_history, tr("History"));
    m_schedules = new SchedulesView(context(), m_tabs);
    m_tabs->addTab(m_schedules, tr("Schedules"));
    m_notifier = new DesktopNotifier(this);
    m_failedRuns = new FailedRunWatcher(m_history->service(), m_notifier, this);

    auto start = [this](const std::shared_ptr<core::Job> &job) {
        startJob(job);
        showTab(QStringLiteral("jobs"));
    };
    connect(m_history, &BackupHistoryView::jobRequested, this, start);
    connect(m_schedules, &SchedulesView::jobRequested, this, start);
    connect(m_schedules, &SchedulesView::historyChanged, m_history, &BackupHistoryView::reload);
    connect(m_history, &BackupHistoryView::restoreRequested, this, [this](const QString &path) {
        if (!context()->isConnected())
            return;
        RestoreDialog *d = createRestoreDialog();
        d->setArchive(path);
        d->open();
    });
    // What the history and the schedules show is read when the window opens, off the GUI
    // thread; failed scheduled runs nobody was told about are told now.
    QTimer::singleShot(0, this, [this] {
        m_history->reload();
        m_schedules->reload();
        m_failedRuns->check();
    });
    return m_tabs;
}

void JobsPage::showTab(const QString &tab)
{
    if (tab == QLatin1String("history"))
        m_tabs->setCurrentWidget(m_history);
    else if (tab == QLatin1String("schedules"))
        m_tabs->setCurrentWidget(m_schedules);
    else
        m_tabs->setCurrentIndex(0);
}

} // namespace strata::ui
