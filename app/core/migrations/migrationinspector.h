#pragma once

#include "migrations/migrationfolder.h"
#include "migrations/migrationhistory.h"
#include "result.h"

#include <QJsonArray>
#include <optional>

namespace strata::core {

class SessionContext;

// Every history in the database, compared with the project folder when one is given.
struct MigrationOverview
{
    QList<MigrationHistory> histories;
    std::optional<MigrationFolder> folder;
    QString folderError; // the folder could not be read; the histories are still shown
};

class MigrationInspector
{
public:
    // Runs on a session's thread (reads the catalog, the tables and the folder).
    static Result<MigrationOverview> inspect(
        SessionContext &ctx, const QString &folderDir, int rowLimit = 5000);
    // Compares each history the folder fits (by framework, or by an ambiguous alternative).
    static void compareAll(QList<MigrationHistory> &histories, const MigrationFolder &folder);
    // The CLI's JSON: [{framework, schema, table, ambiguous, entries, pending, missing, changed,
    // unfinished}] and the optional diagnostics docs/migrations-json.md lists.
    static QJsonArray toJson(const QList<MigrationHistory> &histories);
    // The same, with the folder's problems on the histories it was compared with.
    static QJsonArray toJson(const MigrationOverview &overview);
};

} // namespace strata::core
