#include "statsservice.h"

#include "db/connection.h"
#include "db/session.h"

namespace strata::core {

StatsService::StatsService(std::shared_ptr<const Connection> connection)
    : m_connection(std::move(connection)),
      m_collector(m_connection->newSession(SessionRole::Statistics)),
      m_sampler(m_connection->newSession(SessionRole::Sampler))
{
}

// Each Session's destructor closes its connection on its own thread and never waits here.
StatsService::~StatsService() = default;

QFuture<Result<StatsSnapshot>> StatsService::collect(const StatsCollector::Options &options)
{
    const StatsCollector collector(options);
    return m_collector->run([collector](SessionContext &ctx) -> Result<StatsSnapshot> {
        return collector.collect(ctx);
    });
}

QFuture<Result<ActivitySample>> StatsService::sample()
{
    return m_sampler->run([](SessionContext &ctx) { return StatsCollector::sample(ctx); });
}

std::shared_ptr<Session> StatsService::maintenanceSession()
{
    if (!m_maintenance)
        m_maintenance = m_connection->newSession(SessionRole::Maintenance);
    return m_maintenance;
}

QFuture<Result<bool>> StatsService::signalBackend(int pid, bool terminate)
{
    return maintenanceSession()->run([pid, terminate](SessionContext &ctx) {
        return terminate ? statsactions::terminateBackend(ctx, pid)
                         : statsactions::cancelBackend(ctx, pid);
    });
}

QFuture<Result<int>> StatsService::maintenancePid()
{
    return maintenanceSession()->run(
        [](SessionContext &ctx) { return statsactions::backendPid(ctx); });
}

QFuture<Status> StatsService::runMaintenance(
    statsactions::Maintenance what, const QString &schema, const QString &name)
{
    return maintenanceSession()->run([what, schema, name](SessionContext &ctx) {
        return statsactions::runMaintenance(ctx, what, schema, name);
    });
}

QFuture<Result<statsactions::Progress>> StatsService::progress(
    statsactions::Maintenance what, int pid)
{
    return m_sampler->run(
        [what, pid](SessionContext &ctx) { return statsactions::progress(ctx, what, pid); });
}

void StatsService::cancelMaintenance()
{
    if (m_maintenance)
        m_maintenance->cancel();
}

QString StatsService::statementFor(
    statsactions::Maintenance what, const QString &schema, const QString &name)
{
    return statsactions::statementFor(nullptr, what, schema, name);
}

} // namespace strata::core
