#include "sqlmigrationrunner.h"

#include "db/session.h"
#include "db/sqlregistry.h"
#include "migrations/detectorregistry.h"
#include "migrations/detectors/detectors.h"
#include "migrations/folderreader.h"
#include "migrations/historycomparer.h"
#include "migrations/historyreader.h"
#include "migrations/migrationlock.h"
#include "migrations/runnerhelpers.h"
#include "migrations/sqlsplitter.h"

#include <libpq-fe.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>

namespace strata::core {

namespace {

QString statement(
    SessionContext &ctx, const QString &name, const QString &schema, const QString &table)
{
    // An empty text (a statement missing from sql/, which the statement test rules out) fails
    // at the server like any other bad statement.
    auto text = ctx.statement(name, { { QStringLiteral("table"), { schema, table } } });
    return text ? text.value() : QString();
}

struct ExecFailure
{
    Error error;
    int position = 0; // 1-based character in the statement, 0 when the server gave none
};

std::optional<ExecFailure> execOne(SessionContext &ctx, const QString &sql)
{
    PGconn *c = ctx.pg();
    if (!c)
        return ExecFailure { Error(Error::Kind::ConnectionLost, QStringLiteral("Not connected.")) };
    PGresult *res = PQexec(c, sql.toUtf8().constData());
    const auto st = PQresultStatus(res);
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_EMPTY_QUERY) {
        PQclear(res);
        return std::nullopt;
    }
    ExecFailure f;
    f.error = ctx.errorFrom(res);
    if (st == PGRES_COPY_IN || st == PGRES_COPY_OUT) {
        f.error = Error(Error::Kind::Query,
            QStringLiteral("A COPY from standard input or to standard output needs psql."),
            QStringLiteral("Run this file with psql, or load the data with INSERT."));
        PQendcopy(c);
    }
    if (const char *pos = PQresultErrorField(res, PG_DIAG_STATEMENT_POSITION))
        f.position = QByteArray(pos).toInt();
    PQclear(res);
    return f;
}

PGTransactionStatusType txStatus(SessionContext &ctx)
{
    PGconn *c = ctx.pg();
    return c ? PQtransactionStatus(c) : PQTRANS_UNKNOWN;
}

void rollback(SessionContext &ctx)
{
    const auto st = txStatus(ctx);
    if (st == PQTRANS_INTRANS || st == PQTRANS_INERROR)
        PQclear(PQexec(ctx.pg(), "ROLLBACK"));
}

QString clockNow(SessionContext &ctx)
{
    auto r = ctx.exec(QStringLiteral("migrations/runner/clock"));
    return r && r->rows() > 0 ? r->text(0, 0) : QString();
}

} // namespace

QString RunStep::statusText(Status status)
{
    switch (status) {
    case Status::WouldRun:
        return QStringLiteral("would run");
    case Status::WouldFail:
        return QStringLiteral("would fail");
    case Status::Ran:
        return QStringLiteral("ran");
    case Status::Failed:
        return QStringLiteral("FAILED");
    case Status::NotRun:
        return QStringLiteral("not run");
    case Status::Cancelled:
        return QStringLiteral("cancelled");
    case Status::Unfinished:
        return QStringLiteral("unfinished");
    }
    return {};
}

int RunReport::count(RunStep::Status status) const
{
    return int(std::count_if(
        steps.cbegin(), steps.cend(), [status](const RunStep &s) { return s.status == status; }));
}

int RunReport::toRun() const
{
    if (blocked)
        return 0;
    int n = 0;
    for (const auto &s : steps) {
        if (s.status == RunStep::Status::Unfinished)
            continue;
        ++n;
        if (s.status == RunStep::Status::WouldFail)
            break;
    }
    return n;
}

bool RunReport::wouldFail() const
{
    return blocked || count(RunStep::Status::WouldFail) > 0;
}

QString RunReport::summary() const
{
    const int ran = count(RunStep::Status::Ran);
    if (dryRun) {
        if (blocked)
            return QStringLiteral("Nothing would run: %1").arg(error.message);
        const int would = count(RunStep::Status::WouldRun);
        for (const auto &s : steps)
            if (s.status == RunStep::Status::WouldFail)
                return QStringLiteral("%1 file(s) would run, then the run would stop at %2: %3")
                    .arg(would)
                    .arg(s.file.relativePath, s.file.error);
        return would == 0 ? QStringLiteral("Nothing to apply: every file is recorded in %1.%2.")
                                .arg(schema, table)
                          : QStringLiteral("%1 file(s) would run, in this order.").arg(would);
    }
    if (cancelled)
        return QStringLiteral("Cancelled: %1 file(s) applied before; %2")
            .arg(ran)
            .arg(error.message);
    if (blocked)
        return QStringLiteral("Nothing ran: %1").arg(error.message);
    if (failed)
        return QStringLiteral("%1 file(s) applied; %2 failed at line %3: %4")
            .arg(ran)
            .arg(failedFile)
            .arg(failedLine)
            .arg(error.message);
    return QStringLiteral("%1 file(s) applied.").arg(ran);
}

