#include "overviewservice.h"

#include "db/connection.h"
#include "db/session.h"
#include "jobs/backupcatalog.h"
#include "overview/overviewreader.h"
#include "util/async.h"

namespace strata::core {

OverviewService::OverviewService(std::shared_ptr<const Connection> connection)
    : m_connection(std::move(connection))
{
}

QFuture<Result<ServerSummary>> OverviewService::server() const
{
    return m_connection->browseSession()->run(
        [](SessionContext &ctx) { return OverviewReader::server(ctx); });
}

QFuture<Result<QList<DatabaseSummary>>> OverviewService::databases() const
{
    return m_connection->browseSession()->run(
        [](SessionContext &ctx) { return OverviewReader::databases(ctx); });
}

QFuture<Result<QList<SchemaSize>>> OverviewService::schemaSizes(int limit) const
{
    return m_connection->browseSession()->run(
        [limit](SessionContext &ctx) { return OverviewReader::schemaSizes(ctx, limit); });
}

QFuture<Result<QList<HealthWarning>>> OverviewService::health() const
{
    return m_connection->browseSession()->run(
        [](SessionContext &ctx) { return OverviewReader::health(ctx); });
}

QFuture<Result<QList<BackupEntry>>> OverviewService::recentBackups(
    int limit, const QString &catalogPath) const
{
    using R = Result<QList<BackupEntry>>;
    const QString server = backuphistory::serverLabel(m_connection->profile());
    const QString path = catalogPath.isEmpty() ? BackupCatalog::defaultPath() : catalogPath;
    return asyncRun<R>(Pool::Io, [server, path, limit](QPromise<R> &p) {
        R all = BackupCatalog(path).list();
        if (!all)
            p.addResult(all.error());
        else
            p.addResult(OverviewReader::recentBackups(all.value(), server, limit));
    });
}

} // namespace strata::core
