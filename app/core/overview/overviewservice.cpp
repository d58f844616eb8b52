#include "overviewservice.h"

#include "db/connection.h"
#include "db/session.h"
#include "overview/overviewreader.h"

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

} // namespace strata::core
