#pragma once

#include "jobs/backupschedule.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTimeEdit;

namespace strata::ui {

// A new backup schedule for the open connection: its name, folder, how often (daily or weekly at
// a time, or a systemd calendar expression), format and what to keep. The core checks it when
// it is saved.
class ScheduleDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ScheduleDialog(const core::BackupSchedule &proposal, QWidget *parent = nullptr);

    core::BackupSchedule schedule() const;
    void setProblem(const QString &text);

Q_SIGNALS:
    void scheduleRequested(const core::BackupSchedule &schedule);

private:
    void updateState();

    core::BackupSchedule m_base;
    QLineEdit *m_name;
    QLineEdit *m_folder;
    QComboBox *m_every;
    QTimeEdit *m_at;
    QLineEdit *m_calendar;
    QComboBox *m_format;
    QSpinBox *m_keepLast;
    QSpinBox *m_keepDaily;
    QSpinBox *m_keepWeekly;
    QSpinBox *m_keepMonthly;
    QLabel *m_problem;
};

} // namespace strata::ui
