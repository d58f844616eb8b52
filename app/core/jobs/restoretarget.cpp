// RestoreJob's steps on the target database: the checks and the creation before the tool runs,
// the schemas an archive of chosen tables lacks, the sequences afterwards, and removing a
// database the job made when it fails.
#include "restorejob.h"

#include "db/session.h"
#include "jobs/backupmanifest.h"
#include "jobs/backupplanner.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QThread>

namespace strata::core {

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

void RestoreJob::dropCreatedDatabase(Error &e)
{
    if (!m_created)
        return;
    const QString name = m_created->database;
    ConnectionProfile maintenance = *m_created;
    maintenance.database = QStringLiteral("postgres");
    m_created.reset();
    Session s(maintenance, m_password, writingSession());
    Status dropped = Ok {};
    // Before 13 there is no WITH (FORCE): the tool's and the monitor's sessions on the new
    // database may take a moment to go.
    for (int attempt = 0; attempt < 10; ++attempt) {
        dropped = s.run([name](SessionContext &ctx) -> Status {
                       auto r = ctx.execTemplate(QStringLiteral("jobs/drop_database"),
                           { { QStringLiteral("database"), { name } } });
                       if (!r)
                           return r.error();
                       return Ok {};
                   }).result();
        if (dropped || dropped.error().sqlState != QLatin1String("55006"))
            break;
        QThread::msleep(300);
    }
    if (dropped) {
        appendLog(QStringLiteral("removed the database %1 this restore had created").arg(name));
        e.hint = (e.hint.isEmpty() ? QString() : e.hint + u' ')
            + QStringLiteral("The new database %1 was removed again.").arg(name);
    } else {
        appendLog(QStringLiteral("could not remove the database %1 this restore had created: %2")
                      .arg(name, dropped.error().toString()));
    }
}

Status RestoreJob::checkTarget(Session &session, const QString &name) const
{
    if (m_run.createDatabase)
        return session
            .run([name](SessionContext &ctx) -> Status {
                auto exists = ctx.exec(QStringLiteral("jobs/database_exists"), { name });
                if (!exists)
                    return exists.error();
                if (exists->toLongLong(0, "databases") > 0)
                    return Error(Error::Kind::InvalidInput,
                        QStringLiteral("The database %1 already exists.").arg(name),
                        QStringLiteral("Choose a new name, or restore into the existing "
                                       "database."));
                return Ok {};
            })
            .result();
    const QString confirmation = m_run.confirmation;
    return session
        .run([name, confirmation](SessionContext &ctx) -> Status {
            auto count = ctx.exec(QStringLiteral("jobs/user_table_count"));
            if (!count)
                return count.error();
            const qint64 n = count->toLongLong(0, "tables");
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
                     auto c = ctx.execTemplate(QStringLiteral("jobs/create_database"),
                         { { QStringLiteral("database"), { name } } });
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

void RestoreJob::openTargetSession(const ConnectionProfile &target)
{
    ConnectionProfile at = target; // a new database is made from the maintenance one
    if (m_run.createDatabase)
        at.database = QStringLiteral("postgres");
    m_targetSession = std::make_unique<Session>(at, m_password, writingSession());
    m_targetOpening = m_targetSession->open();
}

Status RestoreJob::prepareTarget(const ConnectionProfile &target)
{
    // The target's checks and the creation in one session, right after the archive's check:
    // what they found still holds when the tool starts.
    setProgress(0.03, QStringLiteral("checking the target"));
    if (!m_targetSession)
        openTargetSession(target);
    auto info = m_targetOpening.result();
    if (!info)
        return info.error();
    m_serverMajor = info->version.major();
    if (auto s = checkTarget(*m_targetSession, target.database); !s)
        return s;
    if (m_run.createDatabase && !canceled())
        return createTarget(*m_targetSession, target);
    return canceled() ? Status(Error(Error::Kind::Canceled, QStringLiteral("Cancelled."))) : Ok {};
}

Status RestoreJob::provideSchemas(const ConnectionProfile &target, const QStringList &needed)
{
    if (needed.isEmpty())
        return Ok {};
    Session s(target, m_password, writingSession());
    const bool created = m_run.createDatabase;
    const QString database = target.database;
    QStringList made;
    auto r = s.run([needed, created, database, &made](SessionContext &ctx) -> Status {
                  auto missing = ctx.exec(QStringLiteral("jobs/missing_schemas"),
                      { backupplanner::arrayLiteral(needed) });
                  if (!missing)
                      return missing.error();
                  QStringList names;
                  for (int i = 0; i < missing->rows(); ++i)
                      names << missing->text(i, "name");
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
                      auto c = ctx.execTemplate(QStringLiteral("jobs/create_schema"),
                          { { QStringLiteral("new_schema"), { n } } });
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

Status RestoreJob::provideSchemasFor(const ConnectionProfile &target)
{
    if (m_run.dataOnly)
        return Ok {};
    QSet<QString> inArchive, created;
    if (m_toc.format == ArchiveFormat::Plain) {
        // A plain file of chosen tables (its manifest says so) has no CREATE SCHEMA either;
        // a whole-database one creates its schemas itself and must find them absent.
        auto m = BackupManifest::read(m_run.archivePath);
        if (!m || m->options.value(QStringLiteral("tables")).toArray().isEmpty())
            return Ok {};
        for (const auto &v : m->objects())
            inArchive.insert(v.toObject().value(QStringLiteral("schema")).toString());
        inArchive.remove(QString());
    } else {
        for (const TocEntry &e : m_toc.entries) {
            if (m_run.selectedIds && !m_run.selectedIds->contains(e.id))
                continue;
            if (e.type == QLatin1String("SCHEMA"))
                created.insert(e.name);
            else if (!e.schema.isEmpty())
                inArchive.insert(e.schema);
        }
    }
    QStringList needed = (inArchive - created).values();
    needed.sort();
    return provideSchemas(target, needed);
}

Status RestoreJob::resetSequences(const ConnectionProfile &target, JobResult &r)
{
    if (!m_run.resetSequences)
        return Ok {};
    // A whole restore touches every table; a chosen one only its tables.
    const bool chosen = m_run.selectedIds || !m_run.useListFile.isEmpty();
    if (chosen && m_restoredTables.isEmpty()) {
        appendLog(QStringLiteral("no table data restored: sequences left alone"));
        return Ok {};
    }
    const QSet<QString> only = chosen ? m_restoredTables : QSet<QString>();
    // On an existing database the session of the checks is still open; a new one needs its own.
    std::unique_ptr<Session> own;
    Session *session = m_targetSession.get();
    if (m_run.createDatabase || !session) {
        own = std::make_unique<Session>(target, m_password, writingSession());
        session = own.get();
    }
    auto moved = session->run([only](SessionContext &ctx) { return sequencereset::run(ctx, only); })
                     .result();
    if (!moved)
        return moved.error();
    {
        QMutexLocker lock(&m_movedMutex);
        m_moved = moved.value();
    }
    for (const auto &m : moved.value()) {
        r.notes << QStringLiteral("sequence moved: ") + sequencereset::describe(m);
        appendLog(r.notes.last());
    }
    return Ok {};
}

} // namespace strata::core
