#include "command.h"

#include "db/session.h"
#include "migrations/migrationinspector.h"

#include <QDir>
#include <QJsonDocument>

#include <algorithm>

using namespace strata::core;

namespace {

QString versionText(const MigrationEntry &e)
{
    return e.version.isEmpty() ? QStringLiteral("(repeatable)") : e.version;
}

QString whenText(const MigrationEntry &e)
{
    return e.appliedAt.isValid() ? e.appliedAt.toString("yyyy-MM-dd HH:mm:ss") : QString();
}

QString durationText(const MigrationEntry &e)
{
    return e.durationMs >= 0 ? QStringLiteral("%1 ms").arg(e.durationMs) : QString();
}

// Every column as wide as its widest cell across a history's lists, so they line up and nothing
// is cut ("running / unfinished").
struct Widths
{
    qsizetype version = 0, state = 0, when = 0, duration = 0;

    void take(const MigrationEntry &e)
    {
        version = std::max(version, versionText(e).size());
        state = std::max(state, migrationStateLabel(e.state).size());
        when = std::max(when, whenText(e).size());
        duration = std::max(duration, durationText(e).size());
    }
};

void printEntries(const QString &title, const QList<MigrationEntry> &entries, const Widths &w)
{
    if (entries.isEmpty())
        return;
    strata::cli::out(QStringLiteral("  %1:").arg(title));
    for (const auto &e : entries) {
        QStringList cells { versionText(e).leftJustified(w.version),
            migrationStateLabel(e.state).leftJustified(w.state) };
        if (w.when > 0)
            cells.append(whenText(e).leftJustified(w.when));
        if (w.duration > 0)
            cells.append(durationText(e).leftJustified(w.duration));
        cells.append(e.description);
        QString line = cells.join(u' ');
        if (!e.note.isEmpty())
            line += QStringLiteral("  [%1]").arg(e.note);
        strata::cli::out(line.trimmed().prepend(QStringLiteral("    ")));
    }
}

int runMigrations(const QStringList &args)
{
    QString conn, dir;
    bool json = false;
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--json"))
            json = true;
        else if (args.at(i) == QLatin1String("--dir") && i + 1 < args.size())
            dir = args.at(++i);
        else if (conn.isEmpty())
            conn = args.at(i);
        else {
            strata::cli::err(QStringLiteral("Unexpected argument: %1").arg(args.at(i)));
            return 2;
        }
    }
    if (conn.isEmpty()) {
        strata::cli::err(
            QStringLiteral("Usage: strata-cli migrations CONNINFO [--dir PATH] [--json]"));
        return 2;
    }
    QString password;
    auto profile = ConnectionProfile::fromConnInfo(conn, &password);
    if (!profile) {
        strata::cli::err(profile.error().toString());
        return 2;
    }
    Session session(profile.value(), password);
    auto r
        = session.run([dir](SessionContext &ctx) { return MigrationInspector::inspect(ctx, dir); })
              .result();
    if (!r) {
        strata::cli::err(r.error().toString());
        return 1;
    }
    if (!r->folderError.isEmpty())
        strata::cli::err(QStringLiteral("warning: ") + r->folderError);
    if (r->folder)
        for (const auto &m : r->folder->migrations)
            if (!m.error.isEmpty())
                strata::cli::err(QStringLiteral("warning: %1: %2").arg(m.relativePath, m.error));
    int status = 0;
    for (const auto &h : r->histories)
        if (!h.error.isEmpty()) {
            strata::cli::err(QStringLiteral("error: %1.%2: %3").arg(h.schema, h.table, h.error));
            status = 1;
        }
    if (json) {
        strata::cli::out(QString::fromUtf8(
            QJsonDocument(MigrationInspector::toJson(r.value())).toJson(QJsonDocument::Indented)));
        return status;
    }
    if (r->histories.isEmpty())
        strata::cli::out(QStringLiteral("No migration history tables found."));
    for (const auto &h : r->histories) {
        strata::cli::out(QStringLiteral("%1%2 in %3.%4: %5 entries")
                             .arg(h.frameworkName,
                                 h.ambiguous ? QStringLiteral(" (ambiguous: %1)")
                                                   .arg(h.alternatives.join(QStringLiteral(" or ")))
                                             : QString(),
                                 h.schema, h.table)
                             .arg(h.entries.size()));
        for (const auto &n : h.notes)
            strata::cli::out(QStringLiteral("  note: ") + n);
        Widths w;
        for (const auto *list : { &h.entries, &h.pending, &h.missing, &h.changed })
            for (const auto &e : *list)
                w.take(e);
        printEntries(QStringLiteral("history"), h.entries, w);
        printEntries(QStringLiteral("pending"), h.pending, w);
        printEntries(QStringLiteral("missing"), h.missing, w);
        printEntries(QStringLiteral("changed"), h.changed, w);
        if (!h.unfinished.isEmpty()) {
            // Neither applied nor pending: `migrate` refuses to run past them until told to.
            strata::cli::out(QStringLiteral("  unfinished (started, never finished; check "
                                            "pg_stat_activity, then re-run with "
                                            "`strata-cli migrate ... --rerun-unfinished`):"));
            for (const auto &e : h.unfinished)
                strata::cli::out(
                    QStringLiteral("    %1 started %2  %3")
                        .arg(e.version,
                            e.appliedAt.isValid() ? e.appliedAt.toString("yyyy-MM-dd HH:mm:ss")
                                                  : QStringLiteral("(unknown)"),
                            QDir::toNativeSeparators(e.filePath)));
        }
        if (!h.pending.isEmpty() && !h.upgradeCommand.isEmpty())
            strata::cli::out(QStringLiteral("  to apply: %1").arg(h.upgradeCommand));
    }
    return status;
}

} // namespace

STRATA_CLI_COMMAND("migrations", "migrations CONNINFO [--dir PATH] [--json]",
    "List every migration framework's history in the database, compared with a "
    "folder.",
    runMigrations);
