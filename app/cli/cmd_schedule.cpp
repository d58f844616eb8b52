#include "backupsjson.h"
#include "cliargs.h"
#include "command.h"
#include "scheduledrun.h"

#include "db/passwordstore.h"
#include "jobs/backupcatalog.h"
#include "jobs/backupjob.h"
#include "jobs/scheduledbackups.h"
#include "jobs/systemdunits.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QTimer>

using namespace strata::core;

namespace strata::cli {

namespace {

// The saved connection's password from the keychain, when the schedule was made from one and a
// keychain answers within a few seconds; otherwise empty (libpq reads ~/.pgpass).
QString keychainPassword(const QString &profileId)
{
    if (profileId.isEmpty())
        return {};
    PasswordStore store;
    if (!store.keychainEnabled())
        return {};
    QString password;
    QEventLoop loop; // strata-cli has no window to keep responsive
    QObject context;
    store.read(profileId, &context, [&](std::optional<QString> p, QString) {
        password = p.value_or(QString());
        loop.quit();
    });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    return password;
}

int usage(const QString &problem)
{
    err(QStringLiteral("error: ") + problem);
    err(QStringLiteral("Usage: strata-cli schedule add NAME CONNINFO -o DIR --every "
                       "daily|weekly|CALENDAR [--at HH:MM] [--keep-last N] [--keep-daily N]\n"
                       "       [--keep-weekly N] [--keep-monthly N] [--pattern P] [--format F]\n"
                       "       strata-cli schedule list [--json] | remove NAME | run NAME"));
    return 2;
}

Result<BackupSchedule> scheduleFromArgs(const QStringList &argsIn)
{
    CliArgs a(argsIn,
        { "-o", "--output", "--every", "--at", "--pattern", "--format", "-F", "-n", "--schema",
            "-t", "--table", "--compress", "-Z", "-j", "--jobs", "--keep-last", "--keep-daily",
            "--keep-weekly", "--keep-monthly", "--exclude-table-data" },
        { "--data-only", "--schema-only", "--with-dependencies" });
    BackupSchedule s;
    const QStringList pos = a.positional();
    s.name = pos.value(0);
    s.conninfo = pos.value(1);
    s.outputDir = a.value("-o", a.value("--output"));
    s.every = backupschedule::calendarFor(a.value("--every"), a.value("--at"));
    s.pattern = a.value("--pattern", s.pattern);
    if (a.has("--format") || a.has("-F")) {
        auto f = BackupOptions::parseFormat(a.value("--format", a.value("-F")));
        if (!f)
            return Error(Error::Kind::InvalidInput, QStringLiteral("Unknown format."));
        s.options.format = *f;
    }
    s.options.schemas = a.values("-n") + a.values("--schema");
    s.options.tables = a.values("-t") + a.values("--table");
    s.options.excludeTableData = a.values("--exclude-table-data");
    s.options.withDependencies = a.has("--with-dependencies");
    s.options.dataOnly = a.has("--data-only");
    s.options.schemaOnly = a.has("--schema-only");
    s.options.jobs = std::max(1, a.number("-j", a.number("--jobs", 1)));
    s.options.compress
        = a.has("--compress") || a.has("-Z") ? a.value("--compress", a.value("-Z")).toInt() : -1;
    s.retention.keepLast = a.number("--keep-last");
    s.retention.keepDaily = a.number("--keep-daily");
    s.retention.keepWeekly = a.number("--keep-weekly");
    s.retention.keepMonthly = a.number("--keep-monthly");
    if (!a.problem().isEmpty())
        return Error(Error::Kind::InvalidInput, a.problem());
    if (pos.size() != 2)
        return Error(
            Error::Kind::InvalidInput, QStringLiteral("schedule add takes NAME and CONNINFO."));
    if (auto v = s.validate(); !v)
        return v.error();
    return s;
}

int add(const QStringList &args)
{
    auto s = scheduleFromArgs(args);
    if (!s)
        return usage(s.error().toString());
    auto next = systemdunits::checkCalendar(s->every);
    if (!next)
        return usage(next.error().toString());
    const QString catalog = BackupCatalog::defaultPath();
    if (backupschedule::find(catalog, s->name))
        return usage(
            QStringLiteral("A schedule \"%1\" exists already; remove it first.").arg(s->name));
    if (auto w = backupschedule::save(catalog, s.value()); !w) {
        err(QStringLiteral("error: ") + w.error().toString());
        return 1;
    }
    auto installed
        = systemdunits::install(s.value(), QCoreApplication::applicationFilePath(), catalog);
    if (!installed) {
        backupschedule::remove(catalog, s->name);
        err(QStringLiteral("error: ") + installed.error().toString());
        return 1;
    }
    out(QStringLiteral("schedule %1: %2 of %3 into %4, %5; %6")
            .arg(s->name, s->every, s->database(), s->outputDir, s->retention.describe(),
                next->isEmpty() ? QStringLiteral("next run not known")
                                : QStringLiteral("next run %1").arg(next.value())));
    out(installed->note);
    return 0;
}

int list(const QStringList &args)
{
    CliArgs a(args, {}, { "--json" });
    if (!a.problem().isEmpty() || !a.positional().isEmpty())
        return usage(
            a.problem().isEmpty() ? QStringLiteral("schedule list takes no names") : a.problem());
    const QString catalog = BackupCatalog::defaultPath();
    auto all = backupschedule::list(catalog);
    auto last = backupschedule::lastRuns(catalog);
    if (!all || !last) {
        err(QStringLiteral("error: ") + (all ? last.error() : all.error()).toString());
        return 1;
    }
    QJsonArray schedules;
    for (const BackupSchedule &s : all.value()) {
        const auto calendar = systemdunits::checkCalendar(s.every);
        const QString next = calendar ? calendar.value() : QString();
        const bool written
            = QFile::exists(systemdunits::unitFolder() + u'/' + systemdunits::timerName(s.name));
        const auto it = last->constFind(s.name);
        const ScheduleLastRun *run = it == last->cend() ? nullptr : &*it;
        if (a.has("--json")) {
            schedules.append(scheduleJson(s, run, next, written));
            continue;
        }
        out(QStringLiteral("%1  %2 of %3 into %4  (%5)")
                .arg(s.name, s.every, s.database(), s.outputDir, s.retention.describe()));
        out(QStringLiteral("    last run: %1; next run: %2%3")
                .arg(run ? QStringLiteral("%1 %2").arg(isoTime(run->started), run->outcome)
                         : QStringLiteral("never"),
                    next.isEmpty() ? QStringLiteral("not known") : next,
                    written ? QString() : QStringLiteral("; its unit files are missing")));
    }
    if (a.has("--json"))
        printJson({ { "schedules", schedules }, { "unit_folder", systemdunits::unitFolder() } });
    else if (all->isEmpty())
        out(QStringLiteral("No schedules. strata-cli schedule add makes one."));
    return 0;
}

int remove(const QStringList &args)
{
    if (args.size() != 1)
        return usage(QStringLiteral("schedule remove takes one NAME."));
    const QString catalog = BackupCatalog::defaultPath();
    if (auto s = backupschedule::find(catalog, args.first()); !s) {
        err(QStringLiteral("error: ") + s.error().toString());
        return 1;
    }
    auto removed = systemdunits::uninstall(args.first());
    if (!removed) {
        err(QStringLiteral("error: ") + removed.error().toString());
        return 1;
    }
    backupschedule::remove(catalog, args.first());
    out(removed.value() + QStringLiteral(" Its backups and their history are kept."));
    return 0;
}

int runSchedule(const QStringList &argsIn)
{
    if (argsIn.isEmpty() || argsIn.first() == QLatin1String("--help"))
        return usage(QStringLiteral("schedule needs add, list, remove or run."));
    QStringList args = argsIn.mid(1);
    const QString verb = argsIn.first();
    if (verb == QLatin1String("add"))
        return add(args);
    if (verb == QLatin1String("list"))
        return list(args);
    if (verb == QLatin1String("remove"))
        return remove(args);
    if (verb == QLatin1String("run")) {
        QString problem;
        const ProgressStyle style = takeProgressStyle(args, &problem);
        if (!problem.isEmpty() || args.size() != 1)
            return usage(
                problem.isEmpty() ? QStringLiteral("schedule run takes one NAME.") : problem);
        return runScheduledBackup(args.first(), style);
    }
    return usage(QStringLiteral("Unknown schedule command \"%1\".").arg(verb));
}

} // namespace

int runScheduledBackup(const QString &name, ProgressStyle style)
{
    const QString catalog = BackupCatalog::defaultPath();
    auto s = backupschedule::find(catalog, name);
    if (!s) {
        scheduledbackups::recordFailedStart(catalog, name, s.error());
        err(QStringLiteral("error: ") + s.error().toString());
        return 1;
    }
    auto job = scheduledbackups::makeJob(s.value(), keychainPassword(s->profileId), catalog);
    if (!job) {
        scheduledbackups::recordFailedStart(catalog, name, job.error());
        err(QStringLiteral("error: ") + job.error().toString());
        return 1;
    }
    const JobResult r = runJobWithProgress(job.value(), style);
    const int code = reportResult(r);
    if (!r.ok) {
        for (const QString &n : r.notes)
            err(n);
        return code;
    }
    auto pruned = scheduledbackups::prune(catalog, s.value(), false);
    if (!pruned) {
        err(QStringLiteral("warning: the retention was not applied: ") + pruned.error().toString());
        return code;
    }
    for (const PruneEntry &e : pruned->entries)
        if (!e.keep)
            out(e.problem.isEmpty() ? QStringLiteral("deleted by retention: %1").arg(e.path)
                                    : QStringLiteral("warning: %1").arg(e.problem));
    return code;
}

int runScheduledBackupCommand(const QStringList &argsIn)
{
    QStringList args = argsIn;
    QString problem;
    const ProgressStyle style = takeProgressStyle(args, &problem);
    if (!problem.isEmpty() || args.size() != 1)
        return usage(
            problem.isEmpty() ? QStringLiteral("backup --schedule takes one NAME.") : problem);
    return runScheduledBackup(args.first(), style);
}

} // namespace strata::cli

STRATA_CLI_COMMAND("schedule",
    "schedule add NAME CONNINFO -o DIR --every daily|weekly|CALENDAR [--at HH:MM]\n"
    "      [--keep-last N] [--keep-daily N] [--keep-weekly N] [--keep-monthly N]\n"
    "      [--pattern P] [--format F] [-n SCHEMA]... [-t TABLE]... [--compress N]\n"
    "  schedule list [--json] | schedule remove NAME | schedule run NAME",
    "Backups of a connection on a calendar: a systemd user timer and service in\n"
    "      $XDG_CONFIG_HOME/systemd/user (enabled when a user manager runs) that run\n"
    "      strata-cli backup --schedule NAME; no password is written (keychain or ~/.pgpass).\n"
    "      daily and weekly run at --at (03:00); CALENDAR is a systemd calendar expression.\n"
    "      The pattern names the files: {database} {schedule} {date} {time} {ext}.\n"
    "      After each run the --keep rules delete the schedule's older backups.",
    strata::cli::runSchedule);
