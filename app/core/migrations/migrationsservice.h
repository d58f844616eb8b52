#pragma once

#include "migrations/migrationinspector.h"
#include "migrations/sqlmigrationrunner.h"

#include <QFuture>

#include <memory>

namespace strata::core {

class Connection;
class Session;

// The migrations page's asynchronous front: histories compared with a folder (on the browsing
// session), the plan of a run, the run itself on a read-write session of its own (progress in
// the future, cancel through cancelApply), and a migration file's text.
class MigrationsService
{
public:
    explicit MigrationsService(std::shared_ptr<const Connection> connection);
    ~MigrationsService();
    MigrationsService(const MigrationsService &) = delete;
    MigrationsService &operator=(const MigrationsService &) = delete;

    QFuture<Result<MigrationOverview>> inspect(const QString &folderDir) const;
    // What a run would do (a dry run); no writes.
    QFuture<Result<RunReport>> plan(const MigrationFolder &folder, const RunOptions &options) const;
    // Applies the pending files; the future reports progress (file n of m) and always ends with
    // a report (a connect error is a failed report).
    QFuture<RunReport> apply(const MigrationFolder &folder, const RunOptions &options);
    // Interrupts the running statement and rolls the file back; files applied stay applied.
    void cancelApply();

    // The text of a migration file, shortened past maxChars, or why it could not be read.
    static QFuture<QString> readFile(const QString &path, int maxChars = 200000);

private:
    std::shared_ptr<const Connection> m_connection;
    std::shared_ptr<Session> m_runSession;
};

} // namespace strata::core
