#include "sqlmigrationrunner.h"

#include "db/session.h"
#include "db/sqlregistry.h"
#include "migrations/detectorregistry.h"
#include "migrations/detectors/detectors.h"
#include "migrations/folderreader.h"
#include "migrations/historycomparer.h"
#include "migrations/historyreader.h"
#include "migrations/migrationlock.h"
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

// What the splitter cannot cut safely, so that such a file is refused before any of it runs:
// a SQL-standard routine body (BEGIN ATOMIC ... END, PostgreSQL 14+) holds semicolons and an END
// the splitter would take for statement ends and transaction control.
QString unsupportedReason(const QString &text)
{
    static const QRegularExpression atomic(
        QStringLiteral(R"(\bBEGIN\s+ATOMIC\b)"), QRegularExpression::CaseInsensitiveOption);
    if (atomic.match(SqlSplitter::codeOnly(text)).hasMatch())
        return QStringLiteral("it has a BEGIN ATOMIC routine body, which Strata cannot split into "
                              "statements safely: write the body with $$ quotes, or run this file "
                              "with psql and record it by hand");
    return {};
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
            QStringLiteral("COPY ... FROM STDIN / TO STDOUT needs psql."),
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

QSet<QString> committingProcedures(SessionContext &ctx)
{
    QSet<QString> names;
    // Servers without procedures (before 11) fail the query: then there are none.
    if (auto r = ctx.exec(QStringLiteral("migrations/runner/committing_procedures")))
        for (int i = 0; i < r->rows(); ++i)
            names.insert(r->text(i, 0));
    return names;
}

QString when(const QDateTime &t)
{
    return t.isValid() ? t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                       : QStringLiteral("an unknown time");
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

Result<RunReport> SqlMigrationRunner::plan(
    SessionContext &ctx, const MigrationFolder &folder, const RunOptions &options)
{
    if (folder.kind != FolderKind::PlainSql) {
        const QString cmd = foreignCommand(folder);
        return Error(Error::Kind::InvalidInput,
            QStringLiteral("%1 holds %2 migrations; Strata runs only plain SQL files.")
                .arg(folder.dir, folderKindName(folder.kind)),
            cmd.isEmpty()
                ? QStringLiteral("Apply them with the framework's own tool.")
                : QStringLiteral("Apply them with the framework's own tool: %1").arg(cmd));
    }
    RunReport report;
    report.dryRun = options.dryRun;
    report.table = options.table;
    auto snap = HistoryReader::candidates(ctx);
    if (!snap)
        return snap.error();
    const CandidateTable *target = nullptr;
    if (!options.schema.isEmpty()) {
        target = snap->find(options.schema, options.table);
        report.schema = options.schema;
    } else {
        QList<const CandidateTable *> homeGrown;
        for (const auto &t : snap->tables)
            if (t.table == options.table
                && detectors::classifySchemaMigrations(t)
                    == detectors::SchemaMigrationsKind::HomeGrown)
                homeGrown.append(&t);
        if (homeGrown.size() > 1)
            return Error(Error::Kind::InvalidInput,
                QStringLiteral("Several schemas hold a home-grown %1 table.").arg(options.table),
                QStringLiteral("Say which one to use (--schema)."));
        target = homeGrown.value(0);
        report.schema = target ? target->schema : QStringLiteral("public");
        if (!target)
            target = snap->find(report.schema, options.table);
    }
    MigrationHistory history;
    history.framework = QStringLiteral("homegrown");
    if (target) {
        if (detectors::classifySchemaMigrations(*target)
            != detectors::SchemaMigrationsKind::HomeGrown) {
            QString who = QStringLiteral("another framework");
            for (const auto &d : DetectorRegistry::instance().detect(snap.value()))
                if (d.table.schema == target->schema && d.table.table == target->table)
                    who = d.detectors.first()->displayName();
            return Error(Error::Kind::InvalidInput,
                QStringLiteral("%1 is not a home-grown (version, started_at, "
                               "finished_at) table; it looks like %2's.")
                    .arg(target->qualifiedName(), who),
                QStringLiteral("Apply these migrations with that framework's tool."));
        }
        bool truncated = false;
        auto entries = DetectorRegistry::instance()
                           .find(QStringLiteral("homegrown"))
                           ->read(ctx, *target, 1000000, &truncated);
        if (!entries)
            return entries.error();
        history.entries = entries.value();
    }
    HistoryComparer::compare(history, folder);
    QHash<QString, MigrationEntry> unfinished; // file path -> its unfinished row
    for (const auto &e : history.unfinished)
        unfinished.insert(e.filePath, e);
    const QSet<QString> committing = committingProcedures(ctx);
    QSet<QString> pending;
    for (const auto &p : history.pending)
        pending.insert(p.filePath);
    for (const FolderMigration &f : folder.migrations) {
        if (!pending.contains(f.path) && !unfinished.contains(f.path))
            continue;
        RunStep step;
        step.file = f;
        QStringList notes;
        if (unfinished.contains(f.path)) {
            const MigrationEntry &row = unfinished.value(f.path);
            step.unfinished = true;
            step.startedAt = row.appliedAt;
            step.file.version = row.version;
            notes.append(options.rerunUnfinished
                    ? QStringLiteral("started %1 and never finished: runs again")
                          .arg(when(row.appliedAt))
                    : QStringLiteral("started %1 and never finished: left alone (check "
                                     "pg_stat_activity, then re-run it explicitly)")
                          .arg(when(row.appliedAt)));
        }
        if (f.error.isEmpty()) {
            QString readError;
            const QString text = FolderReader::readText(f.path, &readError);
            step.transaction = TransactionMode::of(text, committing);
            if (readError.isEmpty())
                readError = unsupportedReason(text);
            if (!readError.isEmpty())
                step.file.error = readError;
        }
        if (!step.transaction.wrapped())
            notes.append(step.transaction.describe());
        if (f.recordsItself)
            notes.append(QStringLiteral("the file records itself in schema_migrations"));
        if (!step.file.error.isEmpty())
            notes.append(QStringLiteral("would fail: %1").arg(step.file.error));
        step.note = notes.join(QStringLiteral("; "));
        if (step.unfinished && !options.rerunUnfinished)
            step.status = RunStep::Status::Unfinished;
        else if (!step.file.error.isEmpty())
            step.status = options.dryRun ? RunStep::Status::WouldFail : RunStep::Status::NotRun;
        else
            step.status = options.dryRun ? RunStep::Status::WouldRun : RunStep::Status::NotRun;
        report.steps.append(step);
    }
    // Unfinished files before pending ones: the pending ones may depend on them.
    QStringList blocking;
    int lastPending = -1;
    for (int i = 0; i < report.steps.size(); ++i)
        if (!report.steps.at(i).unfinished)
            lastPending = i;
    for (int i = 0; i < lastPending; ++i) {
        const RunStep &s = report.steps.at(i);
        if (s.status == RunStep::Status::Unfinished)
            blocking.append(
                QStringLiteral("%1 (started %2)").arg(s.file.relativePath, when(s.startedAt)));
    }
    if (!blocking.isEmpty()) {
        report.blocked = true;
        report.error = Error(Error::Kind::InvalidInput,
            QStringLiteral("%1 started and never finished, and pending files come after it; "
                           "nothing was run.")
                .arg(blocking.join(QStringLiteral(", "))),
            QStringLiteral("Check that nothing is still running it (pg_stat_activity on this "
                           "database), then re-run it explicitly: strata-cli migrate with "
                           "--rerun-unfinished, or tick \u201cRe-run unfinished files\u201d in the "
                           "Apply dialog."));
        for (auto &s : report.steps)
            if (s.status != RunStep::Status::Unfinished)
                s.status = RunStep::Status::NotRun;
    }
    // A dry run stops where the real run would.
    bool stopped = false;
    for (auto &s : report.steps) {
        if (stopped && s.status == RunStep::Status::WouldRun) {
            s.status = RunStep::Status::NotRun;
            s.note = QStringLiteral("not reached: the run stops at the file before");
        }
        stopped = stopped || s.status == RunStep::Status::WouldFail;
    }
    return report;
}

RunReport SqlMigrationRunner::run(QPromise<RunReport> &promise, SessionContext &ctx,
    const MigrationFolder &folder, const RunOptions &options)
{
    auto fail = [](RunReport r, Error e) {
        r.failed = true;
        r.error = std::move(e);
        return r;
    };
    RunReport base;
    base.dryRun = options.dryRun;
    if (!options.dryRun && ctx.options().readOnly)
        return fail(base,
            Error(Error::Kind::InvalidInput,
                QStringLiteral("Migrations need a read-write session."),
                QStringLiteral("Open the session with readOnly = false.")));
    auto planned = plan(ctx, folder, options);
    if (!planned)
        return fail(base, planned.error());
    RunReport report = planned.value();
    if (options.dryRun)
        return report;
    if (report.blocked)
        return fail(report, report.error);
    if (report.toRun() == 0)
        return report;
    const QString schema = report.schema, table = report.table;
    const QString qualified = ctx.quoteIdentifier(schema) + u'.' + ctx.quoteIdentifier(table);
    if (auto f = execOne(ctx, statement(ctx, "migrations/runner/create_history", schema, table)))
        return fail(report, f->error);
    MigrationLock lock(ctx, qualified);
    if (Error e; !lock.acquire(&e))
        return fail(report, e);
    // Under the lock, the history is the truth: another run may have finished since the plan.
    planned = plan(ctx, folder, options);
    if (!planned)
        return fail(report, planned.error());
    report = planned.value();
    if (report.blocked)
        return fail(report, report.error);
    const QString historyName = schema + u'.' + table;

    promise.setProgressRange(0, report.toRun());
    int done = 0;
    for (int i = 0; i < report.steps.size(); ++i) {
        RunStep &step = report.steps[i];
        if (step.status == RunStep::Status::Unfinished)
            continue;
        if (promise.isCanceled() || ctx.cancelRequested()) {
            report.failed = report.cancelled = true;
            report.error = Error(Error::Kind::Canceled,
                QStringLiteral("Cancelled before %1; it and the files after it "
                               "did not run.")
                    .arg(step.file.relativePath));
            return report;
        }
        QString readError;
        const QString text = FolderReader::readText(step.file.path, &readError);
        if (readError.isEmpty())
            readError = unsupportedReason(text);
        if (!readError.isEmpty()) {
            step.status = RunStep::Status::Failed;
            report.failedFile = step.file.relativePath;
            return fail(report,
                Error(Error::Kind::Io, readError,
                    QStringLiteral("Fix the file; nothing of it or after it "
                                   "ran.")));
        }
        // Asked again per file: an earlier file may have created the procedure this one calls.
        const TransactionMode mode = TransactionMode::of(text, committingProcedures(ctx));
        step.transaction = mode;
        promise.setProgressValueAndText(done,
            mode.wrapped()
                ? step.file.relativePath
                : QStringLiteral("%1 (%2)").arg(step.file.relativePath, mode.describe()));
        const bool record = !step.file.recordsItself;
        const bool wrapped = mode.wrapped();
        const QString clockBefore = record ? QString() : clockNow(ctx);
        QElapsedTimer timer;
        timer.start();
        std::optional<ExecFailure> failure;
        int failedOffset = -1;
        QString failedStatement; // when one of the file's statements failed or was cancelled
        int committedThrough = 0; // the last line after which nothing was left open
        int openSince = 0; // where a transaction still open was begun (not Strata's)
        bool wrapperEnded = false;
        if (wrapped)
            failure = execOne(ctx, QStringLiteral("BEGIN"));
        if (!failure && record) {
            auto r = ctx.execText(statement(ctx, "migrations/runner/record_start", schema, table),
                { step.file.version });
            if (!r)
                failure = ExecFailure { r.error() };
        }
        if (!failure) {
            for (const auto &s : SqlSplitter::split(text)) {
                if (promise.isCanceled() || ctx.cancelRequested()) {
                    failure = ExecFailure { Error(
                        Error::Kind::Canceled, QStringLiteral("Cancelled.")) };
                    failedOffset = s.offset;
                    break;
                }
                failure = execOne(ctx, s.text);
                if (failure) {
                    failedStatement = s.text;
                    failedOffset = s.offset + std::max(0, failure->position - 1);
                    break;
                }
                const int endLine = SqlSplitter::lineAt(text, s.offset + int(s.text.size()) - 1);
                if (txStatus(ctx) == PQTRANS_IDLE) {
                    committedThrough = endLine;
                    openSince = 0;
                    wrapperEnded = wrapperEnded || wrapped;
                } else if (!wrapped && openSince == 0) {
                    openSince = s.line;
                } else if (wrapperEnded && openSince == 0) {
                    openSince = s.line;
                }
            }
        }
        if (!failure && (promise.isCanceled() || ctx.cancelRequested()))
            failure = ExecFailure { Error(Error::Kind::Canceled, QStringLiteral("Cancelled.")) };
        if (!failure && openSince > 0) {
            failure = ExecFailure { Error(Error::Kind::Query,
                QStringLiteral("The file ended with a transaction still open (begun at line %1).")
                    .arg(openSince),
                QStringLiteral("End it in the file with COMMIT.")) };
        }
        if (!failure && record) {
            auto r = ctx.execText(statement(ctx, "migrations/runner/record_finish", schema, table),
                { step.file.version });
            if (!r)
                failure = ExecFailure { r.error() };
        }
        if (!failure && wrapped && txStatus(ctx) != PQTRANS_IDLE)
            failure = execOne(ctx, QStringLiteral("COMMIT"));
        if (failure) {
            const bool cancelled = failure->error.kind == Error::Kind::Canceled;
            rollback(ctx);
            step.status = cancelled ? RunStep::Status::Cancelled : RunStep::Status::Failed;
            step.durationMs = timer.elapsed();
            report.failedFile = step.file.relativePath;
            report.failedLine = failedOffset >= 0 ? SqlSplitter::lineAt(text, failedOffset) : 0;
            // What the database holds now, as the transaction status showed it.
            QStringList state;
            const bool lost = failure->error.kind == Error::Kind::ConnectionLost;
            static const QRegularExpression concurrentIndex(
                QStringLiteral(R"(\b(CREATE\s+(UNIQUE\s+)?INDEX|REINDEX)\b.*\bCONCURRENTLY\b)"),
                QRegularExpression::CaseInsensitiveOption
                    | QRegularExpression::DotMatchesEverythingOption);
            const bool concurrently
                = concurrentIndex.match(SqlSplitter::codeOnly(failedStatement)).hasMatch();
            if (lost) {
                state.append(QStringLiteral("The connection was lost while %1 ran: whether its "
                                            "last statement (or its COMMIT) took effect is not "
                                            "known. Check the database and %2 before running "
                                            "anything again.")
                                 .arg(step.file.relativePath, historyName));
            } else if (wrapped && !wrapperEnded) {
                state.append(QStringLiteral("The file was rolled back: none of it stays applied%1.")
                                 .arg(record ? QStringLiteral(" and it is not recorded as "
                                                              "finished")
                                             : QString()));
            } else {
                if (wrapped)
                    state.append(QStringLiteral("The file ended Strata's transaction itself (by "
                                                "line %1), so it was not all rolled back.")
                                     .arg(committedThrough));
                else
                    state.append(QStringLiteral("The file ran %1.").arg(mode.describe()));
                state.append(committedThrough > 0
                        ? QStringLiteral("Its statements up to line %1 were committed "
                                         "and stay applied.")
                              .arg(committedThrough)
                        : QStringLiteral("None of its statements were committed."));
                if (openSince > 0)
                    state.append(QStringLiteral("The transaction it opened at line %1 was rolled "
                                                "back: its statements from there on are undone.")
                                     .arg(openSince));
                if (concurrently)
                    state.append(QStringLiteral("A CONCURRENTLY index build that fails or is "
                                                "cancelled leaves an INVALID index behind: drop it "
                                                "with DROP INDEX CONCURRENTLY before running the "
                                                "file again (IF NOT EXISTS would keep it)."));
                else
                    state.append(cancelled ? QStringLiteral("The cancelled statement did nothing.")
                                           : QStringLiteral("The failing statement did nothing."));
                if (record)
                    state.append(QStringLiteral("Its row in %1 stays started and unfinished: "
                                                "check what stayed, make the file safe to run "
                                                "again, then re-run it with --rerun-unfinished "
                                                "(or \u201cRe-run unfinished files\u201d).")
                                     .arg(historyName));
            }
            state.append(QStringLiteral("Nothing after it ran."));
            Error e = failure->error;
            if (cancelled) {
                report.cancelled = true;
                e.message = QStringLiteral("Cancelled while running %1 (line %2).")
                                .arg(step.file.relativePath)
                                .arg(report.failedLine);
            }
            e.hint = (e.hint.isEmpty() ? QString() : e.hint + u'\n') + state.join(u' ');
            return fail(report, e);
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
        step.durationMs = timer.elapsed();
        // The next file starts from the connection's own settings, not this file's SETs.
        if (auto r = ctx.execScript(
                SqlRegistry::instance().text(QStringLiteral("migrations/runner/reset_session")));
            !r)
            return fail(report,
                Error(r.error().kind,
                    QStringLiteral("%1 ran, but resetting the session after it failed: %2")
                        .arg(step.file.relativePath, r.error().message),
                    QStringLiteral("Nothing after it ran; run Apply again.")));
        promise.setProgressValueAndText(++done, step.file.relativePath);
    }
    return report;
}

} // namespace strata::core
