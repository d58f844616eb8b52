#pragma once

#include "migrations/migrationfolder.h"
#include "result.h"

namespace strata::core {

// Reads a project's migrations folder: plain numbered SQL, Flyway V/R/U files, Alembic
// versions/*.py, golang-migrate .up.sql, dbmate, Rails db/migrate, Django app migrations and
// Prisma folders. Reads files from disk: call it from a worker. A file that cannot be read, or
// is not UTF-8, becomes an entry with an error; the other files are still read.
class FolderReader
{
public:
    // The line a plain SQL file carries to run outside a transaction (CREATE INDEX
    // CONCURRENTLY, ALTER TYPE ... ADD VALUE on old servers). Anywhere in the file, on its own
    // line.
    static constexpr const char *noTransactionMarker = "-- strata:no-transaction";

    static FolderKind guessKind(const QString &dir);
    static Result<MigrationFolder> read(const QString &dir, FolderKind kind = FolderKind::Unknown);

    // The file as text; empty and *error set when unreadable or not UTF-8.
    static QString readText(const QString &path, QString *error, QByteArray *raw = nullptr);
    // Leading digits of a file name ("007" of "007_spot_restore.sql"); empty when none.
    static QString numericPrefix(const QString &name);

private:
    static QList<FolderMigration> readPlain(const QString &dir, bool dbmate);
    static QList<FolderMigration> readFlyway(const QString &dir);
    static QList<FolderMigration> readAlembic(const QString &dir);
    static QList<FolderMigration> readGolangMigrate(const QString &dir);
    static QList<FolderMigration> readRails(const QString &dir);
    static QList<FolderMigration> readDjango(const QString &dir);
    static QList<FolderMigration> readPrisma(const QString &dir);
};

} // namespace strata::core
