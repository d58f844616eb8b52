#pragma once

#include "db/connectionprofile.h"
#include "db/serverinfo.h"
#include "jobs/archivetoc.h"
#include "jobs/job.h"
#include "jobs/plainsqlscanner.h"
#include "jobs/restoreoptions.h"
#include "jobs/sequencereset.h"
#include "jobs/toollocator.h"
#include "jobs/toolrunner.h"

#include <QFuture>
#include <QHash>

#include <functional>
#include <memory>
#include <optional>

class QTemporaryFile;

namespace strata::core {

class Session;

// pg_restore (or psql for a plain SQL file) with safety first: the archive is listed and checked
// whole before the target is touched; a database that has tables is only restored into when the
// caller passes its name as confirmation; one transaction by default; afterwards the sequences
// that restored columns draw from are moved past the data. A plain SQL file runs only when it
// holds no psql command (it could run programs on this machine), and a file that commits on its
// own is said not to be one transaction before it runs.
class RestoreJob : public Job
{
public:
    RestoreJob(ConnectionProfile profile, QString password, RestoreOptions options);
    ~RestoreJob() override;

    Kind kind() const override { return Kind::Restore; }
    QString title() const override;

    void setToolFolders(const QStringList &folders) { m_toolFolders = folders; }
    // Told (on the job's thread) what the caller should know before the tool runs: a plain file
    // that cannot be restored in one transaction.
    void setOnNote(std::function<void(const QString &note)> onNote)
    {
        m_onNote = std::move(onNote);
    }
    const RestoreOptions &options() const { return m_options; }
    QString targetDatabase() const;
    QList<SequenceMove> movedSequences() const;

    static QStringList restoreArguments(
        const RestoreOptions &o, const QString &connInfo, const QString &useListFile);
    static QStringList psqlArguments(const RestoreOptions &o, const QString &connInfo);

protected:
    JobResult execute() override;

private:
    // The steps of execute(), in order; each reports through the job's one progress bar.
    Status readArchive(const ToolLocator &locator);
    Status checkArchive(const ToolLocator &locator, const std::optional<Status> &manifestCheck);
    Status checkPlainFile();
    // Connects to the target (or, for a new database, the maintenance one) while the archive
    // is checked: connecting writes nothing. prepareTarget waits for it.
    void openTargetSession(const ConnectionProfile &target);
    Status prepareTarget(const ConnectionProfile &target);
    Status provideSchemasFor(const ConnectionProfile &target);
    QList<TocEntry> weighEntries();
    Result<ToolCommand> toolCommand(
        const ToolLocator &locator, const ConnectionProfile &target, ToolRunOptions &ro);
    Result<ToolRunResult> runRestoreTool(const ToolCommand &cmd, ToolRunOptions &ro,
        const ConnectionProfile &target, const QList<TocEntry> &entries);
    Status checkRun(const ToolRunResult &run, const QString &database) const;
    Status resetSequences(const ConnectionProfile &target, JobResult &r);

    JobResult fail(Error e);
    void note(const QString &text);
    // Reads only: a new database must not exist yet; an existing one with tables needs its
    // name typed. `session`: on the maintenance database for a new one, else on the target.
    Status checkTarget(Session &session, const QString &name) const;
    Status createTarget(Session &maintenance, const ConnectionProfile &target);
    // Schemas the chosen entries live in but the archive does not create (pg_dump --table
    // leaves them out): made in a database this job created, else a clear refusal.
    Status provideSchemas(const ConnectionProfile &target, const QStringList &needed);
    void dropCreatedDatabase(Error &e);
    bool oneTransaction() const;

    ConnectionProfile m_profile;
    QString m_password;
    RestoreOptions m_options;
    std::optional<QStringList> m_toolFolders;
    std::function<void(const QString &)> m_onNote;
    mutable QMutex m_movedMutex;
    QList<SequenceMove> m_moved;
    // The database this job made with CREATE DATABASE, dropped again when the job fails: a
    // failed restore into a new database leaves nothing behind (and can simply be run again).
    std::optional<ConnectionProfile> m_created;
    // This run's state, filled by the steps.
    RestoreOptions m_run; // the options with the archive's path made absolute
    ArchiveToc m_toc;
    ToolInfo m_restoreTool;
    PlainSqlFacts m_plain;
    int m_serverMajor = 0;
    QHash<QString, QPair<qint64, qint64>> m_sizes; // schema.name -> bytes, rows (the manifest)
    QSet<QString> m_restoredTables;
    std::unique_ptr<QTemporaryFile> m_listFile;
    // The session the target's checks run in, opened early; on an existing database it also
    // moves the sequences afterwards.
    std::unique_ptr<Session> m_targetSession;
    QFuture<Result<ServerInfo>> m_targetOpening;
};

} // namespace strata::core
