// SqlMigrationRunner::plan: which files a run would run, how, and what stops it.
#include "sqlmigrationrunner.h"

#include "db/session.h"
#include "migrations/detectorregistry.h"
#include "migrations/detectors/detectors.h"
#include "migrations/folderreader.h"
#include "migrations/historycomparer.h"
#include "migrations/historyreader.h"
#include "migrations/runnerhelpers.h"

namespace strata::core {

using runnerhelpers::when;

namespace {

// The home-grown history table the run uses (report.schema says where), and its rows.
Result<MigrationHistory> readHistory(
    SessionContext &ctx, const RunOptions &options, RunReport &report)
{
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
    if (!target)
        return history;
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
    return history;
}

// One pending (or unfinished) file: how it would run and whether it can.
RunStep stepFor(const FolderMigration &f, const MigrationEntry *unfinishedRow,
    const QSet<QString> &committing, const RunOptions &options)
{
    RunStep step;
    step.file = f;
    QStringList notes;
    if (unfinishedRow) {
        step.unfinished = true;
        step.startedAt = unfinishedRow->appliedAt;
        step.file.version = unfinishedRow->version;
        notes.append(options.rerunUnfinished
                ? QStringLiteral("started %1 and never finished: runs again")
                      .arg(when(unfinishedRow->appliedAt))
                : QStringLiteral("started %1 and never finished: left alone (check "
                                 "pg_stat_activity, then re-run it explicitly)")
                      .arg(when(unfinishedRow->appliedAt)));
    }
    if (f.error.isEmpty()) {
        QString readError;
        const QString text = FolderReader::readText(f.path, &readError);
        step.transaction = TransactionMode::of(text, committing);
        if (readError.isEmpty())
            readError = runnerhelpers::unsupportedReason(text);
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
    return step;
}

// Unfinished files before pending ones: the pending ones may depend on them, nothing runs.
void blockBehindUnfinished(RunReport &report)
{
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
    if (blocking.isEmpty())
        return;
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

} // namespace

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
    auto history = readHistory(ctx, options, report);
    if (!history)
        return history.error();
    HistoryComparer::compare(history.value(), folder);
    QHash<QString, MigrationEntry> unfinished; // file path -> its unfinished row
    for (const auto &e : history->unfinished)
        unfinished.insert(e.filePath, e);
    const QSet<QString> committing = runnerhelpers::committingProcedures(ctx);
    QSet<QString> pending;
    for (const auto &p : history->pending)
        pending.insert(p.filePath);
    for (const FolderMigration &f : folder.migrations) {
        const auto row = unfinished.constFind(f.path);
        if (!pending.contains(f.path) && row == unfinished.cend())
            continue;
        report.steps.append(
            stepFor(f, row == unfinished.cend() ? nullptr : &row.value(), committing, options));
    }
    blockBehindUnfinished(report);
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

} // namespace strata::core
