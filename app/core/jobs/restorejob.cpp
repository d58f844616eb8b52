#include "restorejob.h"

#include "db/session.h"
#include "jobs/archiveinspector.h"
#include "jobs/backupmanifest.h"
#include "jobs/backupplanner.h"
#include "jobs/restoreprogress.h"
#include "jobs/toolrunner.h"
#include "util/async.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QScopeGuard>
#include <QSet>
#include <QTemporaryFile>
#include <QUuid>
#include <QtConcurrent>

#include <atomic>

namespace strata::core {

RestoreJob::RestoreJob(ConnectionProfile profile, QString password, RestoreOptions options)
    : m_profile(std::move(profile)), m_password(std::move(password)), m_options(std::move(options))
{
}

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

namespace {

// The sessions a restore writes through (creating the database, its schemas, moving sequences).
SessionOptions writingSession()
{
    SessionOptions so;
    so.readOnly = false;
    so.statementTimeoutMs = 0;
    so.applicationName = QStringLiteral("strata-restore");
    return so;
}

} // namespace

JobResult RestoreJob::fail(Error e)
{
    appendLog(QStringLiteral("failed: ") + e.toString());
    if (m_created) {
        const QString name = m_created->database;
        ConnectionProfile maintenance = *m_created;
        maintenance.database = QStringLiteral("postgres");
        m_created.reset();
        Session s(maintenance, m_password, writingSession());
        auto dropped = s.run([name](SessionContext &ctx) -> Status {
                            const QString sql = QStringLiteral("DROP DATABASE IF EXISTS %1")
                                                    .arg(ctx.quoteIdentifier(name));
                            // WITH (FORCE) (13+) ends the job's own monitoring session too.
                            auto r = ctx.execText(sql + QStringLiteral(" WITH (FORCE)"));
                            if (!r && ctx.version().major() < 13)
                                r = ctx.execText(sql);
                            if (!r)
                                return r.error();
                            return Ok {};
                        }).result();
        if (dropped) {
            appendLog(QStringLiteral("removed the database %1 this restore had created").arg(name));
            e.hint = (e.hint.isEmpty() ? QString() : e.hint + u' ')
                + QStringLiteral("The new database %1 was removed again.").arg(name);
        } else {
            appendLog(
                QStringLiteral("could not remove the database %1 this restore had created: %2")
                    .arg(name, dropped.error().toString()));
        }
    }
    JobResult r;
    r.error = std::move(e);
    r.summary = r.error.message;
    return r;
}

Status RestoreJob::checkTarget(Session &session, const QString &name) const
{
    if (m_options.createDatabase)
        return session
            .run([name](SessionContext &ctx) -> Status {
                auto exists = ctx.exec(QStringLiteral("jobs/database_exists"), { name });
                if (!exists)
                    return exists.error();
                if (exists->toLongLong(0, 0) > 0)
                    return Error(Error::Kind::InvalidInput,
                        QStringLiteral("The database %1 already exists.").arg(name),
                        QStringLiteral("Choose a new name, or restore into the existing "
                                       "database."));
                return Ok {};
            })
            .result();
    const QString confirmation = m_options.confirmation;
    return session
        .run([name, confirmation](SessionContext &ctx) -> Status {
            auto count = ctx.exec(QStringLiteral("jobs/user_table_count"));
            if (!count)
                return count.error();
            const qint64 n = count->toLongLong(0, 0);
            if (n > 0 && confirmation != name)
                return Error(Error::Kind::InvalidInput,
                    QStringLiteral("The database %1 already has %2 tables; restoring "
                                   "into it can overwrite or mix data.")
                        .arg(name)
                        .arg(n),
                    QStringLiteral("Type the database's name (%1) to confirm, or "
                                   "restore into a new database.")
                        .arg(name));
            return Ok {};
        })
        .result();
}

Status RestoreJob::createTarget(Session &maintenance, const ConnectionProfile &target)
{
    const QString name = target.database;
    auto r = maintenance
                 .run([name](SessionContext &ctx) -> Status {
                     auto c = ctx.execText(
                         QStringLiteral("CREATE DATABASE %1").arg(ctx.quoteIdentifier(name)));
                     if (!c)
                         return c.error();
                     return Ok {};
                 })
                 .result();
    if (r) {
        appendLog(QStringLiteral("created database %1").arg(name));
        m_created = target;
    }
    return r;
}

Status RestoreJob::provideSchemas(const ConnectionProfile &target, const QStringList &needed)
{
    if (needed.isEmpty())
        return Ok {};
    Session s(target, m_password, writingSession());
    const bool created = m_options.createDatabase;
    const QString database = target.database;
    QStringList made;
    auto r = s.run([needed, created, database, &made](SessionContext &ctx) -> Status {
                  auto missing = ctx.exec(QStringLiteral("jobs/missing_schemas"),
                      { backupplanner::arrayLiteral(needed) });
                  if (!missing)
                      return missing.error();
                  QStringList names;
                  for (int i = 0; i < missing->rows(); ++i)
                      names << missing->text(i, 0);
                  if (names.isEmpty())
                      return Ok {};
                  if (!created)
                      return Error(Error::Kind::InvalidInput,
                          QStringLiteral("The archive holds objects in the schema(s) %1 but not "
                                         "the schemas themselves (pg_dump leaves them out of a "
                                         "backup of chosen tables), and %2 has no such schema.")
                              .arg(names.join(QStringLiteral(", ")), database),
                          QStringLiteral("Create them first (CREATE SCHEMA ...), or restore "
                                         "into a new database: Strata then creates them."));
                  for (const QString &n : names) {
                      auto c = ctx.execText(
                          QStringLiteral("CREATE SCHEMA %1").arg(ctx.quoteIdentifier(n)));
                      if (!c)
                          return c.error();
                      made << n;
                  }
                  return Ok {};
              }).result();
    for (const QString &n : made)
        appendLog(QStringLiteral("created schema %1: the archive holds its objects but not the "
                                 "schema itself (a backup of chosen tables)")
                      .arg(n));
    return r;
}

JobResult RestoreJob::execute()
{
    if (auto v = m_options.validate(); !v)
        return fail(v.error());
    const RestoreOptions o = m_options;

    // A sound archive before the target is even looked at. Its SHA-256 against the manifest
    // needs no tool and no server: it starts at once on a thread of its own, beside the reading
    // of the table of contents.
    constexpr double checkShare = 0.03;
    std::atomic<bool> abandoned { false };
    QElapsedTimer shown;
    shown.start();
    using Checked = std::optional<Status>;
    QFuture<Checked> manifestCheck = asyncRun<Checked>(Pool::Cpu, [&](QPromise<Checked> &p) {
        p.addResult(ArchiveInspector::checkManifest(
            o.archivePath, [&] { return abandoned.load() || canceled() || p.isCanceled(); },
            [&](qint64 done, qint64 all) {
                if (shown.elapsed() < 100 || all <= 0)
                    return;
                shown.restart();
                setProgress(0.005 + (checkShare - 0.005) * double(done) / double(all),
                    QStringLiteral("checking the archive's SHA-256 (%1 of %2)")
                        .arg(QLocale::c().formattedDataSize(done),
                            QLocale::c().formattedDataSize(all)));
            }));
    });
    // However this function is left, the check is stopped and waited for before the locals it
    // uses go.
    const auto stopCheck = qScopeGuard([&] {
        abandoned = true;
        manifestCheck.waitForFinished();
    });

    setProgress(0, QStringLiteral("reading the archive"));
    ToolLocator locator(m_profile);
    if (m_toolFolders)
        locator.setSearchFolders(*m_toolFolders);
    ArchiveInspector inspector(locator);
    ToolInfo restoreTool;
    auto toc = inspector.readToc(o.archivePath, &restoreTool);
    if (!toc)
        return fail(toc.error());
    const bool plain = toc->format == ArchiveFormat::Plain;
    if (plain && (o.selectedIds || !o.useListFile.isEmpty() || o.jobs > 1 || o.dataOnly || o.clean))
        return fail(Error(Error::Kind::InvalidInput,
            QStringLiteral("%1 is a plain SQL file: it is run whole by psql, so items "
                           "cannot be chosen and -j, data-only and clean do not "
                           "apply.")
                .arg(o.archivePath),
            QStringLiteral("Make the backup in the custom format to choose items.")));
    if (toc->format == ArchiveFormat::Tar && o.jobs > 1)
        return fail(Error(Error::Kind::InvalidInput,
            QStringLiteral("pg_restore cannot restore a tar archive with -j."),
            QStringLiteral("Use one job, or back up in the custom or directory "
                           "format.")));
    if (!restoreTool.dockerContainer.isEmpty() && !plain) {
        // The archive goes into the container on pg_restore's standard input, which is read
        // once, front to back: no parallel jobs, and no list file (a path on this machine).
        if (o.jobs > 1)
            return fail(Error(Error::Kind::InvalidInput,
                QStringLiteral("pg_restore in the Docker container %1 reads the archive on "
                               "its standard input, which cannot be restored with -j.")
                    .arg(restoreTool.dockerContainer),
                QStringLiteral("Use one job.")));
        if (o.selectedIds || !o.useListFile.isEmpty())
            return fail(Error(Error::Kind::InvalidInput,
                QStringLiteral("Chosen items cannot be restored through the Docker container "
                               "%1: pg_restore there cannot read a list file from this "
                               "machine.")
                    .arg(restoreTool.dockerContainer),
                QStringLiteral("Restore the whole archive, or clear the connection's Docker "
                               "container to use pg_restore on this machine.")));
    }
    if (o.jobs > 1 && o.singleTransaction)
        appendLog(QStringLiteral("note: -j %1 runs %1 connections, each in its own transaction, "
                                 "so the restore is not one transaction: a failure half-way "
                                 "leaves the target partly restored.")
                      .arg(o.jobs));
    appendLog(QStringLiteral("archive: %1 format, %2 entries, made by pg_dump %3")
                  .arg(ArchiveToc::formatName(toc->format))
                  .arg(toc->entries.size())
                  .arg(toc->dumpedBy));
    if (canceled())
        return fail(Error(Error::Kind::Canceled, QStringLiteral("Cancelled.")));

    // Nothing has touched the target yet.
    if (const std::optional<Status> checked = manifestCheck.result()) {
        if (!*checked)
            return fail(checked->error());
    } else {
        // No manifest: pg_restore reads the archive to the end.
        setProgress(0.005, QStringLiteral("checking the archive"));
        if (auto s = inspector.readEveryBlock(
                o.archivePath, toc.value(), restoreTool, [this] { return canceled(); });
            !s)
            return fail(s.error());
    }
    if (canceled())
        return fail(Error(Error::Kind::Canceled, QStringLiteral("Cancelled.")));

    // The target's checks and the creation in one session, right after the archive's check:
    // what they found still holds when pg_restore starts.
    setProgress(checkShare, QStringLiteral("checking the target"));
    ConnectionProfile target = m_profile;
    target.database = targetDatabase();
    {
        ConnectionProfile at = target; // a new database is made from the maintenance one
        if (o.createDatabase)
            at.database = QStringLiteral("postgres");
        Session session(at, m_password, writingSession());
        if (auto s = checkTarget(session, target.database); !s)
            return fail(s.error());
        if (o.createDatabase) {
            if (auto s = createTarget(session, target); !s)
                return fail(s.error());
        }
    }
    if (plain && !o.dataOnly) {
        // A plain file of chosen tables (its manifest says so) has no CREATE SCHEMA either;
        // a whole-database one creates its schemas itself and must find them absent.
        auto m = BackupManifest::read(o.archivePath);
        if (m && !m->options.value(QStringLiteral("tables")).toArray().isEmpty()) {
            QSet<QString> schemas;
            for (const auto &v : m->objects())
                schemas.insert(v.toObject().value(QStringLiteral("schema")).toString());
            schemas.remove(QString());
            QStringList needed = schemas.values();
            needed.sort();
            if (auto s = provideSchemas(target, needed); !s)
                return fail(s.error());
        }
    }
    if (!plain && !o.dataOnly) {
        QSet<QString> inArchive, created;
        for (const TocEntry &e : toc->entries) {
            if (o.selectedIds && !o.selectedIds->contains(e.id))
                continue;
            if (e.type == QLatin1String("SCHEMA"))
                created.insert(e.name);
            else if (!e.schema.isEmpty())
                inArchive.insert(e.schema);
        }
        QStringList needed = (inArchive - created).values();
        needed.sort();
        if (auto s = provideSchemas(target, needed); !s)
            return fail(s.error());
    }

    // Weights: table data by size (from the manifest, or the directory's data files).
    QHash<QString, QPair<qint64, qint64>> sizes; // schema.name -> bytes, rows
    if (auto m = BackupManifest::read(o.archivePath)) {
        for (const auto &v : m->objects()) {
            const auto obj = v.toObject();
            sizes.insert(obj.value("schema").toString() + u'.' + obj.value("name").toString(),
                { qint64(obj.value("bytes").toDouble()),
                    qint64(obj.value("rows_estimate").toDouble()) });
        }
    }
    QList<TocEntry> entries;
    QSet<QString> restoredTables;
    qint64 dataBytes = 0;
    int nonData = 0;
    for (TocEntry e : toc->entries) {
        if (o.selectedIds && !o.selectedIds->contains(e.id))
            continue;
        if (e.isData()) {
            restoredTables.insert(e.qualified());
            qint64 w = sizes.value(e.qualified()).first;
            if (w <= 0 && toc->format == ArchiveFormat::Directory) {
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

    const QString connInfo = ToolLocator::toolConnInfo(target);
    const QString appName
        = QStringLiteral("strata-restore-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    RestoreProgress progress(entries, o.jobs > 1);
    constexpr double runShare = 0.95;
    auto report = [&] {
        setProgress(
            checkShare + (runShare - checkShare) * progress.fraction(), progress.currentObject());
    };

    ToolCommand cmd;
    std::unique_ptr<QTemporaryFile> listFile;
    ToolRunOptions ro;
    ro.password = m_password;
    ro.appName = appName;
    ro.canceled = [this] { return canceled(); };
    const qint64 plainSize = plain ? QFileInfo(o.archivePath).size() : 0;
    if (plain) {
        auto psql = locator.locate(
            QStringLiteral("psql"), 0, QStringLiteral("run %1").arg(o.archivePath));
        if (!psql)
            return fail(psql.error());
        cmd = locator.command(psql.value(), psqlArguments(o, connInfo));
        ro.stdinFile = o.archivePath;
        ro.onStdinProgress = [&](qint64 bytes) {
            setProgress(checkShare
                    + (runShare - checkShare) * double(bytes)
                        / double(std::max<qint64>(1, plainSize)),
                QStringLiteral("running %1").arg(QFileInfo(o.archivePath).fileName()));
        };
        setCommandLine(
            cmd.display() + QStringLiteral(" < ") + ToolCommand::shellQuote(o.archivePath));
    } else {
        QString useList = o.useListFile;
        if (o.selectedIds) {
            listFile = std::make_unique<QTemporaryFile>(
                QDir::tempPath() + QStringLiteral("/strata-use-list-XXXXXX"));
            if (!listFile->open())
                return fail(Error(Error::Kind::Io,
                    QStringLiteral("Could not write the list of "
                                   "chosen items: %1")
                        .arg(listFile->errorString())));
            listFile->write(toc->useList(*o.selectedIds));
            listFile->flush();
            useList = listFile->fileName();
        }
        if (restoreTool.dockerContainer.isEmpty()) {
            cmd = locator.command(restoreTool, restoreArguments(o, connInfo, useList));
            setCommandLine(cmd.display());
        } else {
            QStringList args = restoreArguments(o, connInfo, useList);
            args.removeLast(); // the archive's path: streamed in instead
            cmd = locator.command(restoreTool, args);
            ro.stdinFile = o.archivePath;
            setCommandLine(
                cmd.display() + QStringLiteral(" < ") + ToolCommand::shellQuote(o.archivePath));
        }
    }
    appendLog(QStringLiteral("running: %1").arg(commandLine()));

    SessionOptions mo;
    mo.statementTimeoutMs = 5000;
    mo.applicationName = QStringLiteral("strata-monitor");
    Session monitor(target, m_password, mo);
    QFuture<Result<PgResult>> poll;
    ro.onStderrLine = [&](const QString &line) {
        appendLog(line);
        progress.onEvent(DumpLogParser::parse(line));
        if (!plain)
            report();
    };
    ro.onTick = [&] {
        if (plain || sizes.isEmpty())
            return;
        if (poll.isValid() && poll.isFinished()) {
            const auto r = poll.result();
            if (r)
                for (int i = 0; i < r->rows(); ++i) {
                    const QString q
                        = r->isNull(i, 4) ? QString() : r->text(i, 3) + u'.' + r->text(i, 4);
                    const QString current = progress.currentObject();
                    const qint64 rows = sizes.value(q.isEmpty() ? current : q).second;
                    progress.onCopySample(q, r->toLongLong(i, 2), rows);
                }
            report();
            poll = {};
        }
        if (!poll.isValid())
            poll = monitor.query(QStringLiteral("jobs/copy_progress"), { appName });
    };
    auto ran = runTool(cmd, ro);
    monitor.cancel();
    if (!ran)
        return fail(ran.error());
    const bool single = plain ? o.singleTransaction : o.effectiveSingleTransaction();
    if (ran->canceled || canceled()) {
        Error e(Error::Kind::Canceled, QStringLiteral("Cancelled."),
            single ? QStringLiteral("The restore ran in one transaction: %1 is unchanged.")
                         .arg(target.database)
                   : QStringLiteral("%1 may be partly restored.").arg(target.database));
        return fail(e);
    }
    if (!ran->ok()) {
        const QString tool = plain ? QStringLiteral("psql") : QStringLiteral("pg_restore");
        Error e(Error::Kind::Tool,
            ran->errorLines.isEmpty()
                ? QStringLiteral("%1 failed (exit code %2).").arg(tool).arg(ran->exitCode)
                : QStringLiteral("%1 failed: %2").arg(tool, ran->errorLines.first()),
            single ? QStringLiteral("The restore ran in one transaction, so %1 is unchanged.")
                         .arg(target.database)
                   : QStringLiteral("%1 may be partly restored; the log lists what ran.")
                         .arg(target.database));
        e.detail = ran->errorLines.mid(1).join(u'\n');
        return fail(e);
    }
    m_created.reset(); // restored: from here on the new database is the user's, kept whatever comes
    progress.finishAll();
    setProgress(runShare, QStringLiteral("resetting sequences"));

    JobResult r;
    r.toolMs = ran->elapsedMs;
    if (o.resetSequences) {
        Session s(target, m_password, writingSession());
        // A whole restore touches every table; a chosen one only its tables.
        const QSet<QString> only
            = (o.selectedIds || !o.useListFile.isEmpty()) ? restoredTables : QSet<QString>();
        if ((o.selectedIds || !o.useListFile.isEmpty()) && only.isEmpty()) {
            appendLog(QStringLiteral("no table data restored: sequences left alone"));
        } else {
            auto moved = s.run([only](SessionContext &ctx) {
                              return sequencereset::run(ctx, only);
                          }).result();
            if (!moved)
                return fail(moved.error());
            {
                QMutexLocker lock(&m_movedMutex);
                m_moved = moved.value();
            }
            for (const auto &m : moved.value()) {
                r.notes << QStringLiteral("sequence moved: ") + sequencereset::describe(m);
                appendLog(r.notes.last());
            }
        }
    }
    r.ok = true;
    r.outputPath = target.database;
    r.summary = QStringLiteral("Restored %1 into %2%3")
                    .arg(QFileInfo(o.archivePath).fileName(), target.database,
                        o.resetSequences
                            ? QStringLiteral(" (%1 sequences moved)").arg(movedSequences().size())
                            : QString());
    appendLog(r.summary);
    return r;
}

} // namespace strata::core
