#include "backupsjson.h"
#include "command.h"
#include "jobprogress.h"
#include "signals.h"

#include "db/session.h"
#include "migrations/folderreader.h"
#include "migrations/sqlmigrationrunner.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonObject>

using namespace strata::core;

namespace {

// The steps as they ran (or would), the summary, and the exit status: 0 only when every file
// ran.
int printReport(const RunReport &report)
{
    if (!report.schema.isEmpty())
        strata::cli::out(QStringLiteral("history: %1.%2").arg(report.schema, report.table));
    for (const auto &s : report.steps) {
        const QString status = RunStep::statusText(s.status);
        QString line = QStringLiteral("%1  %2").arg(status.leftJustified(10), s.file.relativePath);
        if (s.durationMs >= 0)
            line += QStringLiteral("  (%1 ms)").arg(s.durationMs);
        if (!s.note.isEmpty())
            line += QStringLiteral("  [%1]").arg(s.note);
        strata::cli::out(line);
    }
    if (report.dryRun && report.wouldFail()) {
        strata::cli::out(report.summary());
        if (report.blocked)
            strata::cli::err(report.error.toString());
        return 1;
    }
    if (report.failed) {
        if (report.cancelled) {
            strata::cli::err(QStringLiteral("cancelled: %1").arg(report.error.toString()));
            return 1;
        }
        if (!report.failedFile.isEmpty())
            strata::cli::err(QStringLiteral("%1:%2: %3")
                                 .arg(report.failedFile)
                                 .arg(report.failedLine)
                                 .arg(report.error.toString()));
        else
            strata::cli::err(report.error.toString());
        return 1;
    }
    strata::cli::out(report.summary());
    // Exit 0 only when every file ran: one left unfinished (and not asked to run again) did not.
    QStringList left;
    for (const auto &s : report.steps)
        if (s.status == RunStep::Status::Unfinished)
            left << s.file.relativePath;
    if (!report.dryRun && !left.isEmpty()) {
        strata::cli::err(QStringLiteral("error: %1 started before and never finished; it was not "
                                        "run. Check that nothing is still running it, then run "
                                        "it again with --rerun-unfinished.")
                             .arg(left.join(QStringLiteral(", "))));
        return 1;
    }
    return 0;
}

// --json: {"dry_run", "history": "schema.table", "steps": [{"file", "status", "duration_ms",
// "note"}], "summary", "failed", "cancelled", "blocked", "failed_file", "failed_line",
// "error": null or {kind, message, hint, ...}, "ok"}; the same exit status as the text.
int printReportJson(const RunReport &report)
{
    QJsonArray steps;
    int unfinished = 0;
    for (const auto &s : report.steps) {
        unfinished += s.status == RunStep::Status::Unfinished ? 1 : 0;
        steps.append(QJsonObject { { "file", s.file.relativePath },
            { "status", RunStep::statusText(s.status) },
            { "duration_ms", s.durationMs >= 0 ? QJsonValue(double(s.durationMs)) : QJsonValue() },
            { "note", s.note } });
    }
    const bool ok = !report.failed && !(report.dryRun && report.wouldFail())
        && (report.dryRun || unfinished == 0);
    const bool hasError = report.error.isError();
    strata::cli::printJson(QJsonObject { { "dry_run", report.dryRun },
        { "history",
            report.schema.isEmpty() ? QJsonValue()
                                    : QJsonValue(report.schema + u'.' + report.table) },
        { "steps", steps }, { "summary", report.summary() }, { "failed", report.failed },
        { "cancelled", report.cancelled }, { "blocked", report.blocked },
        { "failed_file",
            report.failedFile.isEmpty() ? QJsonValue() : QJsonValue(report.failedFile) },
        { "failed_line",
            report.failedFile.isEmpty() ? QJsonValue() : QJsonValue(report.failedLine) },
        { "error", hasError ? QJsonValue(strata::cli::errorJson(report.error)) : QJsonValue() },
        { "ok", ok } });
    return ok ? 0 : 1;
}

int runMigrate(const QStringList &argsIn)
{
    QStringList args = argsIn;
    const bool json = args.removeAll(QStringLiteral("--json")) > 0;
    QString conn, dir, schema;
    bool dryRun = false, rerun = false;
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--dry-run"))
            dryRun = true;
        else if (args.at(i) == QLatin1String("--rerun-unfinished"))
            rerun = true;
        else if (args.at(i) == QLatin1String("--dir") && i + 1 < args.size())
            dir = args.at(++i);
        else if (args.at(i) == QLatin1String("--schema") && i + 1 < args.size())
            schema = args.at(++i);
        else if (conn.isEmpty())
            conn = args.at(i);
        else {
            strata::cli::err(QStringLiteral("Unexpected argument: %1").arg(args.at(i)));
            return 2;
        }
    }
    if (conn.isEmpty() || dir.isEmpty()) {
        strata::cli::err(QStringLiteral("Usage: strata-cli migrate CONNINFO --dir PATH "
                                        "[--dry-run] [--rerun-unfinished] [--schema NAME] "
                                        "[--json]"));
        return 2;
    }
    QString password;
    auto profile = ConnectionProfile::fromConnInfo(conn, &password);
    if (!profile) {
        strata::cli::err(profile.error().toString());
        return 2;
    }
    auto folder = FolderReader::read(dir);
    if (!folder) {
        strata::cli::err(folder.error().toString());
        return 2;
    }
    SessionOptions options;
    options.readOnly = dryRun;
    options.statementTimeoutMs = 0;
    options.applicationName = QStringLiteral("strata migrations");
    Session session(profile.value(), password, options);
    // Ctrl-C, SIGTERM and SIGHUP interrupt the running statement (PQcancel) and roll the file
    // back.
    strata::cli::onTerminationSignal([&session](int) {
        session.cancel();
        strata::cli::err(QStringLiteral("Cancelling: the running file is rolled back…"));
    });
    RunOptions ro;
    ro.dryRun = dryRun;
    ro.rerunUnfinished = rerun;
    ro.schema = schema;
    const MigrationFolder f = folder.value();
    auto future = session.runWithPromise<RunReport>(
        [f, ro](QPromise<RunReport> &p, SessionContext &ctx) {
            p.addResult(SqlMigrationRunner::run(p, ctx, f, ro));
        },
        [](const Error &e) {
            RunReport r;
            r.failed = true;
            r.error = e;
            return r;
        });
    future.waitForFinished(); // the CLI may wait
    strata::cli::onTerminationSignal({});
    if (future.resultCount() == 0) {
        strata::cli::err(QStringLiteral("The migration run ended without a result."));
        return 1;
    }
    return json ? printReportJson(future.result()) : printReport(future.result());
}

} // namespace

STRATA_CLI_COMMAND("migrate",
    "migrate CONNINFO --dir PATH [--dry-run] [--rerun-unfinished] [--schema NAME] [--json]",
    "Apply pending plain-SQL migration files in order (home-grown style); "
    "--rerun-unfinished runs again files that started and never finished.",
    runMigrate);
