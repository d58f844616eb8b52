#pragma once

#include "db/connectionprofile.h"
#include "jobs/archivetoc.h"
#include "jobs/job.h"
#include "jobs/restoreoptions.h"
#include "jobs/sequencereset.h"
#include "jobs/toollocator.h"

#include <optional>

namespace strata::core {

class Session;

// pg_restore (or psql for a plain SQL file) with safety first: the archive is listed and checked
// whole before the target is touched; a database that has tables is only restored into when the
// caller passes its name as confirmation; one transaction by default; afterwards the sequences
// owned by restored columns are moved past the data.
class RestoreJob : public Job
{
public:
    RestoreJob(ConnectionProfile profile, QString password, RestoreOptions options);

    Kind kind() const override { return Kind::Restore; }
    QString title() const override;

    void setToolFolders(const QStringList &folders) { m_toolFolders = folders; }
    const RestoreOptions &options() const { return m_options; }
    QString targetDatabase() const;
    QList<SequenceMove> movedSequences() const;

    static QStringList restoreArguments(
        const RestoreOptions &o, const QString &connInfo, const QString &useListFile);
    static QStringList psqlArguments(const RestoreOptions &o, const QString &connInfo);

protected:
    JobResult execute() override;

private:
    JobResult fail(Error e);
    // Reads only: a new database must not exist yet; an existing one with tables needs its
    // name typed. `session`: on the maintenance database for a new one, else on the target.
    Status checkTarget(Session &session, const QString &name) const;
    Status createTarget(Session &maintenance, const ConnectionProfile &target);
    // Schemas the chosen entries live in but the archive does not create (pg_dump --table
    // leaves them out): made in a database this job created, else a clear refusal.
    Status provideSchemas(const ConnectionProfile &target, const QStringList &needed);

    ConnectionProfile m_profile;
    QString m_password;
    RestoreOptions m_options;
    std::optional<QStringList> m_toolFolders;
    mutable QMutex m_movedMutex;
    QList<SequenceMove> m_moved;
    // The database this job made with CREATE DATABASE, dropped again when the job fails: a
    // failed restore into a new database leaves nothing behind (and can simply be run again).
    std::optional<ConnectionProfile> m_created;
};

} // namespace strata::core
