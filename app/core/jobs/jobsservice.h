#pragma once

#include "jobs/archivetoc.h"
#include "jobs/backupoptions.h"
#include "jobs/backupplanner.h"
#include "jobs/restoreoptions.h"
#include "jobs/toollocator.h"
#include "result.h"

#include <QFuture>

#include <memory>
#include <optional>

namespace strata::core {

class BackupJob;
class Connection;
class RestoreJob;

// What an archive is, read off the GUI thread for the restore dialog.
struct ArchiveSummary
{
    Result<ArchiveToc> toc = Error(Error::Kind::Internal, QStringLiteral("not read"));
    bool hasChecksum = false; // a manifest with a SHA-256 stands beside it
};

// Backups and restores of one connection: the jobs themselves (which reach the server the way
// the connection does, the password through a temporary password file) and the reads their
// dialogs need. Every call returns at once.
class JobsService
{
public:
    explicit JobsService(std::shared_ptr<const Connection> connection);

    std::shared_ptr<BackupJob> backupJob(const BackupOptions &options) const;
    std::shared_ptr<RestoreJob> restoreJob(const RestoreOptions &options) const;

    // The chosen tables resolved against the catalog, with the tables they reference by
    // foreign key when withDependencies (marked addedByClosure).
    QFuture<Result<QList<TableRef>>> resolveTables(
        const QStringList &names, bool withDependencies) const;
    // The pg_dump a backup of this server would use, or why there is none.
    QFuture<Result<ToolInfo>> locateDumpTool() const;
    // The archive's table of contents (pg_restore --list), and whether it has a checksum.
    QFuture<ArchiveSummary> readArchive(const QString &path) const;
    // The archive's SHA-256 against its manifest: no result when there is no manifest; cancel
    // the future to stop reading.
    static QFuture<std::optional<Status>> checkArchive(const QString &path);
    // How many user tables the connected database has (the restore guard).
    QFuture<Result<qint64>> userTableCount() const;
    // Whether the server has a database of this name (a restore's target, checked as typed).
    QFuture<Result<bool>> databaseExists(const QString &name) const;

private:
    std::shared_ptr<const Connection> m_connection;
};

} // namespace strata::core
