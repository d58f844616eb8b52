#pragma once

#include "jobprogress.h"

#include <QString>

namespace strata::cli {

// One run of a backup schedule (what its systemd service starts: `strata-cli backup --schedule
// NAME`, or `strata-cli schedule run NAME`): the backup, recorded as the schedule's, then the
// schedule's retention. The password comes from the keychain (the saved connection's) or from
// ~/.pgpass through libpq. Exit status 0 only when the backup was written.
int runScheduledBackup(const QString &schedule, ProgressStyle style);
// `strata-cli backup --schedule NAME [--progress=...]`: args after "--schedule".
int runScheduledBackupCommand(const QStringList &args);

} // namespace strata::cli
