#include "backuprecorder.h"

#include "jobs/archivefollower.h"
#include "jobs/backupcatalog.h"
#include "jobs/backupmanifest.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonObject>
#include <QSet>

namespace strata::core {

BackupRecorder::BackupRecorder(
    QString catalogPath, ConnectionProfile profile, BackupOptions options, BackupOrigin origin)
    : m_catalogPath(std::move(catalogPath)), m_profile(std::move(profile)),
      m_options(std::move(options)), m_origin(std::move(origin)),
      m_started(QDateTime::currentDateTimeUtc())
{
}

BackupRecorder::~BackupRecorder() = default;

void BackupRecorder::follow(const QString &archivePath)
{
    if (m_options.schemaOnly)
        return; // no rows to count
    m_follower = std::make_unique<ArchiveFollower>(
        archivePath, BackupOptions::archiveFormat(m_options.format));
}

QJsonArray BackupRecorder::withRowCounts(const QJsonArray &objects)
{
    if (!m_follower)
        return objects;
    if (!m_counts) {
        QElapsedTimer waited;
        waited.start();
        m_counts = m_follower->finish();
        m_countWaitMs = waited.elapsed();
        m_follower.reset();
    }
    if (!m_counts->ok())
        return objects;
    QJsonArray out = backuphistory::withRowCounts(objects, m_counts->value());
    QSet<QPair<QString, QString>> listed;
    for (const auto &v : objects)
        listed.insert({ v.toObject().value(QStringLiteral("schema")).toString(),
            v.toObject().value(QStringLiteral("name")).toString() });
    for (const TableRowCount &t : m_counts->value())
        if (t.rows >= 0 && !listed.contains({ t.schema, t.name }))
            out.append(QJsonObject { { QStringLiteral("schema"), t.schema },
                { QStringLiteral("name"), t.name }, { QStringLiteral("rows"), double(t.rows) } });
    return out;
}

QStringList BackupRecorder::written(const BackupManifest &m, const QStringList &log)
{
    QStringList warnings;
    if (m_counts && !m_counts->ok())
        warnings << QStringLiteral("note: the rows were not counted (%1); a restore test will "
                                   "count them in the archive")
                        .arg(m_counts->error().message);
    if (m_catalogPath.isEmpty())
        return warnings;
    BackupRun run = BackupRun::fromManifest(m, m_origin);
    run.server = backuphistory::serverLabel(m_profile);
    run.log = log.join(u'\n');
    if (m_counts && m_counts->ok()) {
        run.tables = m_counts->value();
        run.countsSource = QStringLiteral("dump");
    }
    if (auto r = BackupCatalog(m_catalogPath).recordRun(run); !r)
        warnings << QStringLiteral("warning: ") + r.error().toString();
    return warnings;
}

QStringList BackupRecorder::failed(const Error &error, const QStringList &log)
{
    m_follower.reset();
    if (m_catalogPath.isEmpty())
        return {};
    BackupRun run;
    run.path = m_options.outputPath.isEmpty() ? QString()
                                              : QFileInfo(m_options.outputPath).absoluteFilePath();
    run.server = backuphistory::serverLabel(m_profile);
    run.database = m_profile.database;
    run.format = BackupOptions::formatName(m_options.format);
    run.options = m_options.toJson();
    run.started = m_started;
    run.durationMs = m_started.msecsTo(QDateTime::currentDateTimeUtc());
    run.origin = m_origin;
    run.outcome
        = error.kind == Error::Kind::Canceled ? BackupOutcome::Cancelled : BackupOutcome::Failed;
    run.error = error.message;
    run.log = log.join(u'\n');
    if (auto r = BackupCatalog(m_catalogPath).recordRun(run); !r)
        return { QStringLiteral("warning: ") + r.error().toString() };
    return {};
}

} // namespace strata::core
