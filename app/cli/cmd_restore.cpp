#include "command.h"
#include "jobprogress.h"
#include "numberoption.h"

#include "db/session.h"
#include "jobs/archiveinspector.h"
#include "jobs/plainsqlscanner.h"
#include "jobs/restorejob.h"

#include <QFile>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>
#include <optional>
#include <unistd.h>

using namespace strata::core;

namespace {

Result<QSet<int>> readUseList(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return Error(
            Error::Kind::Io, QStringLiteral("Could not read %1: %2").arg(path, f.errorString()));
    QSet<int> ids;
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d+)\\s*;"));
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine());
        const auto m = re.match(line);
        if (m.hasMatch())
            ids.insert(m.captured(1).toInt());
    }
    return ids;
}

int printList(const QString &archive)
{
    ArchiveInspector inspector { ToolLocator(ConnectionProfile {}) };
    auto toc = inspector.readToc(archive);
    if (!toc) {
        strata::cli::err(QStringLiteral("error: ") + toc.error().toString());
        return 1;
    }
    if (toc->format == ArchiveFormat::Plain) {
        QFile f(archive);
        const QString by = f.open(QIODevice::ReadOnly)
            ? PlainSqlScanner::pgDumpVersion(f.read(4096))
            : QString();
        strata::cli::out(QStringLiteral("; %1 is a plain SQL file%2: psql runs it whole, and "
                                        "Strata refuses it if it holds psql commands.")
                             .arg(archive,
                                 by.isEmpty() ? QStringLiteral(" not made by pg_dump")
                                              : QStringLiteral(" made by pg_dump %1").arg(by)));
        return 0;
    }
    strata::cli::out(QStringLiteral("; database %1, made by pg_dump %2 from PostgreSQL %3")
                         .arg(toc->database, toc->dumpedBy, toc->dumpedFrom));
    strata::cli::out(QStringLiteral("; edit this list and give it back with --use-list FILE"));
    for (const TocEntry &e : toc->entries)
        strata::cli::out(e.line);
    return 0;
}

struct RestoreArgs
{
    RestoreOptions options;
    QStringList positional;
    bool listOnly = false;
    bool yes = false;
    QString useList;
    strata::cli::ProgressStyle style = strata::cli::ProgressStyle::Auto;
    bool json = false;
};

// The command line, or a message for the usage error.
Result<RestoreArgs> parseArgs(const QStringList &argsIn)
{
    QStringList args = argsIn;
    QString problem;
    RestoreArgs r;
    r.json = args.removeAll(QStringLiteral("--json")) > 0;
    r.style = r.json ? strata::cli::ProgressStyle::None
                     : strata::cli::takeProgressStyle(args, &problem);
    RestoreOptions &o = r.options;
    for (int i = 0; i < args.size() && problem.isEmpty(); ++i) {
        QString a = args[i], inlineValue;
        const bool hasInline = a.startsWith(QLatin1String("--")) && a.contains(u'=');
        if (hasInline) {
            inlineValue = a.section(u'=', 1);
            a = a.section(u'=', 0, 0);
        }
        auto value = [&]() -> QString {
            if (hasInline)
                return inlineValue;
            if (i + 1 >= args.size()) {
                problem = QStringLiteral("%1 needs a value.").arg(a);
                return {};
            }
            return args[++i];
        };
        auto is = [&a](const char *l, const char *s = nullptr) {
            return a == QLatin1String(l) || (s && a == QLatin1String(s));
        };
        if (is("--list", "-l"))
            r.listOnly = true;
        else if (is("--use-list", "-L"))
            r.useList = value();
        else if (is("--single-transaction", "-1") || is("--no-single-transaction"))
            o.singleTransaction = !is("--no-single-transaction");
        else if (is("--clean", "-c"))
            o.clean = true;
        else if (is("--create", "-C"))
            o.createDatabase = true;
        else if (is("-j", "--jobs"))
            o.jobs = strata::cli::wholeNumber(a, value(), 1, 64, &problem).value_or(1);
        else if (is("--data-only", "-a"))
            o.dataOnly = true;
        else if (is("--reset-sequences") || is("--no-reset-sequences"))
            o.resetSequences = is("--reset-sequences");
        else if (is("--yes", "-y"))
            r.yes = true;
        else if (a.startsWith(u'-') && a.size() > 1)
            problem = QStringLiteral("Unknown option %1.").arg(a);
        else
            r.positional << a;
    }
    if (problem.isEmpty() && r.positional.isEmpty())
        problem = QStringLiteral("No ARCHIVE was given.");
    if (problem.isEmpty() && !r.listOnly && r.positional.size() != 2)
        problem = QStringLiteral("restore needs ARCHIVE and CONNINFO.");
    if (!problem.isEmpty())
        return Error(Error::Kind::InvalidInput, problem);
    o.archivePath = r.positional.first();
    if (!r.useList.isEmpty()) {
        auto ids = readUseList(r.useList);
        if (!ids)
            return ids.error();
        o.selectedIds = ids.value();
    }
    return r;
}

