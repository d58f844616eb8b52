#include "command.h"
#include "jobprogress.h"
#include "numberoption.h"
#include "scheduledrun.h"

#include "jobs/backupjob.h"

using namespace strata::core;

namespace {

int runBackup(const QStringList &argsIn)
{
    // A schedule's run, as its systemd service starts it (cmd_schedule.cpp).
    if (argsIn.value(0) == QLatin1String("--schedule"))
        return strata::cli::runScheduledBackupCommand(argsIn.mid(1));
    QStringList args = argsIn;
    QString problem;
    const bool json = args.removeAll(QStringLiteral("--json")) > 0;
    const auto style
        = json ? strata::cli::ProgressStyle::None : strata::cli::takeProgressStyle(args, &problem);
    BackupOptions o;
    QString conninfo;
    auto needValue = [&](int &i, const QString &name) -> QString {
        if (i + 1 >= args.size()) {
            problem = QStringLiteral("%1 needs a value.").arg(name);
            return {};
        }
        return args[++i];
    };
    for (int i = 0; i < args.size() && problem.isEmpty(); ++i) {
        const QString a = args[i];
        QString key = a, inlineValue;
        bool hasInline = false;
        if (a.startsWith(QLatin1String("--")) && a.contains(u'=')) {
            key = a.section(u'=', 0, 0);
            inlineValue = a.section(u'=', 1);
            hasInline = true;
        }
        auto value = [&]() { return hasInline ? inlineValue : needValue(i, key); };
        if (key == QLatin1String("-o") || key == QLatin1String("--output"))
            o.outputPath = value();
        else if (key == QLatin1String("--format") || key == QLatin1String("-F")) {
            const QString f = value();
            auto parsed = BackupOptions::parseFormat(f);
            if (!parsed)
                problem = QStringLiteral("Unknown format \"%1\": use custom, directory, tar or "
                                         "plain.")
                              .arg(f);
            else
                o.format = *parsed;
        } else if (key == QLatin1String("-j") || key == QLatin1String("--jobs"))
            o.jobs = strata::cli::wholeNumber(key, value(), 1, 64, &problem).value_or(1);
        else if (key == QLatin1String("-n") || key == QLatin1String("--schema"))
            o.schemas << value();
        else if (key == QLatin1String("-t") || key == QLatin1String("--table"))
            o.tables << value();
        else if (key == QLatin1String("--exclude-table-data"))
            o.excludeTableData << value();
        else if (key == QLatin1String("--with-dependencies"))
            o.withDependencies = true;
        else if (key == QLatin1String("--data-only"))
            o.dataOnly = true;
        else if (key == QLatin1String("--schema-only"))
            o.schemaOnly = true;
        else if (key == QLatin1String("--inserts"))
            o.inserts = true;
        else if (key == QLatin1String("--on-conflict-do-nothing"))
            o.onConflictDoNothing = true;
        else if (key == QLatin1String("--compress") || key == QLatin1String("-Z"))
            o.compress = strata::cli::wholeNumber(key, value(), 0, 9, &problem).value_or(-1);
        else if (a.startsWith(u'-'))
            problem = QStringLiteral("Unknown option %1.").arg(a);
        else if (conninfo.isEmpty())
            conninfo = a;
        else
            problem = QStringLiteral("Unexpected argument \"%1\".").arg(a);
    }
    if (problem.isEmpty() && conninfo.isEmpty())
        problem = QStringLiteral("No CONNINFO was given.");
    if (problem.isEmpty()) {
        if (auto v = o.validate(); !v)
            problem = v.error().toString();
    }
    if (!problem.isEmpty()) {
        strata::cli::err(QStringLiteral("error: ") + problem);
        strata::cli::err(QStringLiteral("Usage: strata-cli backup CONNINFO -o PATH [options]; see "
                                        "strata-cli backup --help"));
        return 2;
    }
    QString password;
    auto profile = ConnectionProfile::fromConnInfo(conninfo, &password);
    if (!profile) {
        strata::cli::err(QStringLiteral("error: ") + profile.error().toString());
        return 2;
    }
    auto job = std::make_shared<BackupJob>(profile.value(), password, o);
    const JobResult r = strata::cli::runJobWithProgress(job, style);
    if (!job->commandLine().isEmpty())
        strata::cli::err(QStringLiteral("command: ") + job->commandLine());
    return strata::cli::reportResult(r, json);
}

} // namespace

STRATA_CLI_COMMAND("backup",
    "backup CONNINFO -o PATH [--format custom|directory|tar|plain] [-j N] [-n SCHEMA]...\n"
    "      [-t TABLE]... [--with-dependencies] [--data-only|--schema-only] [--inserts]\n"
    "      [--on-conflict-do-nothing] [--compress N] [--exclude-table-data TABLE]...\n"
    "      [--progress=bar|plain|log|none] [--json]\n"
    "  backup --schedule NAME   (one run of a schedule; see strata-cli schedule)",
    "Back up a database with pg_dump: progress on stderr, a temporary file renamed only on\n"
    "      success, a .manifest.json (SHA-256) beside it and an entry in the backup catalog.\n"
    "      TABLE is an SQL name (schema.table, \"Quoted Name\"); --with-dependencies adds the\n"
    "      tables the chosen ones reference through foreign keys. Exit 0 only on success.",
    runBackup);
