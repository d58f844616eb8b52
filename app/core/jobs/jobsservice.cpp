#include "jobsservice.h"

#include "db/connection.h"
#include "db/session.h"
#include "jobs/archiveinspector.h"
#include "jobs/backupjob.h"
#include "jobs/backupmanifest.h"
#include "jobs/restorejob.h"
#include "util/async.h"

namespace strata::core {

JobsService::JobsService(std::shared_ptr<const Connection> connection)
    : m_connection(std::move(connection))
{
}

std::shared_ptr<BackupJob> JobsService::backupJob(const BackupOptions &options) const
{
    return std::make_shared<BackupJob>(
        m_connection->profile(), m_connection->secretForTools(), options);
}

std::shared_ptr<RestoreJob> JobsService::restoreJob(const RestoreOptions &options) const
{
    return std::make_shared<RestoreJob>(
        m_connection->profile(), m_connection->secretForTools(), options);
}

QFuture<Result<QList<TableRef>>> JobsService::resolveTables(
    const QStringList &names, bool withDependencies) const
{
    return m_connection->browseSession()->run(
        [names, withDependencies](SessionContext &ctx) -> Result<QList<TableRef>> {
            auto r = backupplanner::resolveTables(ctx, names);
            if (!r || !withDependencies)
                return r;
            return backupplanner::foreignKeyClosure(ctx, r.value());
        });
}

QFuture<Result<ToolInfo>> JobsService::locateDumpTool() const
{
    const ConnectionProfile profile = m_connection->profile();
    const int major = m_connection->serverMajor();
    return asyncRun<Result<ToolInfo>>(Pool::Io, [profile, major](QPromise<Result<ToolInfo>> &p) {
        p.addResult(ToolLocator(profile).locate(QStringLiteral("pg_dump"), major,
            QStringLiteral("dump a PostgreSQL %1 server").arg(major)));
    });
}

QFuture<ArchiveSummary> JobsService::readArchive(const QString &path) const
{
    const ConnectionProfile profile = m_connection->profile();
    return asyncRun<ArchiveSummary>(Pool::Io, [profile, path](QPromise<ArchiveSummary> &p) {
        ArchiveSummary s;
        const auto manifest = BackupManifest::read(path);
        s.hasChecksum = manifest && !manifest->digest.isEmpty();
        s.toc = ArchiveInspector(ToolLocator(profile)).readToc(path);
        p.addResult(std::move(s));
    });
}

QFuture<std::optional<Status>> JobsService::checkArchive(const QString &path)
{
    using R = std::optional<Status>;
    return asyncRun<R>(Pool::Cpu, [path](QPromise<R> &p) {
        auto checked = ArchiveInspector::checkManifest(path, [&p] { return p.isCanceled(); });
        if (!p.isCanceled())
            p.addResult(std::move(checked));
    });
}

QFuture<Result<bool>> JobsService::databaseExists(const QString &name) const
{
    return m_connection->browseSession()->run([name](SessionContext &ctx) -> Result<bool> {
        auto r = ctx.exec(QStringLiteral("jobs/database_exists"), { name });
        if (!r)
            return r.error();
        return r->toLongLong(0, "databases") > 0;
    });
}

QFuture<Result<qint64>> JobsService::userTableCount() const
{
    return m_connection->browseSession()->run([](SessionContext &ctx) -> Result<qint64> {
        auto r = ctx.exec(QStringLiteral("jobs/user_table_count"));
        if (!r)
            return r.error();
        return r->toLongLong(0, "tables");
    });
}

} // namespace strata::core
