#pragma once

#include "jobs/backupcatalog.h"
#include "result.h"

#include <QFuture>

#include <memory>

namespace strata::core {

class Connection;
class RestoreTestJob;
struct ConnectionProfile;

// The backup history for the window (BackupCatalog is the synchronous reader; this is its
// asynchronous front): every call returns at once, the work runs on the Io or Cpu pool.
class BackupHistoryService
{
public:
    explicit BackupHistoryService(QString catalogPath = BackupCatalog::defaultPath());
    QString catalogPath() const { return m_catalogPath; }

    QFuture<Result<QList<BackupEntry>>> list() const;
    QFuture<Result<QList<TableRowCount>>> tableCounts(qint64 id) const;
    QFuture<Result<QList<RestoreTestRecord>>> restoreTests(qint64 id) const;
    // Re-hashes the backup against the SHA-256 recorded when it was written and records the
    // result; the entry as it is now. Cancel the future to stop reading.
    QFuture<Result<BackupEntry>> verify(qint64 id) const;
    // Removes the entry; the file stays.
    QFuture<Status> forget(qint64 id) const;
    // Deletes the file (and its manifest), then the entry.
    QFuture<Status> remove(qint64 id) const;
    // Records the archives of a folder the history does not hold; skipped ones in the error's
    // detail when nothing could be added.
    QFuture<Result<QList<qint64>>> addFolder(const QString &folder) const;
    // Scheduled runs that failed and nobody was told about; they are marked told.
    QFuture<Result<QList<BackupEntry>>> takeUnnotifiedFailures() const;

    // A restore test of an entry on the server of an open connection, or on another server by
    // profile. The job is made, not started.
    std::shared_ptr<RestoreTestJob> restoreTestJob(
        const BackupEntry &entry, const Connection &on) const;
    std::shared_ptr<RestoreTestJob> restoreTestJob(
        const BackupEntry &entry, const ConnectionProfile &target, const QString &secret) const;

private:
    QString m_catalogPath;
};

} // namespace strata::core
