#include "scheduleservice.h"

#include "db/connection.h"
#include "jobs/backupjob.h"
#include "util/async.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace strata::core {

ScheduleService::ScheduleService(QString catalogPath, QString cliPath)
    : m_catalogPath(std::move(catalogPath)), m_cliPath(std::move(cliPath))
{
}

QFuture<Result<QList<ScheduleInfo>>> ScheduleService::list() const
{
    using R = Result<QList<ScheduleInfo>>;
    const QString path = m_catalogPath;
    return asyncRun<R>(Pool::Io, [path](QPromise<R> &p) {
        auto all = backupschedule::list(path);
        auto last = backupschedule::lastRuns(path);
        if (!all || !last) {
            p.addResult(all ? last.error() : all.error());
            return;
        }
        QList<ScheduleInfo> out;
        for (const BackupSchedule &s : all.value()) {
            ScheduleInfo info { s, std::nullopt, {}, false };
            if (last->contains(s.name))
                info.lastRun = last->value(s.name);
            if (auto next = systemdunits::checkCalendar(s.every))
                info.nextRun = next.value();
            info.unitsWritten = QFile::exists(
                QDir(systemdunits::unitFolder()).filePath(systemdunits::timerName(s.name)));
            out << info;
        }
        p.addResult(out);
    });
}

QFuture<Result<systemdunits::Installed>> ScheduleService::add(const BackupSchedule &s) const
{
    using R = Result<systemdunits::Installed>;
    const QString path = m_catalogPath, cli = m_cliPath;
    return asyncRun<R>(Pool::Io, [path, cli, s](QPromise<R> &p) {
        if (auto v = s.validate(); !v) {
            p.addResult(v.error());
            return;
        }
        if (auto c = systemdunits::checkCalendar(s.every); !c) {
            p.addResult(c.error());
            return;
        }
        if (backupschedule::find(path, s.name)) {
            p.addResult(Error(Error::Kind::InvalidInput,
                QStringLiteral("A schedule \"%1\" exists already.").arg(s.name),
                QStringLiteral("Choose another name, or remove it first.")));
            return;
        }
        if (auto w = backupschedule::save(path, s); !w) {
            p.addResult(w.error());
            return;
        }
        auto installed = systemdunits::install(s, cli, path);
        if (!installed)
            backupschedule::remove(path, s.name);
        p.addResult(installed);
    });
}

QFuture<Result<QString>> ScheduleService::remove(const QString &name) const
{
    using R = Result<QString>;
    const QString path = m_catalogPath;
    return asyncRun<R>(Pool::Io, [path, name](QPromise<R> &p) {
        auto removed = systemdunits::uninstall(name);
        if (removed)
            backupschedule::remove(path, name);
        p.addResult(removed);
    });
}

QFuture<Result<PruneReport>> ScheduleService::prune(const BackupSchedule &s, bool dryRun) const
{
    using R = Result<PruneReport>;
    const QString path = m_catalogPath;
    return asyncRun<R>(Pool::Io, [path, s, dryRun](QPromise<R> &p) {
        p.addResult(scheduledbackups::prune(path, s, dryRun));
    });
}

Result<std::shared_ptr<BackupJob>> ScheduleService::runNowJob(
    const BackupSchedule &s, const std::shared_ptr<const Connection> &connection) const
{
    QString secret;
    if (connection && !s.profileId.isEmpty() && connection->profile().id == s.profileId)
        secret = connection->secretForTools();
    return scheduledbackups::makeJob(s, secret, m_catalogPath);
}

BackupSchedule ScheduleService::proposal(const Connection &connection, const QString &folder)
{
    BackupSchedule s;
    const ConnectionProfile &p = connection.profile();
    s.name = (p.database.isEmpty() ? QStringLiteral("backup") : p.database)
        + QStringLiteral("-nightly");
    s.name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]")), QStringLiteral("_"));
    s.conninfo = p.toConnInfo();
    s.profileId = p.id;
    s.outputDir = folder;
    s.every = backupschedule::calendarFor(QStringLiteral("daily"));
    s.retention.keepDaily = 7;
    s.retention.keepWeekly = 4;
    return s;
}

} // namespace strata::core
