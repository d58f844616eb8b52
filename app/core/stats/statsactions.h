#pragma once

#include "result.h"

#include <QString>

namespace strata::core {

class SessionContext;

// What the dashboard can do to the server. Each runs on a session's thread; the maintenance
// statements need a read-write session without a statement timeout (SessionOptions.readOnly =
// false, statementTimeoutMs = 0) and run through the simple protocol outside a transaction,
// where VACUUM is allowed.
namespace statsactions {

enum class Maintenance { Vacuum, Analyze, Refresh, RefreshConcurrently };

struct Progress
{
    QString phase;
    qint64 done = 0;
    qint64 total = 0; // 0: unknown (show a busy indicator)
};

// True when the server sent the signal (false: no such backend, or not allowed).
Result<bool> cancelBackend(SessionContext &ctx, int pid);
Result<bool> terminateBackend(SessionContext &ctx, int pid);
Result<int> backendPid(SessionContext &ctx);

// "VACUUM (ANALYZE) public."Orders"": the statement as it will run, for the confirmation.
QString statementFor(
    SessionContext *ctx, Maintenance what, const QString &schema, const QString &name);
Status runMaintenance(
    SessionContext &ctx, Maintenance what, const QString &schema, const QString &name);
// How far the maintenance run by backend pid has come (VACUUM 12+, ANALYZE 13+; a refresh
// reports no progress). No row: not (or no longer) running.
Result<Progress> progress(SessionContext &ctx, Maintenance what, int pid);

} // namespace statsactions

} // namespace strata::core
