#include "backuphistoryservice.h"

#include "db/connection.h"
#include "jobs/backupmanifest.h"
#include "jobs/foundbackups.h"
#include "jobs/restoretestjob.h"
#include "jobs/scheduledbackups.h"
#include "util/async.h"

#include <QFileInfo>

namespace strata::core {

namespace {

template <typename T, typename F> QFuture<T> onIo(F fn)
{
    return asyncRun<T>(Pool::Io, [fn = std::move(fn)](QPromise<T> &p) { p.addResult(fn(p)); });
}

} // namespace

BackupHistoryService::BackupHistoryService(QString catalogPath)
    : m_catalogPath(std::move(catalogPath))
{
}

QFuture<Result<QList<BackupEntry>>> BackupHistoryService::list() const
{
    const QString path = m_catalogPath;
    return onIo<Result<QList<BackupEntry>>>([path](auto &) { return BackupCatalog(path).list(); });
}

QFuture<Result<QList<TableRowCount>>> BackupHistoryService::tableCounts(qint64 id) const
{
    const QString path = m_catalogPath;
    return onIo<Result<QList<TableRowCount>>>(
        [path, id](auto &) { return BackupCatalog(path).tableCounts(id); });
}

QFuture<Result<QList<RestoreTestRecord>>> BackupHistoryService::restoreTests(qint64 id) const
{
    const QString path = m_catalogPath;
    return onIo<Result<QList<RestoreTestRecord>>>(
        [path, id](auto &) { return BackupCatalog(path).restoreTests(id); });
}

QFuture<Result<BackupEntry>> BackupHistoryService::verify(qint64 id) const
{
    using R = Result<BackupEntry>;
    const QString path = m_catalogPath;
    return asyncRun<R>(Pool::Cpu, [path, id](QPromise<R> &p) {
        BackupCatalog catalog(path);
        auto e = catalog.entry(id);
        if (!e) {
            p.addResult(e.error());
            return;
        }
        QString message;
        bool ok = false;
        if (!QFileInfo::exists(e->path)) {
            message = QStringLiteral("%1 is missing").arg(e->path);
        } else {
            auto checked
                = backuphistory::checkRecorded(e->path, e->sha256, [&p] { return p.isCanceled(); });
            if (!checked && checked.error().kind == Error::Kind::Canceled)
                return;
            ok = checked.ok();
            if (!ok)
                message = checked.error().message;
        }
        if (ok)
            message = QStringLiteral("SHA-256 matches the one recorded at backup time");
        if (auto r = catalog.recordVerification(id, ok, message); !r) {
            p.addResult(r.error());
            return;
        }
        p.addResult(catalog.entry(id));
    });
}

QFuture<Status> BackupHistoryService::forget(qint64 id) const
{
    const QString path = m_catalogPath;
    return onIo<Status>([path, id](auto &) { return BackupCatalog(path).forget(id); });
}

QFuture<Status> BackupHistoryService::remove(qint64 id) const
{
    const QString path = m_catalogPath;
    return onIo<Status>([path, id](auto &) -> Status {
        BackupCatalog catalog(path);
        auto e = catalog.entry(id);
        if (!e)
            return e.error();
        if (e->isBackup() && !e->isDeleted() && !e->path.isEmpty()) {
            if (auto r = scheduledbackups::removeBackupFiles(e->path); !r)
                return r;
        }
        return catalog.forget(id);
    });
}

QFuture<Result<QList<qint64>>> BackupHistoryService::addFolder(const QString &folder) const
{
    const QString path = m_catalogPath;
    return onIo<Result<QList<qint64>>>([path, folder](auto &p) -> Result<QList<qint64>> {
        BackupCatalog catalog(path);
        QStringList skipped;
        auto added = foundbackups::addFolder(catalog, folder, ToolLocator(ConnectionProfile {}),
            &skipped, [&p] { return p.isCanceled(); });
        if (added && added->isEmpty() && !skipped.isEmpty()) {
            Error e(Error::Kind::InvalidInput,
                QStringLiteral("No archive in %1 could be read.").arg(folder));
            e.detail = skipped.join(u'\n');
            return e;
        }
        return added;
    });
}

QFuture<Result<QList<BackupEntry>>> BackupHistoryService::takeUnnotifiedFailures() const
{
    const QString path = m_catalogPath;
    return onIo<Result<QList<BackupEntry>>>([path](auto &) -> Result<QList<BackupEntry>> {
        BackupCatalog catalog(path);
        auto failures = catalog.unnotifiedFailures();
        if (!failures)
            return failures;
        QList<qint64> ids;
        for (const BackupEntry &e : failures.value())
            ids << e.id;
        if (ids.isEmpty())
            return failures;
        if (auto m = catalog.markNotified(ids); !m)
            return m.error();
        return failures;
    });
}

std::shared_ptr<RestoreTestJob> BackupHistoryService::restoreTestJob(
    const BackupEntry &entry, const Connection &on) const
{
    // CREATE DATABASE runs from the connection's own database: a role that may not connect to
    // "postgres" can still make the throwaway one.
    return restoreTestJob(entry, on.profile(), on.secretForTools());
}

std::shared_ptr<RestoreTestJob> BackupHistoryService::restoreTestJob(
    const BackupEntry &entry, const ConnectionProfile &target, const QString &secret) const
{
    RestoreTestOptions o;
    o.archivePath = entry.path;
    o.backupId = entry.id;
    o.catalogPath = m_catalogPath;
    return std::make_shared<RestoreTestJob>(target, secret, o);
}

} // namespace strata::core
