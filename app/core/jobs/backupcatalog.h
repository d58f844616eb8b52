#pragma once

#include "jobs/backupmanifest.h"
#include "result.h"

#include <QList>
#include <QString>

namespace strata::core {

struct BackupRecord
{
    qint64 id = 0;
    QString path;
    QString database;
    QString serverVersion;
    QString format;
    QDateTime started;
    qint64 durationMs = 0;
    qint64 size = 0;
    QString sha256;
};

// The local list of backups Strata made (SQLite through QSqlDatabase "QSQLITE"), in the app data
// folder. Only finished, renamed, hashed backups are recorded. Every call opens its own
// connection on the calling thread, so any worker may use it.
class BackupCatalog
{
public:
    // The default file, or $STRATA_BACKUP_CATALOG when set (tests, scripts).
    static QString defaultPath();
    explicit BackupCatalog(QString path = defaultPath());

    Status record(const BackupManifest &manifest);
    Result<QList<BackupRecord>> list() const;
    QString path() const { return m_path; }

private:
    QString m_path;
};

} // namespace strata::core
