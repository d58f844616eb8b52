#pragma once

#include "workspacepage.h"

#include <QDateTime>
#include <QHash>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace strata::core {
class Connection;
class Job;
class JobsService;
struct BackupOptions;
struct RestoreOptions;
} // namespace strata::core

namespace strata::ui {

class BackupDialog;
class BackupHistoryView;
class DesktopNotifier;
class FailedRunWatcher;
class RestoreDialog;
class SchedulesView;

// Backups and restores: a panel of running and finished jobs (progress, current object, ETA,
// log, result, cancel); several can run at once. The jobs run on a pool; a timer reads their
// status (a mutex-guarded copy), so the GUI thread never waits on them.
class JobsPage : public WorkspacePage
{
    Q_OBJECT
public:
    explicit JobsPage(AppContext *context, QWidget *parent = nullptr);
    ~JobsPage() override;

    static QString pageId() { return QStringLiteral("jobs"); }
    static QString pageTitle() { return tr("Backup & restore"); }
    QString id() const override { return pageId(); }
    QString title() const override { return pageTitle(); }
    QString busyReason() const override;

    // Starts a job and lists it; the page keeps it until the page is destroyed.
    void startJob(const std::shared_ptr<core::Job> &job);
    int jobCount() const { return int(m_jobs.size()); }
    std::shared_ptr<core::Job> job(int row) const;

    // Jobs that ran at least this long end with a desktop notification (the preference
    // "Notify after", 30 s unless changed there; tests set it here).
    void setNotifyAfter(qint64 ms) { m_notifyAfterMs = ms; }
    qint64 notifyAfterMs() const;

    BackupDialog *createBackupDialog(
        const QStringList &tables = {}, const QStringList &schemas = {});
    RestoreDialog *createRestoreDialog();

    // The backup history and the schedules, tabs beside the jobs (jobspagehistory.cpp).
    BackupHistoryView *historyView() const { return m_history; }
    SchedulesView *schedulesView() const { return m_schedules; }
    void showTab(const QString &tab); // "jobs", "history", "schedules"
    // How the page tells the desktop: long jobs ended, scheduled backups that failed.
    DesktopNotifier *notifier() const { return m_notifier; }
    FailedRunWatcher *failedRunWatcher() const { return m_failedRuns; }

Q_SIGNALS:
    // A long job ended: shown as a desktop notification where the desktop has a tray, and the
    // window asks for attention (QApplication::alert) in any case.
    void longJobEnded(const QString &title, const QString &message);

private:
    struct Entry
    {
        std::shared_ptr<core::Job> job;
        QTreeWidgetItem *item = nullptr;
        bool finishedShown = false;
        QDateTime finishedAt;
    };
    std::shared_ptr<core::JobsService> service() const;
    QWidget *embedBackupViews(QWidget *jobsPanel);
    void refreshJobs();
    void showDetails();
    void cancelSelected();
    void onFinished(int index);
    void updateButtons();

    QTreeWidget *m_list;
    QPlainTextEdit *m_log;
    QLabel *m_result;
    QPushButton *m_backup;
    QPushButton *m_restore;
    QPushButton *m_cancel;
    QTimer *m_timer;
    QTabWidget *m_tabs = nullptr;
    BackupHistoryView *m_history = nullptr;
    SchedulesView *m_schedules = nullptr;
    DesktopNotifier *m_notifier = nullptr;
    FailedRunWatcher *m_failedRuns = nullptr;
    QList<Entry> m_jobs;
    mutable std::shared_ptr<core::JobsService> m_service;
    bool m_logFollows = true;
    mutable std::weak_ptr<const core::Connection> m_serviceConnection;
    qint64 m_notifyAfterMs = -1; // -1: the preference
};

} // namespace strata::ui
