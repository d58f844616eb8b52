#pragma once

#include <QDateTime>
#include <QString>

namespace strata::core {

// Where one migration stands. A history row gives the first seven; comparing with a folder adds
// pending, missing and changed.
enum class MigrationState {
    Applied,
    Failed, // recorded as failed (Flyway success=false, sqlx, Prisma, Atlas error, Sqitch fail)
    Dirty, // golang-migrate stopped half way
    RolledBack, // Prisma rolled_back_at, Flyway UNDO, goose is_applied=false, Sqitch revert
    Running, // started, never finished: still running or crashed (home-grown, Phinx, sqlx -1)
    Baseline, // Flyway BASELINE, Liquibase MARK_RAN, Atlas type 1: recorded, not run
    Deleted, // Flyway DELETE rows (repair marked a missing migration deleted)
    Pending, // in the folder, not applied
    Missing, // applied, not in the folder
    Changed, // applied, the file's checksum differs from the recorded one
    Unknown, // cannot tell from the database and the folder (a broken Alembic file hides it)
};

// The stable lower-case word used in JSON and filters ("rolled_back").
QString migrationStateName(MigrationState state);
// Words for people ("rolled back", "running / unfinished").
QString migrationStateLabel(MigrationState state);

// One row of a history, or one file of a folder, in a shape shared by every framework.
struct MigrationEntry
{
    QString version; // the framework's key: "1.2", "20240101120000", "auth.0001_initial"
    QString description; // name or description
    QDateTime appliedAt; // invalid when the framework does not record it
    qint64 durationMs = -1; // -1: not recorded and not derivable
    QString appliedBy;
    QString checksum; // as the framework writes it (text)
    MigrationState state = MigrationState::Applied;
    QString script; // a file name when the framework records one
    QString note; // what else a person should know about this row
    QString filePath; // the matching file in the folder, when there is one
    bool repeatable = false; // Flyway R__ migrations (version empty)
};

} // namespace strata::core
