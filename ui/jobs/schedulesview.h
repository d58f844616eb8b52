#pragma once

#include "jobs/scheduleservice.h"

#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTreeView;

namespace strata::core {
class Job;
}

namespace strata::ui {

class AppContext;
class ScheduleDialog;

// The backup schedules: each with its calendar, next and last run, folder and retention; a new
// one for the open connection, run one now (in the jobs panel, its retention after it), prune
// now, remove (its units; its backups and history stay).
class SchedulesView : public QWidget
{
    Q_OBJECT
public:
    explicit SchedulesView(AppContext *context, QWidget *parent = nullptr);

    void setService(std::shared_ptr<core::ScheduleService> service);
    void reload();
    QTreeView *list() const { return m_list; }
    QStandardItemModel *listModel() const { return m_model; }
    QList<core::ScheduleInfo> schedules() const { return m_schedules; }
    bool select(const QString &name);

    // The dialog for a new schedule of the open connection (null when not connected).
    ScheduleDialog *createScheduleDialog();
    void add(const core::BackupSchedule &schedule, ScheduleDialog *dialog = nullptr);
    void runSelectedNow();
    void pruneSelected();
    void removeSelected();

Q_SIGNALS:
    void reloaded();
    void jobRequested(const std::shared_ptr<core::Job> &job);
    // A scheduled run or prune changed the history.
    void historyChanged();
    void actionDone(const QString &message);

private:
    std::optional<core::ScheduleInfo> selected() const;
    void prune(const core::BackupSchedule &schedule);
    void updateButtons();
    void done(const QString &message, bool error);

    AppContext *m_context;
    std::shared_ptr<core::ScheduleService> m_service;
    QStandardItemModel *m_model;
    QTreeView *m_list;
    QPushButton *m_new;
    QPushButton *m_run;
    QPushButton *m_prune;
    QPushButton *m_remove;
    QLabel *m_status;
    QList<core::ScheduleInfo> m_schedules;
    int m_generation = 0;
};

} // namespace strata::ui
