#include "migrationsservice.h"

#include "db/connection.h"
#include "db/session.h"
#include "migrations/folderreader.h"
#include "util/async.h"

namespace strata::core {

MigrationsService::MigrationsService(std::shared_ptr<const Connection> connection)
    : m_connection(std::move(connection))
{
}

// A run still going is cancelled by its session's destructor, from a thread of its own.
MigrationsService::~MigrationsService() = default;

QFuture<Result<MigrationOverview>> MigrationsService::inspect(const QString &folderDir) const
{
    return m_connection->browseSession()->run(
        [folderDir](SessionContext &ctx) { return MigrationInspector::inspect(ctx, folderDir); });
}

QFuture<Result<RunReport>> MigrationsService::plan(
    const MigrationFolder &folder, const RunOptions &options) const
{
    return m_connection->browseSession()->run([folder, options](SessionContext &ctx) {
        RunOptions dry = options;
        dry.dryRun = true;
        return SqlMigrationRunner::plan(ctx, folder, dry);
    });
}

QFuture<RunReport> MigrationsService::apply(
    const MigrationFolder &folder, const RunOptions &options)
{
    // A session of its own per run: read-write, no statement timeout, and closed when the next
    // run replaces it or the service goes.
    m_runSession = m_connection->newSession(SessionRole::Migrations);
    return m_runSession->runWithPromise<RunReport>(
        [folder, options](QPromise<RunReport> &p, SessionContext &ctx) {
            p.addResult(SqlMigrationRunner::run(p, ctx, folder, options));
        },
        [](const Error &e) {
            RunReport r;
            r.failed = true;
            r.error = e;
            return r;
        });
}

void MigrationsService::cancelApply()
{
    if (m_runSession)
        m_runSession->cancel();
}

QFuture<QString> MigrationsService::readFile(const QString &path, int maxChars)
{
    return asyncRun<QString>(Pool::Io, [path, maxChars](QPromise<QString> &p) {
        QString error;
        QString text = FolderReader::readText(path, &error);
        if (text.size() > maxChars)
            text = text.left(maxChars) + QStringLiteral("\n… (shortened)");
        p.addResult(error.isEmpty() ? text : error);
    });
}

} // namespace strata::core
