#pragma once

#include "db/connectionprofile.h"
#include "db/serverinfo.h"
#include "jobs/backupoptions.h"
#include "jobs/backupplanner.h"
#include "jobs/backuprecorder.h"
#include "jobs/digestfollower.h"
#include "jobs/job.h"
#include "jobs/toollocator.h"
#include "jobs/toolrunner.h"

#include <QDateTime>
#include <QMutex>

#include <optional>

namespace strata::core {

class Session;

// pg_dump with a progress bar that follows the bytes, cancel, and no half file that looks whole:
// the dump goes to a temporary name beside the target and is renamed only when pg_dump
// succeeded; then the checksums (hashed while pg_dump wrote), the manifest and the catalog entry.
class BackupJob : public Job
{
public:
    BackupJob(ConnectionProfile profile, QString password, BackupOptions options);

    Kind kind() const override { return Kind::Backup; }
    QString title() const override;

    // Tests: search only these folders for pg_dump.
    void setToolFolders(const QStringList &folders) { m_toolFolders = folders; }
    // Tests: the size of the chunks the manifest's checksums cover (ArchiveDigest).
    void setChunkBytes(qint64 bytes) { m_chunkBytes = bytes; }
    // Where the catalog lives; an empty path records nothing.
    void setCatalogPath(const QString &path) { m_catalogPath = path; }
    // Who asked for it (a person, or a schedule by name), for the history.
    void setOrigin(BackupOrigin origin) { m_origin = std::move(origin); }
    const BackupOptions &options() const { return m_options; }
    BackupPlan plan() const;

    // pg_dump's arguments for a plan. fileArg empty: to stdout (Docker streams it back).
    static QStringList dumpArguments(const BackupOptions &options, const BackupPlan &plan,
        const QString &connInfo, const QString &fileArg);
    // The temporary name beside the target: hidden and plainly partial.
    static QString temporaryPath(const QString &target);
    // The record beside a partial file that says which process writes it ("PARTIAL.owner"):
    // its pid, when that process started, the boot and the host. A later backup to the same
    // target removes a partial file only when this record proves its writer has ended.
    static Status writeOwnerRecord(const QString &partialPath, qint64 pid);
    static QString ownerRecordPath(const QString &partialPath);
    // The partial files of earlier backups to `target` whose writer has provably ended, removed;
    // returns their names. Partial files without a record, or whose writer may still run (on
    // another host sharing the folder, say), are left alone.
    static QStringList removeAbandonedPartials(const QString &target);

protected:
    JobResult execute() override;

private:
    // The steps of execute(), in order; each reports through the job's one progress bar.
    Status checkOutput() const;
    Status connectAndLocate(Session &session, const ToolLocator &locator);
    Result<BackupPlan> planTables(Session &session);
    Result<ToolRunResult> dump(const ToolLocator &locator, const BackupPlan &plan);
    Status checkDump(const ToolRunResult &run) const;
    Result<ArchiveDigest> seal();
    JobResult record(const BackupPlan &plan, const ArchiveDigest &digest, qint64 toolMs);
    JobResult fail(Error e, const QString &tempPath);

    ConnectionProfile m_profile;
    QString m_password;
    BackupOptions m_options;
    std::optional<QStringList> m_toolFolders;
    QString m_catalogPath;
    BackupOrigin m_origin = BackupOrigin::person();
    // Counts the archive's rows as pg_dump writes it and records every run in the history.
    std::unique_ptr<BackupRecorder> m_recorder;
    // Hashes the archive's chunks as pg_dump writes them.
    std::unique_ptr<DigestFollower> m_digest;
    qint64 m_chunkBytes = ArchiveDigest::kChunkBytes;
    mutable QMutex m_planMutex;
    BackupPlan m_plan;
    // This run's state, filled by the steps.
    QDateTime m_started;
    QString m_target; // absolute
    QString m_temp; // the partial file pg_dump writes
    ServerInfo m_server;
    ToolInfo m_tool;
};

} // namespace strata::core
