#include "backupcatalog.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace strata::core {

namespace {

QAtomicInt s_counter;

// A connection for one call, closed and removed when the call ends.
class CatalogConnection
{
public:
    explicit CatalogConnection(const QString &path)
        : m_name(QStringLiteral("strata-backup-catalog-%1").arg(s_counter.fetchAndAddRelaxed(1)))
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        if (!db.open()) {
            m_error = Error(Error::Kind::Io,
                QStringLiteral("Could not open the backup catalog %1: %2")
                    .arg(path, db.lastError().text()),
                QStringLiteral("Check that the folder is writable."));
            return;
        }
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral(
                "CREATE TABLE IF NOT EXISTS backups (id INTEGER PRIMARY KEY, path TEXT NOT NULL, "
                "database TEXT, server_version TEXT, format TEXT, started TEXT, duration_ms "
                "INTEGER, size INTEGER, sha256 TEXT, manifest TEXT)")))
            m_error = Error(Error::Kind::Io,
                QStringLiteral("The backup catalog %1 cannot be used: %2")
                    .arg(path, q.lastError().text()));
    }
    ~CatalogConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    const Error &error() const { return m_error; }

private:
    QString m_name;
    Error m_error;
};

} // namespace

QString BackupCatalog::defaultPath()
{
    const QString env = qEnvironmentVariable("STRATA_BACKUP_CATALOG");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/backups.sqlite");
}

BackupCatalog::BackupCatalog(QString path) : m_path(std::move(path)) { }

Status BackupCatalog::record(const BackupManifest &m)
{
    CatalogConnection c(m_path);
    if (c.error().isError())
        return c.error();
    QSqlQuery q(c.db());
    q.prepare(
        QStringLiteral("INSERT INTO backups (path, database, server_version, format, started, "
                       "duration_ms, size, sha256, manifest) VALUES (?,?,?,?,?,?,?,?,?)"));
    q.addBindValue(QFileInfo(m.path).absoluteFilePath());
    q.addBindValue(m.database);
    q.addBindValue(m.serverVersion);
    q.addBindValue(m.format);
    q.addBindValue(m.started.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(m.durationMs);
    q.addBindValue(m.size);
    q.addBindValue(m.sha256);
    q.addBindValue(BackupManifest::manifestPath(QFileInfo(m.path).absoluteFilePath()));
    if (!q.exec())
        return Error(Error::Kind::Io,
            QStringLiteral("Could not record the backup in %1: %2")
                .arg(m_path, q.lastError().text()));
    return Ok {};
}

Result<QList<BackupRecord>> BackupCatalog::list() const
{
    CatalogConnection c(m_path);
    if (c.error().isError())
        return c.error();
    QSqlQuery q(c.db());
    if (!q.exec(QStringLiteral("SELECT id, path, database, server_version, format, started, "
                               "duration_ms, size, sha256 FROM backups ORDER BY id DESC")))
        return Error(Error::Kind::Io, q.lastError().text());
    QList<BackupRecord> out;
    while (q.next()) {
        BackupRecord r;
        r.id = q.value(0).toLongLong();
        r.path = q.value(1).toString();
        r.database = q.value(2).toString();
        r.serverVersion = q.value(3).toString();
        r.format = q.value(4).toString();
        r.started = QDateTime::fromString(q.value(5).toString(), Qt::ISODateWithMs);
        r.durationMs = q.value(6).toLongLong();
        r.size = q.value(7).toLongLong();
        r.sha256 = q.value(8).toString();
        out << r;
    }
    return out;
}

} // namespace strata::core
