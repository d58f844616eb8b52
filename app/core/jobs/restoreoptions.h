#pragma once

#include "result.h"

#include <QSet>
#include <QString>

#include <optional>

namespace strata::core {

struct RestoreOptions
{
    QString archivePath;
    QString targetDatabase; // the database to restore into (the profile's when empty)
    bool createDatabase = false; // CREATE DATABASE targetDatabase first
    std::optional<QSet<int>> selectedIds; // entries ticked in the table of contents; none: all
    QString useListFile; // a --use-list file given by the user (CLI)
    // One transaction: a failure half-way leaves the target as it was. -j turns it off, because
    // each parallel worker is its own connection with its own transaction.
    bool singleTransaction = true;
    int jobs = 1;
    bool clean = false; // drop objects first (always with --if-exists)
    bool dataOnly = false;
    bool resetSequences = true;
    // A restore into a database that already has tables must be confirmed by typing its name.
    QString confirmation;

    bool effectiveSingleTransaction() const { return singleTransaction && jobs <= 1; }
    Status validate() const;
};

} // namespace strata::core
