#include "command.h"

#include "db/session.h"
#include "migrations/folderreader.h"
#include "migrations/sqlmigrationrunner.h"

#include <QFutureWatcher>

using namespace strata::core;

namespace {

int runMigrate(const QStringList &args)
{
    QString conn, dir, schema;
    bool dryRun = false;
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--dry-run"))
            dryRun = true;
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
                                        "[--dry-run] [--schema NAME]"));
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
    Session session(profile.value(), password, options);
    RunOptions ro;
    ro.dryRun = dryRun;
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
    if (future.resultCount() == 0) {
        strata::cli::err(QStringLiteral("The migration run ended without a result."));
        return 1;
    }
    const RunReport report = future.result();
    if (!report.schema.isEmpty())
        strata::cli::out(QStringLiteral("history: %1.%2").arg(report.schema, report.table));
    for (const auto &s : report.steps) {
        QString status;
        switch (s.status) {
        case RunStep::Status::WouldRun: status = QStringLiteral("would run"); break;
        case RunStep::Status::Ran: status = QStringLiteral("ran"); break;
        case RunStep::Status::Failed: status = QStringLiteral("FAILED"); break;
        case RunStep::Status::NotRun: status = QStringLiteral("not run"); break;
        }
        QString line = QStringLiteral("%1  %2").arg(status.leftJustified(10), s.file.relativePath);
        if (s.durationMs >= 0)
            line += QStringLiteral("  (%1 ms)").arg(s.durationMs);
        if (!s.note.isEmpty())
            line += QStringLiteral("  [%1]").arg(s.note);
        strata::cli::out(line);
    }
    if (report.failed) {
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
    return 0;
}

} // namespace

STRATA_CLI_COMMAND("migrate", "migrate CONNINFO --dir PATH [--dry-run] [--schema NAME]",
                   "Apply pending plain-SQL migration files in order (home-grown style).",
                   runMigrate);
