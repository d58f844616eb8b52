#include "backupsjson.h"
#include "cliargs.h"
#include "command.h"
#include "jobprogress.h"

#include "jobs/archiveinspector.h"
#include "jobs/restoretestjob.h"

#include <QJsonArray>
#include <QLocale>

using namespace strata::core;

namespace {

// verify ARCHIVE --restore-test CONNINFO: the archive restored into a throwaway database on
// that server and checked (RestoreTestJob); the verdict goes into the backup history.
int restoreTest(
    const QString &archive, const strata::cli::CliArgs &a, strata::cli::ProgressStyle style)
{
    QString password;
    auto target = ConnectionProfile::fromConnInfo(a.value("--restore-test"), &password);
    if (!target) {
        strata::cli::err(QStringLiteral("error: ") + target.error().toString());
        return 2;
    }
    RestoreTestOptions o;
    o.archivePath = archive;
    o.jobs = std::max(1, a.value("-j", a.value("--jobs", QStringLiteral("1"))).toInt());
    auto job = std::make_shared<RestoreTestJob>(target.value(), password, o);
    const JobResult r = strata::cli::runJobWithProgress(
        job, a.has("--json") ? strata::cli::ProgressStyle::None : style);
    const RestoreTestReport rep = job->report();
    if (a.has("--json")) {
        QJsonObject o = strata::cli::restoreTestJson(rep);
        o["passed"] = r.ok;
        if (!r.ok && rep.problems.isEmpty())
            o["problems"] = QJsonArray { r.error.message };
        strata::cli::printJson(o);
        return r.ok ? 0 : (r.canceled ? 130 : 1);
    }
    for (const RestoreTestTable &t : rep.tables)
        strata::cli::out(
            QStringLiteral("%1  %2: %3 rows at backup time, %4 restored")
                .arg(t.passed() ? QStringLiteral("ok  ") : QStringLiteral("FAIL"), t.qualified(),
                    t.expected >= 0 ? QString::number(t.expected) : QStringLiteral("?"),
                    t.restored >= 0 ? QString::number(t.restored) : QStringLiteral("none")));
    for (const RestoreTestSequence &s : rep.sequences)
        strata::cli::out(
            QStringLiteral("%1  %2: next value %3, column up to %4")
                .arg(s.passed() ? QStringLiteral("ok  ") : QStringLiteral("FAIL"), s.sequence)
                .arg(s.nextValue)
                .arg(s.columnMax));
    if (!r.ok)
        for (const QString &n : r.notes)
            strata::cli::err(n);
    if (!rep.database.isEmpty())
        strata::cli::out(
            QStringLiteral("throwaway database %1: %2")
                .arg(rep.database,
                    rep.dropped ? QStringLiteral("dropped") : QStringLiteral("NOT dropped")));
    return strata::cli::reportResult(r);
}

// {"archive", "format", "bytes", "sha256", "checksum", "entries", "data_entries", "dumped_by",
//  "manifest": "none" | "matches" | "differs", "manifest_sha256", "difference", "ok"}
int printVerifyJson(const QString &archive, const VerifyReport &rep)
{
    const bool sound = rep.manifestMatches.value_or(true);
    strata::cli::printJson(QJsonObject { { "archive", archive },
        { "format", ArchiveToc::formatName(rep.format) }, { "bytes", double(rep.size) },
        { "sha256", rep.sha256 }, { "checksum", rep.checksum }, { "entries", rep.entries },
        { "data_entries", rep.dataEntries }, { "dumped_by", rep.dumpedBy },
        { "manifest", !rep.manifestMatches.has_value() ? "none" : (sound ? "matches" : "differs") },
        { "manifest_sha256", rep.manifestSha256 }, { "difference", rep.difference },
        { "ok", sound } });
    return sound ? 0 : 1;
}

int runVerify(const QStringList &argsIn)
{
    QStringList args = argsIn;
    QString problem;
    const auto style = strata::cli::takeProgressStyle(args, &problem);
    const strata::cli::CliArgs a(args, { "--restore-test", "-j", "--jobs" }, { "--json" });
    if (!problem.isEmpty() || !a.problem().isEmpty() || a.positional().size() != 1) {
        strata::cli::err(QStringLiteral("Usage: strata-cli verify ARCHIVE [--json] [--restore-test "
                                        "CONNINFO [-j N]]"));
        return 2;
    }
    if (a.has("--restore-test"))
        return restoreTest(a.positional().first(), a, style);
    args = a.positional();
    ArchiveInspector inspector { ToolLocator(ConnectionProfile {}) };
    auto rep = inspector.verify(args.first());
    if (!rep) {
        strata::cli::err(QStringLiteral("error: ") + rep.error().toString());
        return 1;
    }
    if (a.has("--json"))
        return printVerifyJson(args.first(), rep.value());
    strata::cli::out(QStringLiteral("archive: %1 (%2 format, %3)")
                         .arg(args.first(), ArchiveToc::formatName(rep->format),
                             QLocale::c().formattedDataSize(rep->size)));
    strata::cli::out(QStringLiteral("sha256: %1 (%2)").arg(rep->sha256, rep->checksum));
    if (rep->format != ArchiveFormat::Plain)
        strata::cli::out(QStringLiteral("contents: %1 entries, %2 with table data, made by "
                                        "pg_dump %3")
                             .arg(rep->entries)
                             .arg(rep->dataEntries)
                             .arg(rep->dumpedBy));
    if (!rep->manifestMatches.has_value()) {
        strata::cli::out(QStringLiteral("manifest: none beside the archive; pg_restore read it "
                                        "whole without error"));
    } else if (*rep->manifestMatches) {
        strata::cli::out(QStringLiteral("manifest: SHA-256 matches"));
    } else {
        strata::cli::err(QStringLiteral("error: %1").arg(rep->difference));
        return 1;
    }
    strata::cli::out(QStringLiteral("ok"));
    return 0;
}

} // namespace

STRATA_CLI_COMMAND("verify", "verify ARCHIVE [--json] [--restore-test CONNINFO [-j N]]",
    "Re-hash a backup against its manifest and read its table of contents with\n"
    "      pg_restore --list (without a manifest, read it whole). Exit 0 only if sound.\n"
    "      --restore-test restores it into a throwaway database on CONNINFO's server, checks\n"
    "      every table's rows against the backup's, pg_restore's errors and the sequences,\n"
    "      records the result in the backup history and drops the database again. Exit 0\n"
    "      only when everything matches.",
    runVerify);
