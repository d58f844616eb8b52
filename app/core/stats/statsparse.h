#pragma once

#include "db/pgresult.h"
#include "stats/statssnapshot.h"

// Turns the rows of sql/stats/*.sql into the snapshot's values: one function per row type, each
// reading its columns by name. Used by StatsCollector on the session's thread.
namespace strata::core::statsparse {

// Reads one row of a result by column name.
struct Row
{
    const PgResult &r;
    int row;
    int col(const char *name) const { return r.column(name); }
    QString s(const char *name) const { return r.text(row, col(name)); }
    qint64 i(const char *name, qint64 fallback = 0) const
    {
        return r.toLongLong(row, col(name), fallback);
    }
    double d(const char *name, double fallback = 0) const
    {
        return r.toDouble(row, col(name), fallback);
    }
    bool b(const char *name) const { return r.toBool(row, col(name)); }
    bool null(const char *name) const { return r.isNull(row, col(name)); }
    QDateTime t(const char *name) const
    {
        if (null(name))
            return {};
        return QDateTime::fromMSecsSinceEpoch(qint64(d(name) * 1000.0), Qt::UTC);
    }
};

// "{1,2}" as PostgreSQL prints an int[].
QList<int> parseIntArray(const QString &text);
// "{a,b}" as PostgreSQL prints a text[]: elements with commas, spaces or quotes come quoted.
QStringList parseTextArray(const QString &text);

ServerFacts parseServer(const Row &r);
DatabaseRow parseDatabase(const Row &r);
RelationSizeRow parseRelation(const Row &r);
CacheHitRow parseCacheHit(const Row &r);
ActivityRow parseActivity(const Row &r);
LockRow parseLock(const Row &r);
VacuumRow parseVacuum(const Row &r);
UnusedIndexRow parseUnusedIndex(const Row &r);
DuplicateIndexRow parseDuplicateIndex(const Row &r);
SequenceRow parseSequence(const Row &r);
MatViewRow parseMatView(const Row &r);
ReplicationRow parseReplication(const Row &r);
SlotRow parseSlot(const Row &r);
CheckpointRow parseCheckpoint(const Row &r);

} // namespace strata::core::statsparse
