#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace strata::core {

enum class FolderKind {
    Unknown,
    PlainSql,
    Flyway,
    Alembic,
    GolangMigrate,
    Dbmate,
    Rails,
    Django,
    Prisma
};
QString folderKindName(FolderKind kind); // "plain", "flyway", ...

// One migration file of a project folder.
struct FolderMigration
{
    enum class Kind { Versioned, Repeatable, Undo };

    QString version; // the key matched against the history table
    QString description;
    QString path; // absolute
    QString relativePath; // from the folder, for messages
    QString checksum; // Flyway: CRC32 as a signed decimal; Prisma: SHA-256 hex; else empty
    Kind kind = Kind::Versioned;
    QString error; // unreadable, not UTF-8, a syntax error: this file only
    bool noTransaction = false; // plain SQL: the file carries the no-transaction marker
    bool recordsItself = false; // plain SQL: the file writes its own schema_migrations row
    // Alembic
    QStringList downRevisions; // parents; several for a merge
    QStringList dependsOn;
    QStringList branchLabels;
    QString createDate;
    // False when down_revision could not be read (a broken file without a `Revises:` header):
    // the graph cannot tell what lies before this revision.
    bool parentsKnown = true;
    QString recoveredFrom; // a broken file: where its ids came from ("its docstring header")
};

struct MigrationFolder
{
    QString dir;
    FolderKind kind = FolderKind::Unknown;
    QList<FolderMigration> migrations; // in the order the framework would run them
    QStringList errors; // folder-level problems (no migrations found, unreadable folder)
};

} // namespace strata::core
