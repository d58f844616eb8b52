#pragma once

#include "jobs/backupcatalog.h"
#include "jobs/backupschedule.h"
#include "jobs/retention.h"

#include <memory>

namespace strata::core {

class BackupJob;

// What a prune did (or, dry, would do) to one schedule's backups.
struct PruneEntry
{
    qint64 id = 0;
    QString path;
    QDateTime started;
    bool keep = false;
    QStringList reasons;
    QString problem; // the file could not be deleted
};

struct PruneReport
{
    QString schedule;
    RetentionPolicy policy;
    bool dryRun = false;
    QList<PruneEntry> entries; // newest first
    int deleted() const;
};

namespace scheduledbackups {

// A scheduled run's job: the file named by the schedule's pattern in its folder, made by the
// schedule (so the history and the retention know it).
Result<std::shared_ptr<BackupJob>> makeJob(
    const BackupSchedule &schedule, const QString &password, const QString &catalogPath);

// The schedule's retention policy applied to the backups it made (only those): the files it
// does not keep are deleted (with their manifests), and their entries stay in the history
// marked deleted, with the rule's name. Never the newest backup whose restore test passed.
Result<PruneReport> prune(const QString &catalogPath, const BackupSchedule &schedule, bool dryRun);

// A scheduled run that could not start (its schedule gone, a bad connection string): recorded as
// failed, so that the window tells about it like any failed run.
void recordFailedStart(const QString &catalogPath, const QString &schedule, const Error &error);

// Removes a backup and its manifest from the disk; a file already gone is not an error.
Status removeBackupFiles(const QString &path);

} // namespace scheduledbackups
} // namespace strata::core
