#pragma once

#include "migrations/migrationentry.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace strata::core {

// One framework's history table as Strata read it, and (after a folder comparison) what the
// folder says about it.
struct MigrationHistory
{
    QString framework; // detector id: "flyway", "rails", "unknown"
    QString frameworkName; // "Flyway"
    QString schema;
    QString table;
    bool ambiguous = false; // the database alone cannot tell which framework wrote it
    QStringList alternatives; // detector ids it could be when ambiguous ("rails", "dbmate")
    QList<MigrationEntry> entries; // history order, oldest first
    QList<MigrationEntry> pending; // in the folder, not applied
    QList<MigrationEntry> missing; // applied, not in the folder
    QList<MigrationEntry> changed; // applied, the file differs
    // Started and never finished (state Running) with their file in the folder: neither applied
    // nor pending. The history row as read, with filePath set.
    QList<MigrationEntry> unfinished;
    bool truncated = false; // only the latest rowLimit rows were read
    QString error; // reading this table failed; the others are still shown
    QStringList notes; // table-level facts: a held Knex lock, a resolved ambiguity, ...
    QString upgradeCommand; // what the user would run for pending migrations
    bool comparedWithFolder = false; // pending/missing/changed come from a folder
};

} // namespace strata::core
