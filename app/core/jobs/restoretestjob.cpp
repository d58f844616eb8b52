#include "restoretestjob.h"

#include "db/session.h"
#include "jobs/archiveinspector.h"
#include "jobs/archiverowcounter.h"
#include "jobs/backupmanifest.h"
#include "jobs/foundbackups.h"
#include "jobs/restoreprogress.h"
#include "jobs/toolrunner.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QScopeGuard>

namespace strata::core {

namespace {

constexpr double kArchiveShare = 0.05;
constexpr double kRestoreShare = 0.85;
constexpr double kCheckShare = 0.98;

SessionOptions testSession()
{
    SessionOptions so;
    so.readOnly = false;
    so.statementTimeoutMs = 0;
    so.applicationName = QStringLiteral("strata-restore-test");
    return so;
}

Error canceledError()
{
    return Error(Error::Kind::Canceled, QStringLiteral("Cancelled."));
}

} // namespace

struct RestoreTestJob::Archive
{
    ArchiveToc toc;
    ToolInfo tool;
    QStringList tables; // "schema.name" of the archive's TABLE entries
    QList<TableRowCount> expected;
};

RestoreTestJob::RestoreTestJob(
    ConnectionProfile target, QString password, RestoreTestOptions options)
    : m_target(std::move(target)), m_password(std::move(password)), m_options(std::move(options))
{
    if (m_target.database.isEmpty())
        m_target.database = QStringLiteral("postgres");
}

RestoreTestJob::~RestoreTestJob() = default;

QString RestoreTestJob::title() const
{
    return QStringLiteral("Restore test of %1 on %2")
        .arg(QFileInfo(m_options.archivePath).fileName(), backuphistory::serverLabel(m_target));
}

RestoreTestReport RestoreTestJob::report() const
{
    QMutexLocker lock(&m_reportMutex);
    return m_report;
}

JobResult RestoreTestJob::execute()
{
    QElapsedTimer clock;
    clock.start();
    RestoreTestReport rep;
    rep.archivePath = QFileInfo(m_options.archivePath).absoluteFilePath();
    rep.target = backuphistory::serverLabel(m_target);
    rep.backupId = m_options.backupId;
    if (!m_target.dockerContainer.isEmpty())
        return finish(rep,
            Error(Error::Kind::InvalidInput,
                QStringLiteral("A restore test runs pg_restore on this machine, which cannot "
                               "reach the server inside the Docker container %1 by itself.")
                    .arg(m_target.dockerContainer),
                QStringLiteral("Choose a server this machine reaches directly (a mapped port "
                               "without the container setting).")),
            false);
    auto archive = readArchive(rep);
    if (!archive)
        return finish(rep, archive.error(), archive.error().kind == Error::Kind::InvalidInput);
    if (canceled())
        return finish(rep, canceledError(), false);
    if (auto s = createThrowaway(rep); !s)
        return finish(rep, s.error(), false);
    // However this ends (an exception included), the throwaway database goes.
    auto drop = qScopeGuard([&] { dropThrowaway(rep); });
    Status done = restore(archive.value(), rep);
    if (done)
        done = checkRestored(archive.value(), rep);
    drop.dismiss();
    dropThrowaway(rep);
    rep.durationMs = clock.elapsed();
    if (!done)
        return finish(rep, done.error(), false);
    return finish(rep, std::nullopt, true);
}

Result<RestoreTestJob::Archive> RestoreTestJob::readArchive(RestoreTestReport &rep)
{
    setProgress(0, QStringLiteral("reading the archive"));
    const QString path = rep.archivePath;
    ToolLocator locator(m_target);
    if (m_toolFolders)
        locator.setSearchFolders(*m_toolFolders);
    auto stop = [this] { return canceled(); };
    std::optional<BackupCatalog> catalog;
    if (!m_options.catalogPath.isEmpty())
        catalog.emplace(m_options.catalogPath);
    if (catalog && rep.backupId <= 0) {
        auto id = foundbackups::entryFor(*catalog, path, locator, stop);
        if (!id) {
            rep.problems << id.error().message;
            return id.error();
        }
        rep.backupId = id.value();
    }
    setProgress(0.005, QStringLiteral("checking the archive's SHA-256"));
    if (auto checked = ArchiveInspector::checkManifest(path, stop)) {
        if (catalog && rep.backupId > 0 && checked->error().kind != Error::Kind::Canceled)
            catalog->recordVerification(rep.backupId, checked->ok(),
                checked->ok() ? QStringLiteral("SHA-256 matches the manifest")
                              : checked->error().message);
        if (!*checked) {
            if (checked->error().kind != Error::Kind::Canceled)
                rep.problems << checked->error().message;
            return checked->error();
        }
        appendLog(QStringLiteral("the archive's SHA-256 matches its manifest"));
    }
    Archive a;
    auto toc = ArchiveInspector(locator).readToc(path, &a.tool);
    if (!toc) {
        rep.problems << toc.error().message;
        return toc.error();
    }
    a.toc = toc.value();
    for (const TocEntry &e : a.toc.entries)
        if (e.type == QLatin1String("TABLE"))
            a.tables << e.qualified();
    appendLog(QStringLiteral("archive: %1 format, %2 entries, %3 tables, made by pg_dump %4")
                  .arg(ArchiveToc::formatName(a.toc.format))
                  .arg(a.toc.entries.size())
                  .arg(a.tables.size())
                  .arg(a.toc.dumpedBy));
    // The rows at backup time: the history's, the manifest's, or the archive's own.
    if (catalog && rep.backupId > 0) {
        auto entry = catalog->entry(rep.backupId);
        auto counts = catalog->tableCounts(rep.backupId);
        if (entry && counts && !entry->countsSource.isEmpty()) {
            a.expected = counts.value();
            rep.countsSource = entry->countsSource;
        }
    }
    if (rep.countsSource.isEmpty()) {
        if (auto m = BackupManifest::read(path); m && !backuphistory::rowCounts(*m).isEmpty()) {
            a.expected = backuphistory::rowCounts(*m);
            rep.countsSource = QStringLiteral("manifest");
        } else if (auto counted = countArchiveRows(path, stop)) {
            a.expected = counted.value();
            rep.countsSource = QStringLiteral("archive");
            if (catalog && rep.backupId > 0)
                catalog->setTableCounts(rep.backupId, a.expected, rep.countsSource);
        } else {
            appendLog(QStringLiteral("the rows at backup time are not known: %1")
                          .arg(counted.error().message));
        }
    }
    if (!rep.countsSource.isEmpty())
        appendLog(QStringLiteral("rows at backup time (%1) of %2 tables")
                      .arg(rep.countsSource)
                      .arg(a.expected.size()));
    return a;
}

Status RestoreTestJob::createThrowaway(RestoreTestReport &rep)
{
    setProgress(kArchiveShare, QStringLiteral("creating the throwaway database"));
    const QString name = restoretest::throwawayName();
    Session s(m_target, m_password, testSession());
    auto made = s.run([name](SessionContext &ctx) -> Status {
                     auto r = ctx.execTemplate(QStringLiteral("jobs/restoretest/create_database"),
                         { { QStringLiteral("database"), { name } } });
                     if (!r)
                         return r.error();
                     return Ok {};
                 }).result();
    if (!made)
        return made.error();
    rep.database = name;
    appendLog(QStringLiteral("created the throwaway database %1 on %2").arg(name, rep.target));
    return Ok {};
}

Status RestoreTestJob::restore(const Archive &a, RestoreTestReport &rep)
{
    ConnectionProfile throwaway = m_target;
    throwaway.database = rep.database;
    const QString connInfo = ToolLocator::toolConnInfo(throwaway);
    const bool plain = a.toc.format == ArchiveFormat::Plain;
    ToolLocator locator(m_target);
    if (m_toolFolders)
        locator.setSearchFolders(*m_toolFolders);
    ToolRunOptions ro;
    ro.password = m_password;
    ro.canceled = [this] { return canceled(); };
    ToolCommand cmd;
    if (plain) {
        auto psql = locator.locate(QStringLiteral("psql"), 0, QStringLiteral("run a plain dump"));
        if (!psql)
            return psql.error();
        cmd = locator.command(psql.value(),
            { QStringLiteral("--no-psqlrc"), QStringLiteral("--set=ON_ERROR_STOP=1"),
                QStringLiteral("--single-transaction"), QStringLiteral("--file=-"),
                QStringLiteral("--dbname=") + connInfo });
        ro.stdinFile = rep.archivePath;
    } else {
        QStringList args { QStringLiteral("--verbose"), QStringLiteral("--dbname=") + connInfo };
        if (m_options.jobs > 1 && a.toc.format != ArchiveFormat::Tar)
            args << QStringLiteral("--jobs=%1").arg(m_options.jobs);
        cmd = locator.command(a.tool, args << rep.archivePath);
    }
    setCommandLine(cmd.display());
    appendLog(QStringLiteral("running: %1").arg(commandLine()));
    QList<TocEntry> entries = a.toc.entries;
    QHash<QString, qint64> rows;
    for (const TableRowCount &t : a.expected)
        rows.insert(t.qualified(), std::max<qint64>(1, t.rows));
    for (TocEntry &e : entries)
        e.weight = e.isData() ? rows.value(e.qualified(), 1000) : 10;
    RestoreProgress progress(entries, m_options.jobs > 1);
    ro.onStderrLine = [&](const QString &line) {
        appendLog(line);
        progress.onEvent(DumpLogParser::parse(line));
        setProgress(kArchiveShare + (kRestoreShare - kArchiveShare) * progress.fraction(),
            progress.currentObject());
    };
    auto ran = runTool(cmd, ro);
    if (!ran)
        return ran.error();
    if (ran->canceled || canceled())
        return canceledError();
    rep.toolExitCode = ran->exitCode;
    rep.toolErrors = ran->errorLines;
    const QString tool = plain ? QStringLiteral("psql") : QStringLiteral("pg_restore");
    if (!ran->ok() || !ran->errorLines.isEmpty())
        rep.problems << QStringLiteral("%1 ended with exit code %2%3")
                            .arg(tool)
                            .arg(ran->exitCode)
                            .arg(ran->errorLines.isEmpty()
                                    ? QString()
                                    : QStringLiteral(": %1").arg(ran->errorLines.first()));
    return Ok {};
}

Status RestoreTestJob::checkRestored(const Archive &a, RestoreTestReport &rep)
{
    setProgress(kRestoreShare, QStringLiteral("counting the restored rows"));
    ConnectionProfile throwaway = m_target;
    throwaway.database = rep.database;
    Session s(throwaway, m_password, testSession());
    const QStringList tables = a.tables;
    const QList<TableRowCount> expected = a.expected;
    RestoreTestReport found = rep;
    auto checked = s.run([&](SessionContext &ctx) {
                        return restoretest::check(
                            ctx, tables, expected, found, [this] { return canceled(); });
                    }).result();
    if (!checked)
        return checked.error();
    rep = found;
    setProgress(kCheckShare, QStringLiteral("dropping the throwaway database"));
    return Ok {};
}

void RestoreTestJob::dropThrowaway(RestoreTestReport &rep)
{
    if (rep.database.isEmpty() || rep.dropped)
        return;
    const QString name = rep.database;
    Session s(m_target, m_password, testSession());
    auto dropped = s.run([name](SessionContext &ctx) -> Status {
                        ctx.exec(QStringLiteral("jobs/restoretest/end_connections"), { name });
                        auto r = ctx.execTemplate(QStringLiteral("jobs/drop_database"),
                            { { QStringLiteral("database"), { name } } });
                        if (!r)
                            return r.error();
                        return Ok {};
                    }).result();
    rep.dropped = dropped.ok();
    appendLog(dropped ? QStringLiteral("dropped the throwaway database %1").arg(name)
                      : QStringLiteral("could not drop the throwaway database %1: %2")
                            .arg(name, dropped.error().toString()));
}

JobResult RestoreTestJob::finish(RestoreTestReport rep, std::optional<Error> failure, bool record)
{
    JobResult r;
    if (rep.durationMs == 0)
        rep.durationMs = status().elapsedMs;
    if (record && rep.backupId > 0 && !m_options.catalogPath.isEmpty()) {
        RestoreTestRecord t;
        t.backupId = rep.backupId;
        t.target = rep.target;
        t.database = rep.database;
        t.passed = !failure && rep.passed();
        t.summary = rep.problems.isEmpty() && failure ? failure->message : rep.summary();
        t.problems = rep.problems;
        t.log = log().join(u'\n');
        t.durationMs = rep.durationMs;
        if (auto w = BackupCatalog(m_options.catalogPath).recordRestoreTest(t); !w)
            r.notes << QStringLiteral("warning: ") + w.error().toString();
    }
    if (!rep.database.isEmpty() && !rep.dropped)
        r.notes << QStringLiteral("warning: the throwaway database %1 is still there; drop it "
                                  "with DROP DATABASE")
                       .arg(rep.database);
    {
        QMutexLocker lock(&m_reportMutex);
        m_report = rep;
    }
    if (failure) {
        r.error = *failure;
        r.summary = failure->message;
    } else if (!rep.passed()) {
        r.error = Error(Error::Kind::Tool, rep.summary(),
            QStringLiteral("The result is in the backup history; the log has pg_restore's "
                           "messages."));
        r.error.detail = rep.problems.join(u'\n');
        r.summary = rep.summary();
    } else {
        r.ok = true;
        r.summary = rep.summary();
        r.outputPath = rep.archivePath;
    }
    appendLog(r.ok ? r.summary : QStringLiteral("failed: ") + r.error.toString());
    return r;
}

} // namespace strata::core
