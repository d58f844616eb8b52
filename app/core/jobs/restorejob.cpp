#include "restorejob.h"

#include "db/session.h"
#include "jobs/archiveinspector.h"
#include "jobs/backupmanifest.h"
#include "jobs/copymonitor.h"
#include "jobs/dumplogparser.h"
#include "jobs/restoreprogress.h"
#include "util/async.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonObject>
#include <QLocale>
#include <QTemporaryFile>

#include <atomic>

namespace strata::core {

namespace {

constexpr double checkShare = 0.03;
constexpr double runShare = 0.95;

// The archive's SHA-256 against its manifest needs no tool and no server: it starts at once on
// a thread of its own, beside the reading of the table of contents, and is waited for before
// anything touches the target. However the job ends, it is stopped and waited for first.
class ManifestCheck
{
public:
    using Checked = std::optional<Status>;
    ManifestCheck(const QString &path, std::function<bool()> canceled,
        std::function<void(qint64, qint64)> progress)
        : m_canceled(std::move(canceled)), m_progress(std::move(progress))
    {
        m_future = asyncRun<Checked>(Pool::Cpu, [this, path](QPromise<Checked> &p) {
            QElapsedTimer took;
            took.start();
            p.addResult(ArchiveInspector::checkManifest(
                path, [this, &p] { return m_abandoned.load() || m_canceled() || p.isCanceled(); },
                m_progress));
            m_tookMs = took.elapsed();
        });
    }
    ~ManifestCheck()
    {
        m_abandoned = true;
        m_future.waitForFinished(); // a worker thread (the job's), never the GUI's
    }
    Checked result() { return m_future.result(); }
    // How long the check took, and how long result() waited for it.
    QString timing()
    {
        QElapsedTimer waited;
        waited.start();
        m_future.waitForFinished();
        return QStringLiteral("%1 s, %2 s of it after the table of contents was read")
            .arg(double(m_tookMs) / 1000, 0, 'f', 2)
            .arg(double(waited.elapsed()) / 1000, 0, 'f', 2);
    }

private:
    std::function<bool()> m_canceled;
    std::function<void(qint64, qint64)> m_progress;
    std::atomic<bool> m_abandoned { false };
    std::atomic<qint64> m_tookMs { 0 };
    QFuture<Checked> m_future;
};

Error canceledError()
{
    return Error(Error::Kind::Canceled, QStringLiteral("Cancelled."));
}

} // namespace

RestoreJob::RestoreJob(ConnectionProfile profile, QString password, RestoreOptions options)
    : m_profile(std::move(profile)), m_password(std::move(password)), m_options(std::move(options))
{
}

RestoreJob::~RestoreJob() = default;

QString RestoreJob::targetDatabase() const
{
    return m_options.targetDatabase.isEmpty() ? m_profile.database : m_options.targetDatabase;
}

QString RestoreJob::title() const
{
    return QStringLiteral("Restore of %1 into %2")
        .arg(QFileInfo(m_options.archivePath).fileName(), targetDatabase());
}

QList<SequenceMove> RestoreJob::movedSequences() const
{
    QMutexLocker lock(&m_movedMutex);
    return m_moved;
}

QStringList RestoreJob::restoreArguments(
    const RestoreOptions &o, const QString &connInfo, const QString &useListFile)
{
    QStringList a { QStringLiteral("--verbose"), QStringLiteral("--exit-on-error") };
    if (o.effectiveSingleTransaction())
        a << QStringLiteral("--single-transaction");
    if (o.jobs > 1)
        a << QStringLiteral("--jobs=%1").arg(o.jobs);
    if (o.clean)
        a << QStringLiteral("--clean") << QStringLiteral("--if-exists");
    if (o.dataOnly)
        a << QStringLiteral("--data-only");
    if (!useListFile.isEmpty())
        a << QStringLiteral("--use-list=") + useListFile;
    a << QStringLiteral("--dbname=") + connInfo << o.archivePath;
    return a;
}

QStringList RestoreJob::psqlArguments(const RestoreOptions &o, const QString &connInfo)
{
    QStringList a { QStringLiteral("--no-psqlrc"), QStringLiteral("--set=ON_ERROR_STOP=1") };
    if (o.singleTransaction)
        a << QStringLiteral("--single-transaction");
    a << QStringLiteral("--file=-") << QStringLiteral("--dbname=") + connInfo;
    return a;
}

void RestoreJob::note(const QString &text)
{
    appendLog(QStringLiteral("note: ") + text);
    if (m_onNote)
        m_onNote(text);
}

bool RestoreJob::oneTransaction() const
{
    const bool plain = m_toc.format == ArchiveFormat::Plain;
    return plain ? m_run.singleTransaction && m_plain.commits.isEmpty()
                 : m_run.effectiveSingleTransaction();
}

JobResult RestoreJob::fail(Error e)
{
    m_targetSession.reset(); // no connection left idle after the job
    appendLog(QStringLiteral("failed: ") + e.toString());
    dropCreatedDatabase(e);
    JobResult r;
    r.error = std::move(e);
    r.summary = r.error.message;
    return r;
}

Status RestoreJob::readArchive(const ToolLocator &locator)
{
    setProgress(0, QStringLiteral("reading the archive"));
    const RestoreOptions &o = m_run;
    ArchiveInspector inspector(locator);
    auto toc = inspector.readToc(o.archivePath, &m_restoreTool);
    if (!toc)
        return toc.error();
    m_toc = toc.value();
    const bool plain = m_toc.format == ArchiveFormat::Plain;
    const QString container = m_restoreTool.dockerContainer;
    auto refuse = [](const QString &message, const QString &hint) {
        return Status(Error(Error::Kind::InvalidInput, message, hint));
    };
    if (plain && (o.selectedIds || !o.useListFile.isEmpty() || o.jobs > 1 || o.dataOnly || o.clean))
        return refuse(QStringLiteral("%1 is a plain SQL file: it is run whole by psql, so items "
                                     "cannot be chosen and -j, data-only and clean do not apply.")
                          .arg(o.archivePath),
            QStringLiteral("Make the backup in the custom format to choose items."));
    if (m_toc.format == ArchiveFormat::Tar && o.jobs > 1)
        return refuse(QStringLiteral("pg_restore cannot restore a tar archive with -j."),
            QStringLiteral("Use one job, or back up in the custom or directory format."));
    // In a Docker container the archive goes to pg_restore's standard input, read once, front
    // to back: no parallel jobs, and no list file (a path on this machine).
    if (!container.isEmpty() && !plain && o.jobs > 1)
        return refuse(QStringLiteral("pg_restore in the Docker container %1 reads the archive on "
                                     "its standard input, which cannot be restored with -j.")
                          .arg(container),
            QStringLiteral("Use one job."));
    if (!container.isEmpty() && !plain && (o.selectedIds || !o.useListFile.isEmpty()))
        return refuse(QStringLiteral("Chosen items cannot be restored through the Docker "
                                     "container %1: pg_restore there cannot read a list file "
                                     "from this machine.")
                          .arg(container),
            QStringLiteral("Restore the whole archive, or clear the connection's Docker "
                           "container to use pg_restore on this machine."));
    if (o.jobs > 1 && o.singleTransaction)
        appendLog(QStringLiteral("note: -j %1 runs %1 connections, each in its own transaction, "
                                 "so the restore is not one transaction: a failure half-way "
                                 "leaves the target partly restored.")
                      .arg(o.jobs));
    if (!plain)
        appendLog(QStringLiteral("archive: %1 format, %2 entries, made by pg_dump %3")
                      .arg(ArchiveToc::formatName(m_toc.format))
                      .arg(m_toc.entries.size())
                      .arg(m_toc.dumpedBy));
    if (o.selectedIds) {
        // A chosen partitioned table is restored with its partitions: its rows live there.
        const QSet<int> whole = m_toc.withPartitions(*o.selectedIds);
        if (whole.size() > o.selectedIds->size())
            appendLog(QStringLiteral("%1 entries added: the partitions of the chosen "
                                     "partitioned tables")
                          .arg(whole.size() - o.selectedIds->size()));
        m_run.selectedIds = whole;
    }
    return Ok {};
}

Status RestoreJob::checkPlainFile()
{
    setProgress(0.005, QStringLiteral("reading the SQL file"));
    auto facts = PlainSqlScanner::scanFile(m_run.archivePath, [this] { return canceled(); });
    if (!facts)
        return facts.error();
    m_plain = facts.value();
    appendLog(m_plain.madeByPgDump()
            ? QStringLiteral("archive: a plain SQL file made by pg_dump %1").arg(m_plain.dumpedBy)
            : QStringLiteral("archive: a plain SQL file not made by pg_dump (it has no pg_dump "
                             "header): it is run as it is, psql commands refused"));
    if (!m_plain.commits.isEmpty() && m_run.singleTransaction)
        note(QStringLiteral("%1 ends a transaction itself (line %2: %3), so it cannot be "
                            "restored in one transaction: if it fails after that line, %4 is "
                            "left partly restored.")
                 .arg(QFileInfo(m_run.archivePath).fileName())
                 .arg(m_plain.commitsLine)
                 .arg(m_plain.commits, targetDatabase()));
    return Ok {};
}

Status RestoreJob::checkArchive(
    const ToolLocator &locator, const std::optional<Status> &manifestCheck)
{
    if (manifestCheck && !*manifestCheck)
        return manifestCheck->error();
    if (m_toc.format == ArchiveFormat::Plain)
        return checkPlainFile();
    if (manifestCheck)
        return Ok {};
    // No manifest: pg_restore reads the archive to the end.
    setProgress(0.005, QStringLiteral("checking the archive"));
    return ArchiveInspector(locator).readEveryBlock(
        m_run.archivePath, m_toc, m_restoreTool, [this] { return canceled(); });
}

QList<TocEntry> RestoreJob::weighEntries()
{
    // Weights: table data by size (from the manifest, or the directory's data files).
    const RestoreOptions &o = m_run;
    m_sizes.clear();
    if (auto m = BackupManifest::read(o.archivePath)) {
        for (const auto &v : m->objects()) {
            const auto obj = v.toObject();
            m_sizes.insert(obj.value("schema").toString() + u'.' + obj.value("name").toString(),
                { qint64(obj.value("bytes").toDouble()),
                    qint64(obj.value("rows_estimate").toDouble()) });
        }
    }
    QList<TocEntry> entries;
    qint64 dataBytes = 0;
    int nonData = 0;
    for (TocEntry e : m_toc.entries) {
        if (o.selectedIds && !o.selectedIds->contains(e.id))
            continue;
        if (e.isData()) {
            m_restoredTables.insert(e.qualified());
            qint64 w = m_sizes.value(e.qualified()).first;
            if (w <= 0 && m_toc.format == ArchiveFormat::Directory) {
                const QDir d(o.archivePath);
                w = std::max(QFileInfo(d.filePath(QStringLiteral("%1.dat").arg(e.id))).size(),
                    QFileInfo(d.filePath(QStringLiteral("%1.dat.gz").arg(e.id))).size());
            }
            e.weight = w > 0 ? w : 1 << 20;
            dataBytes += e.weight;
        } else {
            ++nonData;
        }
        entries << e;
    }
    const qint64 otherWeight = std::max<qint64>(1, dataBytes / 20 / std::max(1, nonData));
    for (TocEntry &e : entries)
        if (!e.isData())
            e.weight = otherWeight;
    return entries;
}

Result<ToolCommand> RestoreJob::toolCommand(
    const ToolLocator &locator, const ConnectionProfile &target, ToolRunOptions &ro)
{
    const RestoreOptions &o = m_run;
    const QString connInfo = ToolLocator::toolConnInfo(target);
    const QString quotedArchive = ToolCommand::shellQuote(o.archivePath);
    if (m_toc.format == ArchiveFormat::Plain) {
        auto psql = locator.locate(
            QStringLiteral("psql"), 0, QStringLiteral("run %1").arg(o.archivePath));
        if (!psql)
            return psql.error();
        const ToolCommand cmd = locator.command(psql.value(), psqlArguments(o, connInfo));
        ro.stdinFile = o.archivePath;
        // The file as it is read now, not as it was checked: a psql command never reaches psql.
        auto scanner = std::make_shared<PlainSqlScanner>();
        const QString path = o.archivePath;
        ro.stdinFilter = [scanner, path](const QByteArray &chunk) -> Status {
            if (scanner->feed(chunk))
                return Ok {};
            return PlainSqlScanner::metaCommandError(path, scanner->facts());
        };
        setCommandLine(cmd.display() + QStringLiteral(" < ") + quotedArchive);
        return cmd;
    }
    QString useList = o.useListFile;
    if (o.selectedIds) {
        m_listFile = std::make_unique<QTemporaryFile>(
            QDir::tempPath() + QStringLiteral("/strata-use-list-XXXXXX"));
        if (!m_listFile->open())
            return Error(Error::Kind::Io,
                QStringLiteral("Could not write the list of chosen items: %1")
                    .arg(m_listFile->errorString()));
        m_listFile->write(m_toc.useList(*o.selectedIds));
        m_listFile->flush();
        useList = m_listFile->fileName();
    }
    QStringList args = restoreArguments(o, connInfo, useList);
    if (m_restoreTool.dockerContainer.isEmpty()) {
        const ToolCommand cmd = locator.command(m_restoreTool, args);
        setCommandLine(cmd.display());
        return cmd;
    }
    args.removeLast(); // the archive's path: streamed in instead
    const ToolCommand cmd = locator.command(m_restoreTool, args);
    ro.stdinFile = o.archivePath;
    setCommandLine(cmd.display() + QStringLiteral(" < ") + quotedArchive);
    return cmd;
}

Result<ToolRunResult> RestoreJob::runRestoreTool(const ToolCommand &cmd, ToolRunOptions &ro,
    const ConnectionProfile &target, const QList<TocEntry> &entries)
{
    const bool plain = m_toc.format == ArchiveFormat::Plain;
    appendLog(QStringLiteral("running: %1").arg(commandLine()));
    CopyMonitor monitor(target, m_password, QStringLiteral("strata-restore"),
        !plain && !m_sizes.isEmpty() && m_serverMajor >= 14);
    RestoreProgress progress(entries, m_run.jobs > 1);
    auto report = [&] {
        setProgress(
            checkShare + (runShare - checkShare) * progress.fraction(), progress.currentObject());
    };
    ro.password = m_password;
    ro.appName = monitor.appName();
    ro.canceled = [this] { return canceled(); };
    const qint64 plainSize = plain ? std::max<qint64>(1, QFileInfo(m_run.archivePath).size()) : 1;
    const QString fileName = QFileInfo(m_run.archivePath).fileName();
    ro.onStdinProgress = [&](qint64 bytes) {
        if (plain)
            setProgress(checkShare + (runShare - checkShare) * double(bytes) / double(plainSize),
                QStringLiteral("running %1").arg(fileName));
    };
    ro.onStderrLine = [&](const QString &line) {
        appendLog(line);
        progress.onEvent(DumpLogParser::parse(line));
        if (!plain)
            report();
    };
    ro.onTick = [&] {
        monitor.poll([&](const PgResult &rows) {
            for (int i = 0; i < rows.rows(); ++i) {
                const QString q = rows.isNull(i, "relname")
                    ? QString()
                    : rows.text(i, "nspname") + u'.' + rows.text(i, "relname");
                const qint64 estimate
                    = m_sizes.value(q.isEmpty() ? progress.currentObject() : q).second;
                progress.onCopySample(q, rows.toLongLong(i, "tuples_processed"), estimate);
            }
            report();
        });
    };
    auto ran = runTool(cmd, ro);
    monitor.stop();
    if (ran)
        progress.finishAll();
    return ran;
}

Status RestoreJob::checkRun(const ToolRunResult &run, const QString &database) const
{
    const bool single = oneTransaction();
    if (run.canceled || canceled())
        return Error(Error::Kind::Canceled, QStringLiteral("Cancelled."),
            single ? QStringLiteral("The restore ran in one transaction: %1 is unchanged.")
                         .arg(database)
                   : QStringLiteral("%1 may be partly restored.").arg(database));
    if (run.ioError.isError()) // a psql command found while the file was fed to psql
        return run.ioError;
    if (run.ok())
        return Ok {};
    const QString tool = m_toc.format == ArchiveFormat::Plain ? QStringLiteral("psql")
                                                              : QStringLiteral("pg_restore");
    Error e(Error::Kind::Tool,
        run.errorLines.isEmpty()
            ? QStringLiteral("%1 failed (exit code %2).").arg(tool).arg(run.exitCode)
            : QStringLiteral("%1 failed: %2").arg(tool, run.errorLines.first()),
        single
            ? QStringLiteral("The restore ran in one transaction, so %1 is unchanged.")
                  .arg(database)
            : QStringLiteral("%1 may be partly restored; the log lists what ran.").arg(database));
    e.detail = run.errorLines.mid(1).join(u'\n');
    return e;
}

JobResult RestoreJob::execute()
{
    if (auto v = m_options.validate(); !v)
        return fail(v.error());
    m_run = m_options;
    m_run.archivePath = QFileInfo(m_options.archivePath).absoluteFilePath();
    QElapsedTimer shown;
    shown.start();
    // A sound archive before the target is even looked at.
    ManifestCheck manifest(
        m_run.archivePath, [this] { return canceled(); },
        [this, &shown](qint64 done, qint64 all) {
            if (shown.elapsed() < 100 || all <= 0)
                return;
            shown.restart();
            setProgress(0.005 + (checkShare - 0.005) * double(done) / double(all),
                QStringLiteral("checking the archive's SHA-256 (%1 of %2)")
                    .arg(
                        QLocale::c().formattedDataSize(done), QLocale::c().formattedDataSize(all)));
        });
    ConnectionProfile target = m_profile;
    target.database = targetDatabase();
    openTargetSession(target);
    ToolLocator locator(m_profile);
    if (m_toolFolders)
        locator.setSearchFolders(*m_toolFolders);
    if (auto s = readArchive(locator); !s)
        return fail(s.error());
    if (canceled())
        return fail(canceledError());
    const QString checkTiming = manifest.timing();
    const auto checked = manifest.result();
    if (checked && checked->ok())
        appendLog(
            QStringLiteral("the archive matches its manifest (checked in %1)").arg(checkTiming));
    if (auto s = checkArchive(locator, checked); !s)
        return fail(s.error());
    if (canceled())
        return fail(canceledError());
    // Nothing has touched the target yet (its session may be connected).
    if (auto s = prepareTarget(target); !s)
        return fail(s.error());
    if (auto s = provideSchemasFor(target); !s)
        return fail(s.error());
    const QList<TocEntry> entries = weighEntries();
    ToolRunOptions ro;
    auto cmd = toolCommand(locator, target, ro);
    if (!cmd)
        return fail(cmd.error());
    auto ran = runRestoreTool(cmd.value(), ro, target, entries);
    if (!ran)
        return fail(ran.error());
    if (auto s = checkRun(ran.value(), target.database); !s)
        return fail(s.error());
    m_created.reset(); // restored: from here on the new database is the user's, kept whatever comes
    setProgress(runShare, QStringLiteral("resetting sequences"));
    JobResult r;
    r.toolMs = ran->elapsedMs;
    if (auto s = resetSequences(target, r); !s)
        return fail(s.error());
    m_targetSession.reset();
    r.ok = true;
    r.outputPath = target.database;
    r.summary = QStringLiteral("Restored %1 into %2%3")
                    .arg(QFileInfo(m_run.archivePath).fileName(), target.database,
                        m_run.resetSequences
                            ? QStringLiteral(" (%1 sequences moved)").arg(movedSequences().size())
                            : QString());
    appendLog(r.summary);
    return r;
}

} // namespace strata::core
