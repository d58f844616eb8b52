#pragma once

#include "jobs/backuphistory.h"
#include "overview/overviewtypes.h"
#include "result.h"
#include "stats/statssnapshot.h"

namespace strata::core {

class SessionContext;

// Reads what the overview shows. Runs on a session's thread; tests call it directly.
namespace OverviewReader {

Result<ServerSummary> server(SessionContext &ctx);
Result<QList<DatabaseSummary>> databases(SessionContext &ctx);
// The largest schemas of this database, at most `limit`, largest first.
Result<QList<SchemaSize>> schemaSizes(SessionContext &ctx, int limit);
// The statistics' health warnings (StatsCollector + statshealth), from a lighter snapshot than
// the dashboard's: the same statements and thresholds, fewer rows.
Result<QList<HealthWarning>> health(SessionContext &ctx);
// The newest `limit` runs in the history made against `server` (backuphistory::serverLabel),
// failed ones too, newest first.
QList<BackupEntry> recentBackups(QList<BackupEntry> entries, const QString &server, int limit);

} // namespace OverviewReader
} // namespace strata::core
