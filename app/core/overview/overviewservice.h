#pragma once

#include "jobs/backuphistory.h"
#include "overview/overviewtypes.h"
#include "result.h"
#include "stats/statssnapshot.h"

#include <QFuture>

#include <memory>

namespace strata::core {

class Connection;

// The overview's asynchronous front: each call returns at once; the reads run in order on the
// connection's browsing session (OverviewReader).
class OverviewService
{
public:
    explicit OverviewService(std::shared_ptr<const Connection> connection);

    QFuture<Result<ServerSummary>> server() const;
    QFuture<Result<QList<DatabaseSummary>>> databases() const;
    QFuture<Result<QList<SchemaSize>>> schemaSizes(int limit) const;
    QFuture<Result<QList<HealthWarning>>> health() const;
    // This server's newest backups from the backup history (a catalog on this machine).
    QFuture<Result<QList<BackupEntry>>> recentBackups(
        int limit, const QString &catalogPath = {}) const;

private:
    std::shared_ptr<const Connection> m_connection;
};

} // namespace strata::core
