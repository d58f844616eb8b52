#pragma once

#include "migrations/migrationfolder.h"
#include "migrations/migrationhistory.h"
#include "migrations/transactionmode.h"
#include "result.h"

#include <QDateTime>
#include <QPromise>

#include <optional>

namespace strata::core {

class SessionContext;

// What the runner did, or would do, with one file.
struct RunStep
{
    enum class Status {
        WouldRun, // dry run: it would run
        WouldFail, // dry run: it cannot be read; a real run stops before it
        Ran,
        Failed,
        NotRun, // not reached (or not yet run, in a plan for a real run)
        Cancelled, // the user cancelled while it ran: rolled back, never recorded as finished
        Unfinished, // started before and never finished; left alone (not asked to re-run)
    };
    FolderMigration file;
    Status status = Status::NotRun;
    qint64 durationMs = -1;
    QString note; // "without a transaction: ...", "records itself", "started ... runs again"
    bool unfinished = false; // its history row has started_at and no finished_at
    QDateTime startedAt; // when that unfinished run started, as recorded
    TransactionMode transaction;

    // "would run", "would fail", "ran", "FAILED", "not run", "cancelled", "unfinished".
    static QString statusText(Status status);
};

struct RunReport
{
    bool dryRun = false;
    QString schema; // the history table the runner reads and writes
    QString table;
    QList<RunStep> steps;
    // The first failure: the file, its line, and the server's message; the hint says what the
    // database holds now.
    bool failed = false;
    bool cancelled = false;
    // Unfinished files come before pending ones and re-running them was not asked for: nothing
    // runs (error says which files and what to do).
    bool blocked = false;
    QString failedFile;
    int failedLine = 0;
    Error error;
    QString summary() const;
    // A dry run that a real run would not complete (blocked, or a file that cannot be read).
    bool wouldFail() const;
    int count(RunStep::Status status) const;
    // The files a real run would run (pending, plus unfinished ones when re-run).
    int toRun() const;
};

struct RunOptions
{
    bool dryRun = false;
    // Run again the files whose history row was started and never finished. Off: the runner
    // refuses when such a file comes before pending ones, and leaves it alone otherwise.
    bool rerunUnfinished = false;
    // Where the history lives; empty: the home-grown schema_migrations found in the database,
    // or public.schema_migrations (created on the first real run).
    QString schema;
    QString table = QStringLiteral("schema_migrations");
};

// Applies pending plain-SQL files (home-grown style and plain numbered folders) in order, on a
// read-write session without a statement timeout, holding an advisory lock on the history table
// so two Stratas never apply at once. Each file runs in its own transaction unless
// TransactionMode says otherwise: statements that cannot run in a transaction block (or the
// line `-- strata:no-transaction`) make it run statement by statement, and a file with its own
// BEGIN/COMMIT runs as written; the transaction status is checked after every statement so a
// report never claims a rollback that did not happen. The runner writes started_at/finished_at
// itself unless the file writes its own schema_migrations row; then it only corrects timings
// that now() left equal. It stops at the first error and names the file and the line. Cancel
// (Session::cancel) interrupts the running statement and rolls the file back. It never runs
// another framework's tool.
class SqlMigrationRunner
{
public:
    static RunReport run(QPromise<RunReport> &promise, SessionContext &ctx,
        const MigrationFolder &folder, const RunOptions &options);

    // The pending files and the history table that decides it; no writes.
    static Result<RunReport> plan(
        SessionContext &ctx, const MigrationFolder &folder, const RunOptions &options);

    // The command that applies another framework's folder, with the folder in it.
    static QString foreignCommand(const MigrationFolder &folder);

private:
    // One file of a real run; a report to return when the run stops there.
    static std::optional<RunReport> runStep(QPromise<RunReport> &promise, SessionContext &ctx,
        RunStep &step, RunReport &report, int &done);
};

} // namespace strata::core