// The guard: a database with tables needs its name typed (or --yes in scripts). Returns the
// exit status when the restore must not go on.
std::optional<int> confirmTarget(
    const ConnectionProfile &profile, const QString &password, RestoreOptions &o, bool yes)
{
    const QString db = profile.database;
    if (yes) {
        o.confirmation = db;
        return std::nullopt;
    }
    if (o.createDatabase)
        return std::nullopt;
    Session s(profile, password);
    auto count = s.query(QStringLiteral("jobs/user_table_count")).result();
    if (!count) {
        strata::cli::err(QStringLiteral("error: ") + count.error().toString());
        return 1;
    }
    const qlonglong tables = count->toLongLong(0, "tables");
    if (tables == 0)
        return std::nullopt;
    if (!isatty(STDIN_FILENO)) {
        strata::cli::err(QStringLiteral("error: the database %1 already has %2 tables. "
                                        "Pass --yes to restore into it anyway.")
                             .arg(db)
                             .arg(tables));
        return 1;
    }
    std::fprintf(stderr,
        "The database %s already has %lld tables. Type its name to restore into it: ",
        qPrintable(db), tables);
    std::fflush(stderr);
    QTextStream in(stdin);
    o.confirmation = in.readLine().trimmed();
    return std::nullopt;
}

int runRestore(const QStringList &argsIn)
{
    auto parsed = parseArgs(argsIn);
    if (!parsed) {
        strata::cli::err(QStringLiteral("error: ") + parsed.error().toString());
        return 2;
    }
    RestoreArgs a = parsed.value();
    RestoreOptions &o = a.options;
    if (a.listOnly)
        return printList(o.archivePath);
    if (o.jobs > 1 && o.singleTransaction)
        strata::cli::err(QStringLiteral("note: -j %1 restores over %1 connections, each with its "
                                        "own transaction, so the restore is not one transaction.")
                             .arg(o.jobs));
    QString password;
    auto profile = ConnectionProfile::fromConnInfo(a.positional.at(1), &password);
    if (!profile) {
        strata::cli::err(QStringLiteral("error: ") + profile.error().toString());
        return 2;
    }
    if (profile->database.isEmpty()) {
        strata::cli::err(QStringLiteral("error: CONNINFO names no database (dbname=...)."));
        return 2;
    }
    if (auto stop = confirmTarget(profile.value(), password, o, a.yes))
        return *stop;
    auto job = std::make_shared<RestoreJob>(profile.value(), password, o);
    // A plain file that commits on its own is said to be one before it runs.
    job->setOnNote([](const QString &note) { strata::cli::err(QStringLiteral("note: ") + note); });
    const JobResult r = strata::cli::runJobWithProgress(job, a.style);
    if (!job->commandLine().isEmpty())
        strata::cli::err(QStringLiteral("command: ") + job->commandLine());
    return strata::cli::reportResult(r, a.json);
}

} // namespace

STRATA_CLI_COMMAND("restore",
    "restore ARCHIVE CONNINFO [--list] [--use-list FILE] [--single-transaction] [--clean]\n"
    "      [--create] [-j N] [--data-only] [--reset-sequences] [--yes]\n"
    "      [--progress=bar|plain|log|none] [--json]",
    "Restore a backup: the archive is checked whole before the database is touched; one\n"
    "      transaction by default (-j N turns it off: each worker has its own connection);\n"
    "      --create makes the database named in CONNINFO; sequences owned by restored columns\n"
    "      are moved past the data (on by default, --no-reset-sequences to skip). A database\n"
    "      that has tables needs its name typed, or --yes. --list prints the contents (edit it\n"
    "      and give it back with --use-list). Exit 0 only on success.",
    runRestore);