QString SqlMigrationRunner::foreignCommand(const MigrationFolder &folder)
{
    static const QHash<FolderKind, QString> ids = {
        { FolderKind::Flyway, QStringLiteral("flyway") },
        { FolderKind::Alembic, QStringLiteral("alembic") },
        { FolderKind::GolangMigrate, QStringLiteral("golang-migrate") },
        { FolderKind::Dbmate, QStringLiteral("dbmate") },
        { FolderKind::Rails, QStringLiteral("rails") },
        { FolderKind::Django, QStringLiteral("django") },
        { FolderKind::Prisma, QStringLiteral("prisma") },
    };
    const MigrationDetector *d = DetectorRegistry::instance().find(ids.value(folder.kind));
    if (!d || d->upgradeCommand().isEmpty())
        return {};
    const QString dir = QDir::cleanPath(folder.dir);
    const QString quoted = dir.contains(u' ') || dir.contains(u'\'')
        ? u'\'' + QString(dir).replace(u'\'', QLatin1String("'\\''")) + u'\''
        : dir;
    QString cmd = d->upgradeCommand();
    if (cmd.contains(QLatin1String("PATH")))
        return cmd.replace(QLatin1String("PATH"), quoted);
    switch (folder.kind) {
    case FolderKind::Flyway:
        return QStringLiteral("flyway -locations=filesystem:%1 migrate").arg(quoted);
    case FolderKind::Dbmate:
        return QStringLiteral("dbmate --migrations-dir %1 up").arg(quoted);
    default:
        break;
    }
    // Tools that find their folder from the project: run them in the project's root.
    QString root = dir;
    for (const char *tail : { "/db/migrate", "/prisma/migrations", "/migrations", "/versions" })
        if (root.endsWith(QLatin1String(tail))) {
            root.chop(int(qstrlen(tail)));
            break;
        }
    const QString r = root.contains(u' ') ? u'\'' + root + u'\'' : root;
    return QStringLiteral("cd %1 && %2").arg(r, cmd);
}

