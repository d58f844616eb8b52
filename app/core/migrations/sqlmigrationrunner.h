#pragma once

#include "migrations/migrationfolder.h"
#include "migrations/migrationhistory.h"
#include "result.h"

#include <QPromise>

namespace strata::core {

class SessionContext;

// What the runner did, or would do, with one file.
struct RunStep
{
    enum class Status { WouldRun, Ran, Failed, NotRun };
    FolderMigration file;
    Status status = Status::NotRun;
    qint64 durationMs = -1;
    QString note; // "outside a transaction", "records itself", "unfinished before: runs again"
};

struct RunReport
{
    bool dryRun = false;
    QString schema; // the history table the runner reads and writes
    QString table;
    QList<RunStep> steps;
    // The first failure: the file, its line, and the server's message.
    bool failed = false;
    QString failedFile;
    int failedLine = 0;
    Error error;
    QString summary() const;
};

struct RunOptions
{
    bool dryRun = false;
    // Where the history lives; empty: the home-grown schema_migrations found in the database,
    // or public.schema_migrations (created on the first real run).
    QString schema;
    QString table = QStringLiteral("schema_migrations");
};

// Applies pending plain-SQL files (home-grown style and plain numbered folders) in order, on a
// read-write session without a statement timeout. Each file runs in its own transaction unless
// it carries the line `-- strata:no-transaction` (FolderReader::noTransactionMarker): then each
// statement runs on its own (CREATE INDEX CONCURRENTLY needs that), and the start is committed
// first so a failure leaves a row with started_at and no finished_at, the "unfinished" state.
// The runner writes started_at/finished_at itself unless the file writes its own
// schema_migrations row (as idempotent files that upsert their version do): then it only runs
// the file. It stops at the first error and names the file and the line. A row started but never
// finished counts as pending again: such files are meant to be idempotent. It never runs another
// framework's tool.
class SqlMigrationRunner
{
public:
    static RunReport run(QPromise<RunReport> &promise, SessionContext &ctx,
                         const MigrationFolder &folder, const RunOptions &options);

    // The pending files and the history table that decides it; no writes.
    static Result<RunReport> plan(SessionContext &ctx, const MigrationFolder &folder,
                                  const RunOptions &options);
};

} // namespace strata::core
