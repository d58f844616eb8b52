#include "backupsjson.h"
#include "cliargs.h"
#include "command.h"

#include "jobs/backupcatalog.h"
#include "jobs/foundbackups.h"
#include "jobs/scheduledbackups.h"

#include <QJsonArray>
#include <QLocale>

using namespace strata::core;

namespace strata::cli {

namespace {

int usage(const QString &problem)
{
    err(QStringLiteral("error: ") + problem);
    err(QStringLiteral("Usage: strata-cli backups list [--json]\n"
                       "       strata-cli backups prune [--schedule NAME] [--dry-run] [--json]\n"
                       "       strata-cli backups add FOLDER [--json]"));
    return 2;
}

QString line(const BackupEntry &e)
{
    const QString when = e.started.toLocalTime().toString(QStringLiteral("yyyy-MM-dd hh:mm"));
    const QString by
        = e.origin.scheduled ? QStringLiteral("schedule ") + e.origin.name : e.origin.name;
    QString text = QStringLiteral("  %1  %2  %3  %4  %5  %6 s  %7")
                       .arg(e.id, 5)
                       .arg(when, e.stateText().leftJustified(19), e.format.leftJustified(9),
                           (e.isBackup() ? QLocale::c().formattedDataSize(e.size) : QString())
                               .rightJustified(10))
                       .arg(e.durationMs / 1000.0, 6, 'f', 1)
                       .arg(by);
    if (e.isBackup())
        text += QStringLiteral("  ") + e.path;
    else if (!e.error.isEmpty())
        text += QStringLiteral("  ") + e.error.section(u'\n', 0, 0);
    if (e.isDeleted())
        text += QStringLiteral("  (%1)").arg(e.deletedReason);
    return text;
}

int list(const QStringList &args)
{
    CliArgs a(args, {}, { "--json" });
    if (!a.problem().isEmpty() || !a.positional().isEmpty())
        return usage(
            a.problem().isEmpty() ? QStringLiteral("backups list takes no names.") : a.problem());
    BackupCatalog catalog;
    auto entries = catalog.list();
    if (!entries) {
        err(QStringLiteral("error: ") + entries.error().toString());
        return 1;
    }
    if (a.has("--json")) {
        QJsonArray all;
        for (const BackupEntry &e : entries.value())
            all.append(entryJson(e));
        printJson({ { "catalog", catalog.path() }, { "backups", all } });
        return 0;
    }
    QString group;
    for (const BackupEntry &e : entries.value()) {
        const QString g = QStringLiteral("%1  %2").arg(
            e.server.isEmpty() ? QStringLiteral("(server not recorded)") : e.server, e.database);
        if (g != group) {
            out(g);
            group = g;
        }
        out(line(e));
    }
    if (entries->isEmpty())
        out(QStringLiteral("The backup history (%1) is empty.").arg(catalog.path()));
    return 0;
}

int prune(const QStringList &args)
{
    CliArgs a(args, { "--schedule" }, { "--dry-run", "--json" });
    if (!a.problem().isEmpty() || !a.positional().isEmpty())
        return usage(
            a.problem().isEmpty() ? QStringLiteral("backups prune takes no names.") : a.problem());
    const QString catalog = BackupCatalog::defaultPath();
    auto schedules = backupschedule::list(catalog);
    if (!schedules) {
        err(QStringLiteral("error: ") + schedules.error().toString());
        return 1;
    }
    QJsonArray reports;
    bool problems = false, found = false;
    for (const BackupSchedule &s : schedules.value()) {
        if (a.has("--schedule") && s.name != a.value("--schedule"))
            continue;
        found = true;
        auto r = scheduledbackups::prune(catalog, s, a.has("--dry-run"));
        if (!r) {
            err(QStringLiteral("error: ") + r.error().toString());
            return 1;
        }
        reports.append(pruneJson(r.value()));
        if (a.has("--json"))
            continue;
        out(QStringLiteral("schedule %1 (%2):").arg(s.name, s.retention.describe()));
        for (const PruneEntry &e : r->entries) {
            const QString when
                = e.started.toLocalTime().toString(QStringLiteral("yyyy-MM-dd hh:mm"));
            if (e.keep)
                out(QStringLiteral("  keep    %1  %2  (%3)")
                        .arg(when, e.path, e.reasons.join(QStringLiteral(", "))));
            else if (!e.problem.isEmpty())
                out(QStringLiteral("  FAILED  %1  %2: %3").arg(when, e.path, e.problem));
            else
                out(QStringLiteral("  %1  %2  %3")
                        .arg(a.has("--dry-run") ? QStringLiteral("would delete")
                                                : QStringLiteral("deleted"),
                            when, e.path));
            problems = problems || !e.problem.isEmpty();
        }
    }
    if (a.has("--schedule") && !found)
        return usage(QStringLiteral("There is no schedule \"%1\".").arg(a.value("--schedule")));
    if (a.has("--json"))
        printJson({ { "schedules", reports } });
    return problems ? 1 : 0;
}

int add(const QStringList &args)
{
    CliArgs a(args, {}, { "--json" });
    if (!a.problem().isEmpty() || a.positional().size() != 1)
        return usage(
            a.problem().isEmpty() ? QStringLiteral("backups add takes one FOLDER.") : a.problem());
    BackupCatalog catalog;
    QStringList skipped;
    auto added = foundbackups::addFolder(
        catalog, a.positional().first(), ToolLocator(ConnectionProfile {}), &skipped);
    if (!added) {
        err(QStringLiteral("error: ") + added.error().toString());
        return 1;
    }
    QJsonArray entries;
    for (qint64 id : added.value())
        if (auto e = catalog.entry(id)) {
            entries.append(entryJson(e.value()));
            if (!a.has("--json"))
                out(QStringLiteral("added %1 (%2, %3)").arg(e->path, e->database, e->format));
        }
    for (const QString &s : skipped)
        err(QStringLiteral("skipped %1").arg(s));
    if (a.has("--json"))
        printJson({ { "added", entries }, { "skipped", QJsonArray::fromStringList(skipped) } });
    else if (added->isEmpty())
        out(QStringLiteral("Nothing new in %1.").arg(a.positional().first()));
    return 0;
}

int runBackups(const QStringList &args)
{
    const QString verb = args.value(0);
    if (verb == QLatin1String("list"))
        return list(args.mid(1));
    if (verb == QLatin1String("prune"))
        return prune(args.mid(1));
    if (verb == QLatin1String("add"))
        return add(args.mid(1));
    return usage(verb.isEmpty() ? QStringLiteral("backups needs list, prune or add.")
                                : QStringLiteral("Unknown backups command \"%1\".").arg(verb));
}

} // namespace
} // namespace strata::cli

STRATA_CLI_COMMAND("backups",
    "backups list [--json] | backups prune [--schedule NAME] [--dry-run] [--json]\n"
    "  backups add FOLDER [--json]",
    "The backup history (the local catalog; keys of --json in docs/backups-json.md):\n"
    "      every backup, failed and cancelled run, with its state. prune applies each\n"
    "      schedule's --keep rules to the backups that schedule made (never the newest one\n"
    "      that passed a restore test). add records the archives found in FOLDER.",
    strata::cli::runBackups);
