#include "command.h"
#include "jobprogress.h"

#include "db/session.h"
#include "jobs/archiveinspector.h"
#include "jobs/restorejob.h"

#include <QFile>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>
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
        strata::cli::out(
            QStringLiteral("; %1 is a plain SQL file: psql runs it whole.").arg(archive));
        return 0;
    }
    strata::cli::out(QStringLiteral("; database %1, made by pg_dump %2 from PostgreSQL %3")
                         .arg(toc->database, toc->dumpedBy, toc->dumpedFrom));
    strata::cli::out(QStringLiteral("; edit this list and give it back with --use-list FILE"));
    for (const TocEntry &e : toc->entries)
        strata::cli::out(e.line);
    return 0;
}

int runRestore(const QStringList &argsIn)
{
    QStringList args = argsIn;
    QString problem;
    const auto style = strata::cli::takeProgressStyle(args, &problem);
    RestoreOptions o;
    QStringList positional;
    bool listOnly = false, yes = false;
    QString useList;
    for (int i = 0; i < args.size() && problem.isEmpty(); ++i) {
        QString a = args[i], inlineValue;
        bool hasInline = false;
        if (a.startsWith(QLatin1String("--")) && a.contains(u'=')) {
            inlineValue = a.section(u'=', 1);
            a = a.section(u'=', 0, 0);
            hasInline = true;
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
        if (a == QLatin1String("--list") || a == QLatin1String("-l"))
            listOnly = true;
        else if (a == QLatin1String("--use-list") || a == QLatin1String("-L"))
            useList = value();
        else if (a == QLatin1String("--single-transaction") || a == QLatin1String("-1"))
            o.singleTransaction = true;
        else if (a == QLatin1String("--no-single-transaction"))
            o.singleTransaction = false;
        else if (a == QLatin1String("--clean") || a == QLatin1String("-c"))
            o.clean = true;
        else if (a == QLatin1String("--create") || a == QLatin1String("-C"))
            o.createDatabase = true;
        else if (a == QLatin1String("-j") || a == QLatin1String("--jobs"))
            o.jobs = value().toInt();
        else if (a == QLatin1String("--data-only") || a == QLatin1String("-a"))
            o.dataOnly = true;
        else if (a == QLatin1String("--reset-sequences"))
            o.resetSequences = true;
        else if (a == QLatin1String("--no-reset-sequences"))
            o.resetSequences = false;
        else if (a == QLatin1String("--yes") || a == QLatin1String("-y"))
            yes = true;
        else if (a.startsWith(u'-') && a.size() > 1)
            problem = QStringLiteral("Unknown option %1.").arg(a);
        else
            positional << a;
    }
    if (problem.isEmpty() && positional.isEmpty())
        problem = QStringLiteral("No ARCHIVE was given.");
    if (!problem.isEmpty()) {
        strata::cli::err(QStringLiteral("error: ") + problem);
        return 2;
    }
    o.archivePath = positional.first();
    if (listOnly)
        return printList(o.archivePath);
    if (positional.size() != 2) {
        strata::cli::err(QStringLiteral("error: restore needs ARCHIVE and CONNINFO."));
        return 2;
    }
    if (!useList.isEmpty()) {
        auto ids = readUseList(useList);
        if (!ids) {
            strata::cli::err(QStringLiteral("error: ") + ids.error().toString());
            return 2;
        }
        o.selectedIds = ids.value();
    }
    if (o.jobs > 1 && o.singleTransaction)
        strata::cli::err(QStringLiteral("note: -j %1 restores over %1 connections, each with its "
                                        "own transaction, so the restore is not one transaction.")
                             .arg(o.jobs));
    QString password;
    auto profile = ConnectionProfile::fromConnInfo(positional.at(1), &password);
    if (!profile) {
        strata::cli::err(QStringLiteral("error: ") + profile.error().toString());
        return 2;
    }
    const QString db = profile->database;
    if (db.isEmpty()) {
        strata::cli::err(QStringLiteral("error: CONNINFO names no database (dbname=...)."));
        return 2;
    }
    if (yes) {
        o.confirmation = db;
    } else if (!o.createDatabase) {
        // The guard: a database with tables needs its name typed (or --yes in scripts).
        Session s(profile.value(), password);
        auto count = s.query(QStringLiteral("jobs/user_table_count")).result();
        if (!count) {
            strata::cli::err(QStringLiteral("error: ") + count.error().toString());
            return 1;
        }
        if (count->toLongLong(0, 0) > 0) {
            if (!isatty(STDIN_FILENO)) {
                strata::cli::err(QStringLiteral("error: the database %1 already has %2 tables. "
                                                "Pass --yes to restore into it anyway.")
                                     .arg(db)
                                     .arg(count->toLongLong(0, 0)));
                return 1;
            }
            std::fprintf(stderr,
                "The database %s already has %lld tables. Type its name to "
                "restore into it: ",
                qPrintable(db), count->toLongLong(0, 0));
            std::fflush(stderr);
            QTextStream in(stdin);
            o.confirmation = in.readLine().trimmed();
        }
    }
    auto job = std::make_shared<RestoreJob>(profile.value(), password, o);
    const JobResult r = strata::cli::runJobWithProgress(job, style);
    if (!job->commandLine().isEmpty())
        strata::cli::err(QStringLiteral("command: ") + job->commandLine());
    return strata::cli::reportResult(r);
}

} // namespace

STRATA_CLI_COMMAND("restore",
    "restore ARCHIVE CONNINFO [--list] [--use-list FILE] [--single-transaction] [--clean]\n"
    "      [--create] [-j N] [--data-only] [--reset-sequences] [--yes]\n"
    "      [--progress=bar|plain|log|none]",
    "Restore a backup: the archive is checked whole before the database is touched; one\n"
    "      transaction by default (-j N turns it off: each worker has its own connection);\n"
    "      --create makes the database named in CONNINFO; sequences owned by restored columns\n"
    "      are moved past the data (on by default, --no-reset-sequences to skip). A database\n"
    "      that has tables needs its name typed, or --yes. --list prints the contents (edit it\n"
    "      and give it back with --use-list). Exit 0 only on success.",
    runRestore);
