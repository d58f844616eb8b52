#include "backupjob.h"

#include "db/session.h"
#include "jobs/backupcatalog.h"
#include "jobs/backupmanifest.h"
#include "jobs/dumplogparser.h"
#include "jobs/dumpprogress.h"
#include "jobs/toolrunner.h"
#include "util/async.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocale>
#include <QRandomGenerator>
#include <QThreadPool>
#include <QUuid>

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

QString tableDisplay(const QString &schema, const QString &name)
{
    return schema + u'.' + name;
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

JobResult BackupJob::fail(Error e, const QString &tempPath)
{
    removePath(tempPath);
    appendLog(QStringLiteral("failed: ") + e.toString());
    JobResult r;
    if (m_recorder)
        r.notes << m_recorder->failed(e, log());
    r.error = std::move(e);
    r.summary = r.error.message;
    return r;
}

JobResult BackupJob::execute()
{
    const QDateTime started = QDateTime::currentDateTimeUtc();
    m_recorder = std::make_unique<BackupRecorder>(m_catalogPath, m_profile, m_options, m_origin);
    if (auto v = m_options.validate(); !v)
        return fail(v.error(), {});
    const QString target = QFileInfo(m_options.outputPath).absoluteFilePath();
    const bool docker = !m_profile.dockerContainer.isEmpty();
    if (docker && m_options.format == BackupFormat::Directory)
        return fail(Error(Error::Kind::InvalidInput,
                        QStringLiteral("The directory format cannot be streamed back from a "
                                       "Docker container."),
                        QStringLiteral("Choose the custom, tar or plain format.")),
            {});
    if (QFileInfo(target).isDir() && !QDir(target).isEmpty())
        return fail(Error(Error::Kind::InvalidInput,
                        QStringLiteral("%1 already exists and is not empty.").arg(target),
                        QStringLiteral("Choose a new name for the backup.")),
            {});
    if (!QFileInfo(QFileInfo(target).absolutePath()).isWritable())
        return fail(
            Error(Error::Kind::Io,
                QStringLiteral("Cannot write into %1.").arg(QFileInfo(target).absolutePath()),
                QStringLiteral("Choose a folder you can write to.")),
            {});

    setProgress(0, QStringLiteral("connecting"));
    SessionOptions so;
    so.statementTimeoutMs = 0;
    so.applicationName = QStringLiteral("strata-backup");
    Session session(m_profile, m_password, so);
    auto info = session.open().result();
    if (!info)
        return fail(info.error(), {});
    appendLog(QStringLiteral("server: %1").arg(info->versionString));

    // The tool first: a mismatch is reported before anything is written.
    ToolLocator locator(m_profile);
    if (m_toolFolders)
        locator.setSearchFolders(*m_toolFolders);
    const int serverMajor = info->version.major();
    auto tool = locator.locate(QStringLiteral("pg_dump"), serverMajor,
        QStringLiteral("dump a PostgreSQL %1 server").arg(serverMajor));
    if (!tool)
        return fail(tool.error(), {});
    appendLog(QStringLiteral("using %1 (%2)").arg(tool->path, tool->versionText));
    if (canceled())
        return fail(Error(Error::Kind::Canceled, QStringLiteral("Cancelled.")), {});

    setProgress(0, QStringLiteral("reading table sizes"));
    const BackupOptions options = m_options;
    auto planned
        = session.run([options](SessionContext &ctx) { return backupplanner::plan(ctx, options); })
              .result();
    if (!planned)
        return fail(planned.error(), {});
    {
        QMutexLocker lock(&m_planMutex);
        m_plan = planned.value();
    }
    const BackupPlan plan = planned.value();
    for (const TableRef &t : plan.closureAdded)
        appendLog(QStringLiteral("added by foreign keys: %1").arg(tableDisplay(t.schema, t.name)));
    appendLog(QStringLiteral("%1 tables to copy, %2 on disk")
                  .arg(plan.tables.size())
                  .arg(QLocale::c().formattedDataSize(plan.totalBytes)));

    const QString connInfo = ToolLocator::toolConnInfo(m_profile);
    const QString temp = temporaryPath(target);
    const ToolCommand shown = locator.command(
        tool.value(), dumpArguments(options, plan, connInfo, docker ? QString() : target));
    setCommandLine(docker
            ? shown.display() + QStringLiteral(" > ") + ToolCommand::shellQuote(target)
            : shown.display());
    const ToolCommand cmd = locator.command(
        tool.value(), dumpArguments(options, plan, connInfo, docker ? QString() : temp));
    appendLog(QStringLiteral("running: %1").arg(commandLine()));

    // A second session watches pg_stat_progress_copy for the tool's backends.
    const QString appName
        = QStringLiteral("strata-backup-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    SessionOptions mo;
    mo.statementTimeoutMs = 5000;
    mo.applicationName = QStringLiteral("strata-monitor");
    Session monitor(m_profile, m_password, mo);
    QFuture<Result<PgResult>> poll;
    const bool canPoll = serverMajor >= 14;

    DumpProgress progress(plan.tables, options.jobs > 1);
    constexpr double dumpShare = 0.97;
    auto report = [&] { setProgress(dumpShare * progress.fraction(), progress.currentObject()); };

    ToolRunOptions ro;
    ro.password = m_password;
    ro.appName = appName;
    if (docker)
        ro.stdoutFile = temp;
    ro.canceled = [this] { return canceled(); };
    ro.onStderrLine = [&](const QString &line) {
        appendLog(line);
        progress.onEvent(DumpLogParser::parse(line));
        report();
    };
    ro.onTick = [&] {
        if (!canPoll)
            return;
        if (poll.isValid() && poll.isFinished()) {
            const auto r = poll.result();
            if (r) {
                for (int i = 0; i < r->rows(); ++i)
                    progress.onCopySample(
                        quint32(r->toLongLong(i, 0)), r->toLongLong(i, 1), r->toLongLong(i, 2));
                report();
            }
            poll = {};
        }
        if (!poll.isValid())
            poll = monitor.query(QStringLiteral("jobs/copy_progress"), { appName });
    };
    m_recorder->follow(temp);
    auto ran = runTool(cmd, ro);
    monitor.cancel();
    if (!ran)
        return fail(ran.error(), temp);
    const ToolRunResult &run = ran.value();
    if (run.canceled || canceled())
        return fail(Error(Error::Kind::Canceled,
                        QStringLiteral("Cancelled; the partial backup was removed.")),
            temp);
    if (run.ioError.isError())
        return fail(run.ioError, temp);
    if (!run.ok()) {
        Error e(Error::Kind::Tool,
            run.errorLines.isEmpty()
                ? QStringLiteral("pg_dump failed (exit code %1).").arg(run.exitCode)
                : QStringLiteral("pg_dump failed: %1").arg(run.errorLines.first()),
            QStringLiteral("Nothing was written to %1; the log has pg_dump's messages.")
                .arg(target));
        e.detail = run.errorLines.mid(1).join(u'\n');
        if (run.crashed)
            e.detail += QStringLiteral("\npg_dump ended on a signal.");
        return fail(e, temp);
    }

    setProgress(dumpShare, QStringLiteral("computing SHA-256"));
    qint64 size = 0;
    QElapsedTimer lastShown;
    lastShown.start();
    auto sha = BackupManifest::hash(
        temp, &size, [this] { return canceled(); },
        [&](qint64 done, qint64 all) {
            if (lastShown.elapsed() < 100 || all <= 0)
                return;
            lastShown.restart();
            setProgress(dumpShare + (1 - dumpShare) * double(done) / double(all),
                QStringLiteral("computing SHA-256 (%1 of %2)")
                    .arg(
                        QLocale::c().formattedDataSize(done), QLocale::c().formattedDataSize(all)));
        });
    if (!sha)
        return fail(sha.error(), temp);
    // rename(2) replaces an existing file in one step: there is never a moment with a half file
    // under the target's name.
    if (QFileInfo(target).isDir())
        QDir().rmdir(target); // empty, checked above
    // A backup replacing an older file of the same name: freeing the old file's blocks takes
    // the kernel a while (0.1-0.2 s for 500 MB). Holding it open across the rename moves that
    // work to a background close, after the new backup is in place.
    const int replaced = ::open(QFile::encodeName(target).constData(), O_RDONLY | O_CLOEXEC);
    if (std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(target).constData())
        != 0) {
        const int err = errno;
        if (replaced >= 0)
            ::close(replaced);
        return fail(Error(Error::Kind::Io,
                        QStringLiteral("Could not rename %1 to %2: %3")
                            .arg(temp, target, QString::fromLocal8Bit(strerror(err)))),
            temp);
    }
    if (replaced >= 0)
        threadPool(Pool::Io)->start([replaced] { ::close(replaced); });

    BackupManifest m;
    m.path = target;
    m.database = info->database;
    m.serverVersion = info->versionString;
    m.toolVersion = tool->versionText;
    m.format = BackupOptions::formatName(options.format);
    m.options = options.toJson();
    QJsonArray objects;
    for (const TableRef &t : plan.tables)
        objects.append(QJsonObject { { QStringLiteral("schema"), t.schema },
            { QStringLiteral("name"), t.name }, { QStringLiteral("bytes"), double(t.bytes) },
            { QStringLiteral("rows_estimate"), double(t.estRows) } });
    m.setObjects(m_recorder->withRowCounts(objects));
    m.started = started;
    m.durationMs = started.msecsTo(QDateTime::currentDateTimeUtc());
    m.size = size;
    m.sha256 = sha.value();
    m.command = commandLine();

    JobResult r;
    r.ok = true;
    r.toolMs = run.elapsedMs;
    r.outputPath = target;
    r.bytes = size;
    r.manifestPath = BackupManifest::manifestPath(target);
    if (auto w = m.write(); !w)
        r.notes << QStringLiteral("warning: ") + w.error().toString();
    r.notes << m_recorder->written(m, log());
    r.summary
        = QStringLiteral("Backed up %1 to %2 (%3, SHA-256 %4)")
              .arg(info->database, target, QLocale::c().formattedDataSize(size), m.sha256.left(16));
    appendLog(r.summary);
    return r;
}

} // namespace strata::core
