#pragma once

#include "jobs/archivetoc.h"
#include "result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace strata::core {

enum class BackupFormat { Custom, Directory, Tar, Plain };

// What to back up and how. Table names are SQL names as a person writes them
// (public.orders, "Sales"."Order items"); Strata resolves them before pg_dump runs.
struct BackupOptions
{
    QString outputPath;
    BackupFormat format = BackupFormat::Custom;
    int jobs = 1; // directory format only
    QStringList schemas;
    QStringList tables;
    bool withDependencies = false; // add the foreign-key closure of `tables`
    bool dataOnly = false;
    bool schemaOnly = false;
    bool inserts = false;
    bool onConflictDoNothing = false;
    int compress = -1; // -1: the format's default
    QStringList excludeTableData;

    // Combinations pg_dump refuses, caught before anything runs.
    Status validate() const;
    QJsonObject toJson() const;

    static QString formatName(BackupFormat f);
    // What pg_dump writes for the format, as archive readers name it.
    static ArchiveFormat archiveFormat(BackupFormat f);
    static std::optional<BackupFormat> parseFormat(const QString &name);
};

} // namespace strata::core
