#pragma once

#include "db/connectionprofile.h"
#include "jobs/archivetoc.h"
#include "jobs/backupcatalog.h"
#include "jobs/job.h"
#include "jobs/restoretest.h"
#include "jobs/toollocator.h"

#include <QMutex>

#include <optional>

namespace strata::core {

class Session;

struct RestoreTestOptions
{
    QString archivePath;
    qint64 backupId = 0; // the history's entry; 0: found by path (added as found when new)
    QString catalogPath = BackupCatalog::defaultPath(); // empty: nothing is recorded
    int jobs = 1; // pg_restore -j (not for tar and plain archives)
};

// Does a backup restore? The archive is checked against its manifest, restored with
// pg_restore into a throwaway database on the chosen server, and then every table of the
// archive must be there with the rows it had at backup time, pg_restore must have ended
// without an error, and every sequence owned by a column must be past the column's values.
// The verdict goes into the backup history; the throwaway database is dropped whatever the
// end (passed, failed, cancelled).
//
// The rows at backup time come from the history (counted while pg_dump wrote the archive),
// else from the manifest, else from the archive itself, read before the restore: the SHA-256
// recorded at backup time vouches that what is read is what pg_dump wrote.
class RestoreTestJob : public Job
{
public:
    // target: the server to restore on, connected to its maintenance database ("postgres"
    // when the profile names none).
    RestoreTestJob(ConnectionProfile target, QString password, RestoreTestOptions options);
    ~RestoreTestJob() override;

    Kind kind() const override { return Kind::RestoreTest; }
    QString title() const override;

    void setToolFolders(const QStringList &folders) { m_toolFolders = folders; }
    const RestoreTestOptions &options() const { return m_options; }
    // What the test found, once it has ended (also when it failed).
    RestoreTestReport report() const;

protected:
    JobResult execute() override;

private:
    struct Archive; // what the archive holds, read before the restore
    Result<Archive> readArchive(RestoreTestReport &rep);
    Status createThrowaway(RestoreTestReport &rep);
    Status restore(const Archive &a, RestoreTestReport &rep);
    Status checkRestored(const Archive &a, RestoreTestReport &rep);
    void dropThrowaway(RestoreTestReport &rep);
    JobResult finish(RestoreTestReport rep, std::optional<Error> failure, bool record);

    ConnectionProfile m_target;
    QString m_password;
    RestoreTestOptions m_options;
    std::optional<QStringList> m_toolFolders;
    mutable QMutex m_reportMutex;
    RestoreTestReport m_report;
};

} // namespace strata::core
