#include "scheduledbackups.h"

#include "jobs/backupjob.h"
#include "jobs/backupmanifest.h"

#include <QDir>
#include <QFileInfo>

namespace strata::core {

int PruneReport::deleted() const
{
    int n = 0;
    for (const PruneEntry &e : entries)
        n += !e.keep && e.problem.isEmpty() ? 1 : 0;
    return n;
}

namespace scheduledbackups {

Result<std::shared_ptr<BackupJob>> makeJob(
    const BackupSchedule &s, const QString &password, const QString &catalogPath)
{
    QString inlinePassword;
    auto profile = ConnectionProfile::fromConnInfo(s.conninfo, &inlinePassword);
    if (!profile)
        return profile.error();
    if (!QDir().mkpath(s.outputDir))
        return Error(Error::Kind::Io, QStringLiteral("Could not create %1.").arg(s.outputDir),
            QStringLiteral("Check the schedule's folder and its permissions."));
    BackupOptions o = s.options;
    o.outputPath = s.outputPathAt(s.database(), QDateTime::currentDateTime());
    auto job = std::make_shared<BackupJob>(profile.value(), password, o);
    job->setCatalogPath(catalogPath);
    job->setOrigin(BackupOrigin::schedule(s.name));
    return job;
}

Status removeBackupFiles(const QString &path)
{
    const QFileInfo fi(path);
    bool ok = true;
    if (fi.isDir())
        ok = QDir(path).removeRecursively();
    else if (fi.exists())
        ok = QFile::remove(path);
    const QString manifest = BackupManifest::manifestPath(path);
    if (QFile::exists(manifest))
        ok = QFile::remove(manifest) && ok;
    if (!ok)
        return Error(Error::Kind::Io, QStringLiteral("Could not delete %1.").arg(path),
            QStringLiteral("Check the folder's permissions."));
    return Ok {};
}

Result<PruneReport> prune(const QString &catalogPath, const BackupSchedule &s, bool dryRun)
{
    BackupCatalog catalog(catalogPath);
    auto all = catalog.list();
    if (!all)
        return all.error();
    QList<RetentionCandidate> candidates;
    QHash<qint64, QString> paths;
    for (const BackupEntry &e : all.value()) {
        if (!e.origin.scheduled || e.origin.name != s.name || e.outcome != BackupOutcome::Written
            || e.isDeleted())
            continue;
        candidates << RetentionCandidate { e.id, e.started, e.passedRestoreTest() };
        paths.insert(e.id, e.path);
    }
    PruneReport report;
    report.schedule = s.name;
    report.policy = s.retention;
    report.dryRun = dryRun;
    const QString reason
        = QStringLiteral("retention of schedule %1 (%2)").arg(s.name, s.retention.describe());
    for (const RetentionDecision &d : retention::decide(candidates, s.retention)) {
        PruneEntry e { d.id, paths.value(d.id), d.started, d.keep, d.reasons, {} };
        if (!d.keep && !dryRun) {
            if (auto r = removeBackupFiles(e.path); !r)
                e.problem = r.error().message;
            else if (auto m = catalog.markDeleted(e.id, reason); !m)
                e.problem = m.error().message;
        }
        report.entries << e;
    }
    return report;
}

void recordFailedStart(const QString &catalogPath, const QString &schedule, const Error &error)
{
    BackupRun run;
    run.origin = BackupOrigin::schedule(schedule);
    run.outcome = BackupOutcome::Failed;
    run.started = QDateTime::currentDateTimeUtc();
    run.error = error.message;
    run.log = error.toString();
    BackupCatalog(catalogPath).recordRun(run);
}

} // namespace scheduledbackups
} // namespace strata::core
