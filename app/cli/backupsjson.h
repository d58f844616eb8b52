#pragma once

#include "jobs/backuphistory.h"
#include "jobs/backupschedule.h"
#include "jobs/restoretest.h"
#include "jobs/scheduledbackups.h"

#include <QJsonObject>

namespace strata::cli {

// The JSON strata-cli prints for the backup history, restore tests, schedules and prunes;
// every key is described in docs/backups-json.md.
QJsonObject entryJson(const core::BackupEntry &e);
QJsonObject restoreTestJson(const core::RestoreTestReport &r);
QJsonObject scheduleJson(const core::BackupSchedule &s, const core::ScheduleLastRun *last,
    const QString &nextRun, bool unitsWritten);
QJsonObject pruneJson(const core::PruneReport &r);
QString isoTime(const QDateTime &t);
void printJson(const QJsonObject &o);

} // namespace strata::cli