namespace {

RunReport failed(RunReport r, Error e)
{
    r.failed = true;
    r.error = std::move(e);
    return r;
}

// One file's run: what failed (if anything), where, and what the transaction status showed.
struct FileRun
{
    std::optional<ExecFailure> failure;
    int failedOffset = -1;
    QString failedStatement; // when one of the file's statements failed or was cancelled
    int committedThrough = 0; // the last line after which nothing was left open
    int openSince = 0; // where a transaction still open was begun (not Strata's)
    bool wrapperEnded = false;
};

bool cancelRequested(QPromise<RunReport> &promise, SessionContext &ctx)
{
    return promise.isCanceled() || ctx.cancelRequested();
}

// The file's statements one by one, in the runner's transaction when wrapped, with its history
// row written around them when the runner records it.
FileRun executeFile(QPromise<RunReport> &promise, SessionContext &ctx, const QString &text,
    const RunStep &step, const QString &schema, const QString &table)
{
    FileRun f;
    const bool wrapped = step.transaction.wrapped();
    const bool record = !step.file.recordsItself;
    if (wrapped)
        f.failure = execOne(ctx, QStringLiteral("BEGIN"));
    if (!f.failure && record) {
        auto r = ctx.execText(
            statement(ctx, "migrations/runner/record_start", schema, table), { step.file.version });
        if (!r)
            f.failure = ExecFailure { r.error() };
    }
    if (!f.failure) {
        for (const auto &s : SqlSplitter::split(text)) {
            if (cancelRequested(promise, ctx)) {
                f.failure
                    = ExecFailure { Error(Error::Kind::Canceled, QStringLiteral("Cancelled.")) };
                f.failedOffset = s.offset;
                break;
            }
            f.failure = execOne(ctx, s.text);
            if (f.failure) {
                f.failedStatement = s.text;
                f.failedOffset = s.offset + std::max(0, f.failure->position - 1);
                break;
            }
            const int endLine = SqlSplitter::lineAt(text, s.offset + int(s.text.size()) - 1);
            if (txStatus(ctx) == PQTRANS_IDLE) {
                f.committedThrough = endLine;
                f.openSince = 0;
                f.wrapperEnded = f.wrapperEnded || wrapped;
            } else if ((!wrapped || f.wrapperEnded) && f.openSince == 0) {
                f.openSince = s.line;
            }
        }
    }
    if (!f.failure && cancelRequested(promise, ctx))
        f.failure = ExecFailure { Error(Error::Kind::Canceled, QStringLiteral("Cancelled.")) };
    if (!f.failure && f.openSince > 0)
        f.failure = ExecFailure { Error(Error::Kind::Query,
            QStringLiteral("The file ended with a transaction still open (begun at line %1).")
                .arg(f.openSince),
            QStringLiteral("End it in the file with COMMIT.")) };
    if (!f.failure && record) {
        auto r = ctx.execText(statement(ctx, "migrations/runner/record_finish", schema, table),
            { step.file.version });
        if (!r)
            f.failure = ExecFailure { r.error() };
    }
    if (!f.failure && wrapped && txStatus(ctx) != PQTRANS_IDLE)
        f.failure = execOne(ctx, QStringLiteral("COMMIT"));
    return f;
}

// What the database holds after a file failed, as the transaction status showed it.
QString stateAfter(const FileRun &f, const RunStep &step, bool cancelled, const QString &history)
{
    QStringList state;
    const bool wrapped = step.transaction.wrapped();
    const bool record = !step.file.recordsItself;
    static const QRegularExpression concurrentIndex(
        QStringLiteral(R"(\b(CREATE\s+(UNIQUE\s+)?INDEX|REINDEX)\b.*\bCONCURRENTLY\b)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    if (f.failure->error.kind == Error::Kind::ConnectionLost) {
        state.append(QStringLiteral("The connection was lost while %1 ran: whether its last "
                                    "statement (or its COMMIT) took effect is not known. Check "
                                    "the database and %2 before running anything again.")
                         .arg(step.file.relativePath, history));
    } else if (wrapped && !f.wrapperEnded) {
        state.append(
            QStringLiteral("The file was rolled back: none of it stays applied%1.")
                .arg(record ? QStringLiteral(" and it is not recorded as finished") : QString()));
    } else {
        if (wrapped)
            state.append(QStringLiteral("The file ended Strata's transaction itself (by line "
                                        "%1), so it was not all rolled back.")
                             .arg(f.committedThrough));
        else
            state.append(QStringLiteral("The file ran %1.").arg(step.transaction.describe()));
        state.append(f.committedThrough > 0
                ? QStringLiteral("Its statements up to line %1 were committed and stay applied.")
                      .arg(f.committedThrough)
                : QStringLiteral("None of its statements were committed."));
        if (f.openSince > 0)
            state.append(QStringLiteral("The transaction it opened at line %1 was rolled back: "
                                        "its statements from there on are undone.")
                             .arg(f.openSince));
        if (concurrentIndex.match(SqlSplitter::codeOnly(f.failedStatement)).hasMatch())
            state.append(QStringLiteral("A CONCURRENTLY index build that fails or is cancelled "
                                        "leaves an INVALID index behind: drop it with DROP INDEX "
                                        "CONCURRENTLY before running the file again (IF NOT "
                                        "EXISTS would keep it)."));
        else
            state.append(cancelled ? QStringLiteral("The cancelled statement did nothing.")
                                   : QStringLiteral("The failing statement did nothing."));
        if (record)
            state.append(QStringLiteral("Its row in %1 stays started and unfinished: check what "
                                        "stayed, make the file safe to run again, then re-run it "
                                        "with --rerun-unfinished (or \u201cRe-run unfinished "
                                        "files\u201d).")
                             .arg(history));
    }
    state.append(QStringLiteral("Nothing after it ran."));
    return state.join(u' ');
}

} // namespace

RunReport SqlMigrationRunner::run(QPromise<RunReport> &promise, SessionContext &ctx,
    const MigrationFolder &folder, const RunOptions &options)
{
    RunReport base;
    base.dryRun = options.dryRun;
    if (!options.dryRun && ctx.options().readOnly)
        return failed(base,
            Error(Error::Kind::InvalidInput,
                QStringLiteral("Migrations need a read-write session."),
                QStringLiteral("Open the session with readOnly = false.")));
    auto planned = plan(ctx, folder, options);
    if (!planned)
        return failed(base, planned.error());
    RunReport report = planned.value();
    if (options.dryRun || (!report.blocked && report.toRun() == 0))
        return report;
    if (report.blocked)
        return failed(report, report.error);
    const QString schema = report.schema, table = report.table;
    const QString qualified = ctx.quoteIdentifier(schema) + u'.' + ctx.quoteIdentifier(table);
    if (auto f = execOne(ctx, statement(ctx, "migrations/runner/create_history", schema, table)))
        return failed(report, f->error);
    MigrationLock lock(ctx, qualified);
    if (Error e; !lock.acquire(&e))
        return failed(report, e);
    // Under the lock, the history is the truth: another run may have finished since the plan.
    planned = plan(ctx, folder, options);
    if (!planned)
        return failed(report, planned.error());
    report = planned.value();
    if (report.blocked)
        return failed(report, report.error);
    promise.setProgressRange(0, report.toRun());
    int done = 0;
    for (RunStep &step : report.steps) {
        if (step.status == RunStep::Status::Unfinished)
            continue;
        if (auto stop = runStep(promise, ctx, step, report, done); stop)
            return *stop;
    }
    return report;
}

std::optional<RunReport> SqlMigrationRunner::runStep(
    QPromise<RunReport> &promise, SessionContext &ctx, RunStep &step, RunReport &report, int &done)
{
    if (cancelRequested(promise, ctx)) {
        report.failed = report.cancelled = true;
        report.error = Error(Error::Kind::Canceled,
            QStringLiteral("Cancelled before %1; it and the files after it did not run.")
                .arg(step.file.relativePath));
        return report;
    }
    QString readError = step.file.error;
    const QString text
        = readError.isEmpty() ? FolderReader::readText(step.file.path, &readError) : QString();
    if (readError.isEmpty())
        readError = runnerhelpers::unsupportedReason(text);
    if (!readError.isEmpty()) {
        step.status = RunStep::Status::Failed;
        report.failedFile = step.file.relativePath;
        return failed(report,
            Error(Error::Kind::Io, readError,
                QStringLiteral("Fix the file; nothing of it or after it ran.")));
    }
    // Asked again per file: an earlier file may have created the procedure this one calls.
    step.transaction = TransactionMode::of(text, runnerhelpers::committingProcedures(ctx));
    promise.setProgressValueAndText(done,
        step.transaction.wrapped()
            ? step.file.relativePath
            : QStringLiteral("%1 (%2)").arg(step.file.relativePath, step.transaction.describe()));
    const QString schema = report.schema, table = report.table;
    const bool record = !step.file.recordsItself;
    const QString clockBefore = record ? QString() : clockNow(ctx);
    QElapsedTimer timer;
    timer.start();
    const FileRun f = executeFile(promise, ctx, text, step, schema, table);
    step.durationMs = timer.elapsed();
    if (f.failure) {
        const bool cancelled = f.failure->error.kind == Error::Kind::Canceled;
        rollback(ctx);
        step.status = cancelled ? RunStep::Status::Cancelled : RunStep::Status::Failed;
        report.failedFile = step.file.relativePath;
        report.failedLine = f.failedOffset >= 0 ? SqlSplitter::lineAt(text, f.failedOffset) : 0;
        Error e = f.failure->error;
        if (cancelled) {
            report.cancelled = true;
            e.message = QStringLiteral("Cancelled while running %1 (line %2).")
                            .arg(step.file.relativePath)
                            .arg(report.failedLine);
        }
        e.hint = (e.hint.isEmpty() ? QString() : e.hint + u'\n')
            + stateAfter(f, step, cancelled, schema + u'.' + table);
        return failed(report, e);
    }
    if (!record) {
        // now() is the transaction's start: a file that stamps both ends with it in one
        // transaction records no duration. Strata's clock knows better.
        const QString clockAfter = clockNow(ctx);
        if (!clockBefore.isEmpty() && !clockAfter.isEmpty())
            ctx.execText(statement(ctx, "migrations/runner/fix_self_timings", schema, table),
                { step.file.version, clockBefore, clockAfter });
    }
    step.status = RunStep::Status::Ran;
    // The next file starts from the connection's own settings, not this file's SETs.
    if (auto r = ctx.execScript(
            SqlRegistry::instance().text(QStringLiteral("migrations/runner/reset_session")));
        !r)
        return failed(report,
            Error(r.error().kind,
                QStringLiteral("%1 ran, but resetting the session after it failed: %2")
                    .arg(step.file.relativePath, r.error().message),
                QStringLiteral("Nothing after it ran; run Apply again.")));
    promise.setProgressValueAndText(++done, step.file.relativePath);
    return std::nullopt;
}

} // namespace strata::core
