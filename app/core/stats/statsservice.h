#pragma once

#include "stats/statsactions.h"
#include "stats/statscollector.h"
#include "stats/statssnapshot.h"

#include <QFuture>

#include <memory>

namespace strata::core {

class Connection;
class Session;

// The statistics dashboard's asynchronous front. It reads through two sessions of its own (a
// full refresh and the live samples, so neither waits for the other) and acts through a third,
// read-write one, opened when first needed. Dropping the service closes them off the caller's
// thread.
class StatsService
{
public:
    explicit StatsService(std::shared_ptr<const Connection> connection);
    ~StatsService();
    StatsService(const StatsService &) = delete;
    StatsService &operator=(const StatsService &) = delete;

    QFuture<Result<StatsSnapshot>> collect(const StatsCollector::Options &options);
    QFuture<Result<ActivitySample>> sample();

    // True when the server sent the signal (false: no such backend, or not allowed).
    QFuture<Result<bool>> signalBackend(int pid, bool terminate);

    // A maintenance statement (VACUUM, ANALYZE, REFRESH) on the read-write session. Its backend
    // pid is known from maintenancePid() (asked first, it runs before the statement), so that
    // progress() can follow it from the sampling session.
    QFuture<Result<int>> maintenancePid();
    QFuture<Status> runMaintenance(
        statsactions::Maintenance what, const QString &schema, const QString &name);
    QFuture<Result<statsactions::Progress>> progress(statsactions::Maintenance what, int pid);
    // Cancels the running maintenance statement; it then ends with a Canceled error.
    void cancelMaintenance();

    // The statement as it will run, for the confirmation ("VACUUM (ANALYZE) public."Orders"").
    static QString statementFor(
        statsactions::Maintenance what, const QString &schema, const QString &name);

private:
    std::shared_ptr<Session> maintenanceSession();

    std::shared_ptr<const Connection> m_connection;
    std::shared_ptr<Session> m_collector;
    std::shared_ptr<Session> m_sampler;
    std::shared_ptr<Session> m_maintenance;
};

} // namespace strata::core
