#pragma once

#include "jobs/backupoptions.h"
#include "result.h"

#include <QList>
#include <QString>

namespace strata::core {

class SessionContext;

struct TableRef
{
    quint32 oid = 0;
    QString schema;
    QString name;
    qint64 bytes = 0; // pg_table_size
    qint64 estRows = 0; // reltuples
    bool addedByClosure = false;
    int depth = 0; // foreign keys away from the chosen tables (1: referenced directly)
    QString qualified() const { return schema + u'.' + name; } // as pg_dump prints it
};

// What a backup will contain, read before pg_dump runs: the tables (after the foreign-key
// closure) and their sizes, which weight the progress.
struct BackupPlan
{
    QList<TableRef> tables; // whose rows will be dumped
    // Partitions under the chosen partitioned tables: pg_dump -t takes a partitioned table's
    // definition alone, and its rows live in them.
    QList<TableRef> partitionsAdded;
    QList<TableRef> closureAdded; // tables added by "include what these tables reference"
    QList<TableRef> chosenTables; // resolved -t tables, their partitions and the closure
    qint64 totalBytes = 0;
};

// The SQL side of planning a backup. Runs on a session's thread.
namespace backupplanner {

// `"Sch"."T"` / `orders` -> tables; an unknown name is an error naming it.
Result<QList<TableRef>> resolveTables(SessionContext &ctx, const QStringList &names);
// The given tables with every partition under the partitioned ones (addedByClosure marks the
// partitions).
Result<QList<TableRef>> withPartitions(SessionContext &ctx, const QList<TableRef> &tables);
// The given tables and every table their foreign keys reach, recursively, partitioned ones whole.
Result<QList<TableRef>> foreignKeyClosure(SessionContext &ctx, const QList<TableRef> &tables);
Result<BackupPlan> plan(SessionContext &ctx, const BackupOptions &options);

// A PostgreSQL array literal for a text[] / oid[] bind parameter.
QString arrayLiteral(const QStringList &items);
// A pg_dump -t / -n pattern matching exactly this name (no wildcards).
QString exactPattern(const QString &name);

} // namespace backupplanner
} // namespace strata::core
