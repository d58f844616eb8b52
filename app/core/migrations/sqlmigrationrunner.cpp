#include "sqlmigrationrunner.h"

#include "db/session.h"
#include "db/sqlregistry.h"
#include "migrations/detectorregistry.h"
#include "migrations/detectors/detectors.h"
#include "migrations/folderreader.h"
#include "migrations/historycomparer.h"
#include "migrations/historyreader.h"
#include "migrations/sqlsplitter.h"

#include <libpq-fe.h>

#include <QElapsedTimer>

namespace strata::core {

namespace {

QString statement(SessionContext &ctx, const QString &name, const QString &schema,
                  const QString &table)
{
    QString sql = SqlRegistry::instance().text(name);
    sql.replace(QLatin1String("{{table}}"),
                ctx.quoteIdentifier(schema) + u'.' + ctx.quoteIdentifier(table));
    return sql;
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
        return ExecFailure{Error(Error::Kind::ConnectionLost, QStringLiteral("Not connected."))};
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

void rollback(SessionContext &ctx)
{
    if (PGconn *c = ctx.pg(); c && PQtransactionStatus(c) != PQTRANS_IDLE)
        PQclear(PQexec(c, "ROLLBACK"));
}

} // namespace

QString RunReport::summary() const
{
    int ran = 0, would = 0;
    for (const auto &s : steps) {
        ran += s.status == RunStep::Status::Ran;
        would += s.status == RunStep::Status::WouldRun;
    }
    if (dryRun)
        return would == 0 ? QStringLiteral("Nothing to apply: every file is recorded in %1.%2.")
                                .arg(schema, table)
                          : QStringLiteral("%1 file(s) would run, in this order.").arg(would);
    if (failed)
        return QStringLiteral("%1 file(s) applied; %2 failed at line %3: %4")
            .arg(ran)
            .arg(failedFile)
            .arg(failedLine)
            .arg(error.message);
    return QStringLiteral("%1 file(s) applied.").arg(ran);
}

Result<RunReport> SqlMigrationRunner::plan(SessionContext &ctx, const MigrationFolder &folder,
                                           const RunOptions &options)
{
    if (folder.kind != FolderKind::PlainSql) {
        return Error(Error::Kind::InvalidInput,
                     QStringLiteral("%1 holds %2 migrations; Strata runs only plain SQL files.")
                         .arg(folder.dir, folderKindName(folder.kind)),
                     QStringLiteral("Use the framework's own tool (the migrations page shows the "
                                    "command)."));
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
                         QStringLiteral("Several schemas hold a home-grown %1 table.")
                             .arg(options.table),
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
    QHash<QString, QString> rerun; // file path -> recorded version of an unfinished row
    for (const auto &e : history.entries)
        if (e.state == MigrationState::Running && !e.filePath.isEmpty())
            rerun.insert(e.filePath, e.version);
    QSet<QString> pending;
    for (const auto &p : history.pending)
        pending.insert(p.filePath);
    for (const FolderMigration &f : folder.migrations) {
        if (!pending.contains(f.path) && !rerun.contains(f.path))
            continue;
        RunStep step;
        step.file = f;
        if (rerun.contains(f.path)) {
            step.file.version = rerun.value(f.path);
            step.note = QStringLiteral("started before and never finished: runs again");
        }
        QStringList notes;
        if (!step.note.isEmpty())
            notes.append(step.note);
        if (f.noTransaction)
            notes.append(QStringLiteral("outside a transaction (%1)")
                             .arg(QLatin1String(FolderReader::noTransactionMarker)));
        if (f.recordsItself)
            notes.append(QStringLiteral("the file records itself in schema_migrations"));
        if (!f.error.isEmpty())
            notes.append(f.error);
        step.note = notes.join(QStringLiteral("; "));
        step.status = options.dryRun ? RunStep::Status::WouldRun : RunStep::Status::NotRun;
        report.steps.append(step);
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
        return fail(base, Error(Error::Kind::InvalidInput,
                                QStringLiteral("Migrations need a read-write session."),
                                QStringLiteral("Open the session with readOnly = false.")));
    auto planned = plan(ctx, folder, options);
    if (!planned)
        return fail(base, planned.error());
    RunReport report = planned.value();
    if (options.dryRun)
        return report;
    const QString schema = report.schema, table = report.table;
    if (!report.steps.isEmpty()) {
        if (auto f = execOne(ctx, statement(ctx, "migrations/runner/create_history", schema,
                                            table)))
            return fail(report, f->error);
    }
    promise.setProgressRange(0, int(report.steps.size()));
    for (int i = 0; i < report.steps.size(); ++i) {
        RunStep &step = report.steps[i];
        if (promise.isCanceled() || ctx.cancelRequested()) {
            report.failed = true;
            report.error = Error(Error::Kind::Canceled,
                                 QStringLiteral("Cancelled before %1.").arg(step.file.relativePath));
            return report;
        }
        promise.setProgressValueAndText(i, step.file.relativePath);
        QString readError;
        const QString text = FolderReader::readText(step.file.path, &readError);
        if (!readError.isEmpty()) {
            step.status = RunStep::Status::Failed;
            report.failedFile = step.file.relativePath;
            return fail(report, Error(Error::Kind::Io, readError,
                                      QStringLiteral("Fix the file; nothing after it ran.")));
        }
        const bool record = !step.file.recordsItself;
        QElapsedTimer timer;
        timer.start();
        std::optional<ExecFailure> failure;
        int failedOffset = -1;
        const bool inTransaction = !step.file.noTransaction;
        if (inTransaction)
            failure = execOne(ctx, QStringLiteral("BEGIN"));
        if (!failure && record) {
            auto r = ctx.execText(statement(ctx, "migrations/runner/record_start", schema, table),
                                  {step.file.version});
            if (!r)
                failure = ExecFailure{r.error()};
        }
        if (!failure) {
            for (const auto &s : SqlSplitter::split(text)) {
                if (ctx.cancelRequested())
                    break;
                failure = execOne(ctx, s.text);
                if (failure) {
                    failedOffset = s.offset + std::max(0, failure->position - 1);
                    break;
                }
            }
        }
        if (!failure && record) {
            auto r = ctx.execText(statement(ctx, "migrations/runner/record_finish", schema, table),
                                  {step.file.version});
            if (!r)
                failure = ExecFailure{r.error()};
        }
        if (!failure && inTransaction)
            failure = execOne(ctx, QStringLiteral("COMMIT"));
        if (failure) {
            rollback(ctx);
            step.status = RunStep::Status::Failed;
            step.durationMs = timer.elapsed();
            report.failedFile = step.file.relativePath;
            report.failedLine = failedOffset >= 0 ? SqlSplitter::lineAt(text, failedOffset) : 0;
            Error e = failure->error;
            if (e.hint.isEmpty())
                e.hint = inTransaction ? QStringLiteral("The file was rolled back; nothing after "
                                                        "it ran. Fix it and apply again.")
                                       : QStringLiteral("The file ran outside a transaction: "
                                                        "statements before the failing one "
                                                        "stay applied. Nothing after it ran.");
            return fail(report, e);
        }
        step.status = RunStep::Status::Ran;
        step.durationMs = timer.elapsed();
        promise.setProgressValueAndText(i + 1, step.file.relativePath);
    }
    return report;
}

} // namespace strata::core
