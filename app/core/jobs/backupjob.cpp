#include "backupjob.h"

#include "db/session.h"
#include "jobs/backupcatalog.h"
#include "jobs/backupmanifest.h"
#include "jobs/copymonitor.h"
#include "jobs/dumplogparser.h"
#include "jobs/dumpprogress.h"
#include "jobs/partialowner.h"
#include "jobs/toolrunner.h"
#include "util/async.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>
#include <QRandomGenerator>
#include <QThreadPool>

#include <cstdio>

#include <fcntl.h>
#include <unistd.h>

namespace strata::core {

namespace {

void removePath(const QString &path)
{
    if (path.isEmpty())
        return;
    QFileInfo fi(path);
    if (fi.isDir())
        QDir(path).removeRecursively();
    else if (fi.exists() || fi.isSymLink())
        QFile::remove(path);
}

} // namespace

BackupJob::BackupJob(ConnectionProfile profile, QString password, BackupOptions options)
    : m_profile(std::move(profile)), m_password(std::move(password)), m_options(std::move(options)),
      m_catalogPath(BackupCatalog::defaultPath())
{
}

QString BackupJob::title() const
{
    return QStringLiteral("Backup of %1 to %2")
        .arg(m_profile.database.isEmpty() ? m_profile.displayTarget() : m_profile.database,
            QFileInfo(m_options.outputPath).fileName());
}

BackupPlan BackupJob::plan() const
{
    QMutexLocker lock(&m_planMutex);
    return m_plan;
}

QString BackupJob::temporaryPath(const QString &target)
{
    const QFileInfo fi(target);
    const QString random = QString::number(QRandomGenerator::global()->generate64(), 16);
    return fi.absoluteDir().filePath(QStringLiteral(".%1.partial-%2").arg(fi.fileName(), random));
}

QStringList BackupJob::dumpArguments(
    const BackupOptions &o, const BackupPlan &plan, const QString &connInfo, const QString &fileArg)
{
    QStringList a { QStringLiteral("--verbose"),
        QStringLiteral("--format=") + BackupOptions::formatName(o.format) };
    if (o.jobs > 1)
        a << QStringLiteral("--jobs=%1").arg(o.jobs);
    if (!fileArg.isEmpty())
        a << QStringLiteral("--file=") + fileArg;
    for (const QString &s : o.schemas)
        a << QStringLiteral("--schema=") + backupplanner::exactPattern(s);
    for (const TableRef &t : plan.chosenTables)
        a << QStringLiteral("--table=") + backupplanner::exactPattern(t.schema) + u'.'
                + backupplanner::exactPattern(t.name);
    if (o.dataOnly)
        a << QStringLiteral("--data-only");
    if (o.schemaOnly)
        a << QStringLiteral("--schema-only");
    if (o.inserts)
        a << QStringLiteral("--inserts");
    if (o.onConflictDoNothing)
        a << QStringLiteral("--on-conflict-do-nothing");
    if (o.compress >= 0)
        a << QStringLiteral("--compress=%1").arg(o.compress);
    for (const QString &t : o.excludeTableData)
        a << QStringLiteral("--exclude-table-data=") + t;
    a << QStringLiteral("--dbname=") + connInfo;
    return a;
}

Status BackupJob::writeOwnerRecord(const QString &partialPath, qint64 pid)
{
    return partialowner::write(partialPath, pid);
}

QString BackupJob::ownerRecordPath(const QString &partialPath)
{
    return partialowner::recordPath(partialPath);
}

QStringList BackupJob::removeAbandonedPartials(const QString &target)
{
    return partialowner::removeAbandoned(target);
}

JobResult BackupJob::fail(Error e, const QString &tempPath)
{
    m_digest.reset(); // stops reading what is removed next
    removePath(tempPath);
    if (!tempPath.isEmpty())
        QFile::remove(ownerRecordPath(tempPath));
    appendLog(QStringLiteral("failed: ") + e.toString());
    JobResult r;
    if (m_recorder)
        r.notes << m_recorder->failed(e, log());
    r.error = std::move(e);
    r.summary = r.error.message;
    return r;
}

Status BackupJob::checkOutput() const
{
    if (auto v = m_options.validate(); !v)
        return v.error();
    const QFileInfo target(m_target);
    const bool directory = m_options.format == BackupFormat::Directory;
    if (!m_profile.dockerContainer.isEmpty() && directory)
        return Error(Error::Kind::InvalidInput,
            QStringLiteral("The directory format cannot be streamed back from a Docker "
                           "container."),
            QStringLiteral("Choose the custom, tar or plain format."));
    // Checked before anything runs: rename(2) would replace an empty folder with a file, and
    // a directory-format dump over a file would fail only once the whole dump was written.
    if (target.isDir() && !directory)
        return Error(Error::Kind::InvalidInput,
            QStringLiteral("%1 is a folder; a %2-format backup is one file.")
                .arg(m_target, BackupOptions::formatName(m_options.format)),
            QStringLiteral("Give a file name (inside that folder, say), or choose the directory "
                           "format."));
    if (target.exists() && !target.isDir() && directory)
        return Error(Error::Kind::InvalidInput,
            QStringLiteral("%1 is a file; a directory-format backup is a folder.").arg(m_target),
            QStringLiteral("Choose a new name for the backup."));
    if (target.isDir() && !QDir(m_target).isEmpty())
        return Error(Error::Kind::InvalidInput,
            QStringLiteral("%1 already exists and is not empty.").arg(m_target),
            QStringLiteral("Choose a new name for the backup."));
    if (!QFileInfo(target.absolutePath()).isWritable())
        return Error(Error::Kind::Io,
            QStringLiteral("Cannot write into %1.").arg(target.absolutePath()),
            QStringLiteral("Choose a folder you can write to."));
    return Ok {};
}

Status BackupJob::connectAndLocate(Session &session, const ToolLocator &locator)
{
    auto info = session.open().result();
    if (!info)
        return info.error();
    m_server = info.value();
    appendLog(QStringLiteral("server: %1").arg(m_server.versionString));
    // The tool first: a mismatch is reported before anything is written.
    const int serverMajor = m_server.version.major();
    auto tool = locator.locate(QStringLiteral("pg_dump"), serverMajor,
        QStringLiteral("dump a PostgreSQL %1 server").arg(serverMajor));
    if (!tool)
        return tool.error();
    m_tool = tool.value();
    appendLog(QStringLiteral("using %1 (%2)").arg(m_tool.path, m_tool.versionText));
    return Ok {};
}

Result<BackupPlan> BackupJob::planTables(Session &session)
{
    setProgress(0, QStringLiteral("reading table sizes"));
    const BackupOptions options = m_options;
    auto planned
        = session.run([options](SessionContext &ctx) { return backupplanner::plan(ctx, options); })
              .result();
    if (!planned)
        return planned.error();
    {
        QMutexLocker lock(&m_planMutex);
        m_plan = planned.value();
    }
    const BackupPlan &plan = planned.value();
    for (const TableRef &t : plan.partitionsAdded)
        appendLog(QStringLiteral("a partition of a chosen table: %1").arg(t.qualified()));
    for (const TableRef &t : plan.closureAdded)
        appendLog(QStringLiteral("added by foreign keys: %1").arg(t.qualified()));
    appendLog(QStringLiteral("%1 tables to copy, %2 on disk")
                  .arg(plan.tables.size())
                  .arg(QLocale::c().formattedDataSize(plan.totalBytes)));
    return planned;
}

Result<ToolRunResult> BackupJob::dump(const ToolLocator &locator, const BackupPlan &plan)
{
    const bool docker = !m_profile.dockerContainer.isEmpty();
    const QString connInfo = ToolLocator::toolConnInfo(m_profile);
    const ToolCommand shown = locator.command(
        m_tool, dumpArguments(m_options, plan, connInfo, docker ? QString() : m_target));
    setCommandLine(docker
            ? shown.display() + QStringLiteral(" > ") + ToolCommand::shellQuote(m_target)
            : shown.display());
    const ToolCommand cmd = locator.command(
        m_tool, dumpArguments(m_options, plan, connInfo, docker ? QString() : m_temp));
    if (auto w = writeOwnerRecord(m_temp, QCoreApplication::applicationPid()); !w)
        return w.error();
    appendLog(QStringLiteral("running: %1").arg(commandLine()));

    CopyMonitor monitor(
        m_profile, m_password, QStringLiteral("strata-backup"), m_server.version.major() >= 14);
    DumpProgress progress(plan.tables, m_options.jobs > 1);
    constexpr double dumpShare = 0.97;
    auto report = [&] { setProgress(dumpShare * progress.fraction(), progress.currentObject()); };
    ToolRunOptions ro;
    ro.password = m_password;
    ro.appName = monitor.appName();
    if (docker)
        ro.stdoutFile = m_temp;
    ro.canceled = [this] { return canceled(); };
    ro.onStderrLine = [&](const QString &line) {
        appendLog(line);
        progress.onEvent(DumpLogParser::parse(line));
        report();
    };
    ro.onTick = [&] {
        monitor.poll([&](const PgResult &rows) {
            for (int i = 0; i < rows.rows(); ++i)
                progress.onCopySample(quint32(rows.toLongLong(i, "relid")),
                    rows.toLongLong(i, "bytes_processed"), rows.toLongLong(i, "tuples_processed"));
            report();
        });
    };
    m_recorder->follow(m_temp);
    m_digest = std::make_unique<DigestFollower>(
        m_temp, BackupOptions::archiveFormat(m_options.format), m_chunkBytes);
    auto ran = runTool(cmd, ro);
    monitor.stop();
    return ran;
}

Status BackupJob::checkDump(const ToolRunResult &run) const
{
    if (run.canceled || canceled())
        return Error(
            Error::Kind::Canceled, QStringLiteral("Cancelled; the partial backup was removed."));
    if (run.ioError.isError())
        return run.ioError;
    if (run.ok())
        return Ok {};
    Error e(Error::Kind::Tool,
        run.errorLines.isEmpty()
            ? QStringLiteral("pg_dump failed (exit code %1).").arg(run.exitCode)
            : QStringLiteral("pg_dump failed: %1").arg(run.errorLines.first()),
        QStringLiteral("Nothing was written to %1; the log has pg_dump's messages.").arg(m_target));
    e.detail = run.errorLines.mid(1).join(u'\n');
    if (run.crashed)
        e.detail += QStringLiteral("\npg_dump ended on a signal.");
    return e;
}

Result<ArchiveDigest> BackupJob::seal()
{
    constexpr double dumpShare = 0.97;
    setProgress(dumpShare, QStringLiteral("checksums of the last chunks"));
    QElapsedTimer lastShown;
    lastShown.start();
    HashControl control;
    control.canceled = [this] { return canceled(); };
    control.progress = [&](qint64 done, qint64 all) {
        if (lastShown.elapsed() < 100 || all <= 0)
            return;
        lastShown.restart();
        setProgress(dumpShare + (1 - dumpShare) * double(done) / double(all),
            QStringLiteral("computing SHA-256 (%1 of %2)")
                .arg(QLocale::c().formattedDataSize(done), QLocale::c().formattedDataSize(all)));
    };
    auto sha = m_digest->finish(control);
    const auto stats = m_digest->stats();
    m_digest.reset();
    if (!sha)
        return sha;
    appendLog(stats.wholeAgain.isEmpty()
            ? QStringLiteral("%1: %2 hashed while pg_dump wrote, %3 again at the end")
                  .arg(sha->schemeName(), QLocale::c().formattedDataSize(stats.followedBytes),
                      QLocale::c().formattedDataSize(stats.rehashedBytes))
            : QStringLiteral("%1: hashed again whole after pg_dump (%2)")
                  .arg(sha->schemeName(), stats.wholeAgain));
    // rename(2) replaces an existing file in one step: there is never a moment with a half file
    // under the target's name.
    if (QFileInfo(m_target).isDir())
        QDir().rmdir(m_target); // an empty folder for a directory-format backup, checked above
    // A backup replacing an older file of the same name: freeing the old file's blocks takes
    // the kernel a while (0.1-0.2 s for 500 MB). Holding it open across the rename moves that
    // work to a background close, after the new backup is in place.
    const int replaced = ::open(QFile::encodeName(m_target).constData(), O_RDONLY | O_CLOEXEC);
    if (std::rename(QFile::encodeName(m_temp).constData(), QFile::encodeName(m_target).constData())
        != 0) {
        const int err = errno;
        if (replaced >= 0)
            ::close(replaced);
        return Error(Error::Kind::Io,
            QStringLiteral("Could not rename %1 to %2: %3")
                .arg(m_temp, m_target, QString::fromLocal8Bit(strerror(err))));
    }
    QFile::remove(ownerRecordPath(m_temp));
    if (replaced >= 0)
        threadPool(Pool::Io)->start([replaced] { ::close(replaced); });
    return sha;
}

JobResult BackupJob::record(const BackupPlan &plan, const ArchiveDigest &digest, qint64 toolMs)
{
    BackupManifest m;
    m.path = m_target;
    m.database = m_server.database;
    m.serverVersion = m_server.versionString;
    m.toolVersion = m_tool.versionText;
    m.format = BackupOptions::formatName(m_options.format);
    m.options = m_options.toJson();
    QJsonArray objects;
    for (const TableRef &t : plan.tables)
        objects.append(QJsonObject { { QStringLiteral("schema"), t.schema },
            { QStringLiteral("name"), t.name }, { QStringLiteral("bytes"), double(t.bytes) },
            { QStringLiteral("rows_estimate"), double(t.estRows) } });
    m.setObjects(m_recorder->withRowCounts(objects));
    m.started = m_started;
    m.durationMs = m_started.msecsTo(QDateTime::currentDateTimeUtc());
    m.size = digest.size();
    m.digest = digest;
    m.command = commandLine();

    JobResult r;
    r.ok = true;
    r.toolMs = toolMs;
    r.outputPath = m_target;
    r.bytes = m.size;
    r.manifestPath = BackupManifest::manifestPath(m_target);
    if (auto w = m.write(); !w)
        r.notes << QStringLiteral("warning: ") + w.error().toString();
    r.notes << m_recorder->written(m, log());
    r.summary = QStringLiteral("Backed up %1 to %2 (%3, SHA-256 %4)")
                    .arg(m_server.database, m_target, QLocale::c().formattedDataSize(m.size),
                        digest.hex.left(16));
    appendLog(r.summary);
    return r;
}

JobResult BackupJob::execute()
{
    m_started = QDateTime::currentDateTimeUtc();
    m_target = QFileInfo(m_options.outputPath).absoluteFilePath();
    m_recorder = std::make_unique<BackupRecorder>(m_catalogPath, m_profile, m_options, m_origin);
    if (auto s = checkOutput(); !s)
        return fail(s.error(), {});
    setProgress(0, QStringLiteral("connecting"));
    SessionOptions so;
    so.statementTimeoutMs = 0;
    so.applicationName = QStringLiteral("strata-backup");
    Session session(m_profile, m_password, so);
    ToolLocator locator(m_profile);
    if (m_toolFolders)
        locator.setSearchFolders(*m_toolFolders);
    if (auto s = connectAndLocate(session, locator); !s)
        return fail(s.error(), {});
    if (canceled())
        return fail(Error(Error::Kind::Canceled, QStringLiteral("Cancelled.")), {});
    auto plan = planTables(session);
    if (!plan)
        return fail(plan.error(), {});
    for (const QString &gone : removeAbandonedPartials(m_target))
        appendLog(QStringLiteral("removed the partial file of an interrupted backup: %1 (the "
                                 "process that wrote it has ended)")
                      .arg(gone));
    m_temp = temporaryPath(m_target);
    auto ran = dump(locator, plan.value());
    if (!ran)
        return fail(ran.error(), m_temp);
    if (auto s = checkDump(ran.value()); !s)
        return fail(s.error(), m_temp);
    auto digest = seal();
    if (!digest)
        return fail(digest.error(), m_temp);
    return record(plan.value(), digest.value(), ran->elapsedMs);
}

} // namespace strata::core
