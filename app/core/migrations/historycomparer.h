#pragma once

#include "migrations/migrationfolder.h"
#include "migrations/migrationhistory.h"

namespace strata::core {

// Compares a history with a project folder: fills pending (in the folder, not applied), missing
// (applied, no file) and changed (checksum differs), links entries to their files, and settles a
// Rails-or-dbmate ambiguity by what the folder holds. Pure: no database, no disk.
class HistoryComparer
{
public:
    static void compare(MigrationHistory &history, const MigrationFolder &folder);

    // Flyway's version equality: "1.01" == "1.1", "1.0" == "1", "1_1" == "1.1".
    static QString normaliseFlywayVersion(const QString &version);
    // The framework whose folder this is, for a history that could be several.
    static bool folderFits(const QString &framework, FolderKind kind);

private:
    static void compareFlyway(MigrationHistory &h, const MigrationFolder &f);
    static void compareAlembic(MigrationHistory &h, const MigrationFolder &f);
    static void compareGolangMigrate(MigrationHistory &h, const MigrationFolder &f);
    static void compareByKey(MigrationHistory &h, const MigrationFolder &f);
};

} // namespace strata::core
