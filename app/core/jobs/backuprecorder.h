#pragma once

#include "db/connectionprofile.h"
#include "jobs/backuphistory.h"
#include "jobs/backupoptions.h"
#include "result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QStringList>

#include <memory>

namespace strata::core {

class ArchiveFollower;
struct BackupManifest;

// What a backup job leaves besides its file: the row count of every table in the archive
// (counted while pg_dump writes it, see ArchiveFollower) and an entry in the backup history for
// every run, written, failed or cancelled, with its log. A BackupJob makes one per run.
class BackupRecorder
{
public:
    // catalogPath empty: nothing is recorded (the counts still go into the manifest).
    BackupRecorder(
        QString catalogPath, ConnectionProfile profile, BackupOptions options, BackupOrigin origin);
    ~BackupRecorder();
    BackupRecorder(const BackupRecorder &) = delete;
    BackupRecorder &operator=(const BackupRecorder &) = delete;

    // pg_dump is about to write the archive at this (temporary) path: follow it.
    void follow(const QString &archivePath);
    // The manifest's objects with each table's "rows", once the follower has read the end of
    // the archive; tables the plan did not list are added.
    QJsonArray withRowCounts(const QJsonArray &objects);
    // How long withRowCounts waited for the follower after pg_dump had ended.
    qint64 countWaitMs() const { return m_countWaitMs; }

    // The run ended. Each returns warnings for the job's notes (the history could not be
    // written, the rows could not be counted); a failure to record never fails the backup.
    QStringList written(const BackupManifest &manifest, const QStringList &log);
    QStringList failed(const Error &error, const QStringList &log);

private:
    QString m_catalogPath;
    ConnectionProfile m_profile;
    BackupOptions m_options;
    BackupOrigin m_origin;
    QDateTime m_started;
    std::unique_ptr<ArchiveFollower> m_follower;
    std::optional<Result<QList<TableRowCount>>> m_counts;
    qint64 m_countWaitMs = 0;
};

} // namespace strata::core
