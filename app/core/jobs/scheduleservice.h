#pragma once

#include "jobs/backupschedule.h"
#include "jobs/scheduledbackups.h"
#include "jobs/systemdunits.h"

#include <QFuture>

#include <memory>

namespace strata::core {

class BackupJob;
class Connection;

// A schedule as the Schedules view shows it.
struct ScheduleInfo
{
    BackupSchedule schedule;
    std::optional<ScheduleLastRun> lastRun;
    QString nextRun; // as systemd-analyze says it; empty when not known
    bool unitsWritten = false;
};

// Backup schedules for the window: list, add (units written and enabled), remove, run now and
// prune. Every call returns at once.
class ScheduleService
{
public:
    // cliPath: the strata-cli the units run (beside the strata binary).
    ScheduleService(QString catalogPath, QString cliPath);

    QFuture<Result<QList<ScheduleInfo>>> list() const;
    QFuture<Result<systemdunits::Installed>> add(const BackupSchedule &schedule) const;
    QFuture<Result<QString>> remove(const QString &name) const;
    QFuture<Result<PruneReport>> prune(const BackupSchedule &schedule, bool dryRun) const;
    // A run now, as the schedule's (its files, its history, its retention after it): the job is
    // made, not started. The password is the connection's when the schedule was made from it,
    // else the keychain's or ~/.pgpass's (libpq) as in a timer's run.
    Result<std::shared_ptr<BackupJob>> runNowJob(
        const BackupSchedule &schedule, const std::shared_ptr<const Connection> &connection) const;

    // The schedule a connection would get by default: its profile, a daily run at 03:00 into
    // folder, seven daily and four weekly backups kept.
    static BackupSchedule proposal(const Connection &connection, const QString &folder);

private:
    QString m_catalogPath;
    QString m_cliPath;
};

} // namespace strata::core
