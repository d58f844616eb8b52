#pragma once

#include "result.h"

#include <algorithm>

#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariant>

namespace strata::core {

// One part of the dashboard, read by one statement. A failing or timed-out statement leaves its
// error here and the other sections intact; a note says what this role cannot see.
template <typename T> struct StatsSection
{
    QList<T> rows;
    Error error; // kind None when the section was read
    QString note; // e.g. "queries of other roles are hidden"
    qint64 elapsedMs = 0;
    bool collected = false; // false when skipped (e.g. not applicable)

    bool ok() const { return collected && !error.isError(); }
};

struct ServerFacts
{
    int versionNum = 0;
    int maxConnections = 0;
    int reservedConnections = 0;
    qint64 freezeMaxAge = 200000000;
    bool autovacuumOn = true;
    bool trackCounts = true;
    bool trackActivities = true;
    bool inRecovery = false;
    bool superuser = false;
    bool readAllStats = false; // superuser or member of pg_read_all_stats
    double serverEpoch = 0; // the server's clock when the snapshot was taken
    double startedEpoch = 0;
    QString database;
};

struct DatabaseRow
{
    QString name;
    qint64 bytes = -1; // -1: no CONNECT privilege
    qint64 xidAge = 0;
    qint64 mxidAge = 0;
    bool allowConnections = true;
    bool isTemplate = false;
};

struct RelationSizeRow
{
    QString schema;
    QString name;
    QChar kind; // 'r' table, 'm' materialized view, 'p' partitioned table
    // The sizes of a partitioned table are its partitions' (at every level below it) summed.
    qint64 heapBytes = 0;
    qint64 toastBytes = 0;
    qint64 indexBytes = 0;
    qint64 totalBytes = 0;
    double rowEstimate = -1; // -1: never analyzed (PostgreSQL 14+), 0 before
    int partitions = 0; // a partitioned table: how many partitions hold its rows
    QString parentSchema, parentName; // a partition: the table it is a partition of
    bool isPartition() const { return !parentName.isEmpty(); }
};

struct IndexSizeRow
{
    QString schema;
    QString table;
    QString index;
    qint64 bytes = 0;
};

struct CacheHitRow
{
    qint64 heapHit = 0, heapRead = 0;
    qint64 indexHit = 0, indexRead = 0;
    qint64 databaseHit = 0, databaseRead = 0;
    // -1 when nothing was read yet.
    static double ratio(qint64 hit, qint64 read)
    {
        return hit + read > 0 ? double(hit) / double(hit + read) : -1;
    }
    double tableRatio() const { return ratio(heapHit, heapRead); }
    double indexRatio() const { return ratio(indexHit, indexRead); }
    double databaseRatio() const { return ratio(databaseHit, databaseRead); }
};

struct ConnectionStateRow
{
    QString state; // "" when this role may not see the session's state
    int sessions = 0;
};

struct ActivityRow
{
    int pid = 0;
    QString database;
    QString user;
    QString application;
    QString clientAddress;
    QString state; // empty when hidden
    double transactionSeconds = -1; // -1: none open (or hidden)
    double querySeconds = -1;
    double stateSeconds = -1;
    QString waitEventType;
    QString waitEvent;
    QString query;
    bool queryHidden = false; // '<insufficient privilege>'
    bool hasXid = false;

    bool isIdleInTransaction() const
    {
        return state.startsWith(QLatin1String("idle in transaction"));
    }
    bool isActive() const { return state == QLatin1String("active"); }
};

struct LockRow
{
    int pid = 0;
    QList<int> blockedBy; // empty for a root blocker
    QString database;
    QString user;
    QString state;
    QString waitEventType;
    QString waitEvent;
    double transactionSeconds = -1;
    double querySeconds = -1;
    QString query;
    QString wantedLockType; // the lock this session waits for
    QString wantedMode;
    QString wantedRelation;
};

// A node of the blocking tree: a session and those it blocks (a session blocked by two others
// appears under both).
struct LockNode
{
    LockRow row;
    QList<LockNode> blocked;
    int count() const
    {
        int n = 1;
        for (const LockNode &c : blocked)
            n += c.count();
        return n;
    }
};

struct VacuumRow
{
    QString schema;
    QString table;
    qint64 liveTuples = 0;
    qint64 deadTuples = 0;
    QDateTime lastVacuum, lastAutovacuum, lastAnalyze, lastAutoanalyze; // invalid: never
    qint64 vacuumCount = 0;
    qint64 autovacuumCount = 0;
    qint64 modifiedSinceAnalyze = 0;
    qint64 insertedSinceVacuum = -1; // -1 before PostgreSQL 13
    bool autovacuumEnabled = true;

    double deadRatio() const
    {
        const qint64 all = liveTuples + deadTuples;
        return all > 0 ? double(deadTuples) / double(all) : 0;
    }
    QDateTime lastAnyVacuum() const { return std::max(lastVacuum, lastAutovacuum); }
    QDateTime lastAnyAnalyze() const { return std::max(lastAnalyze, lastAutoanalyze); }
};

struct XidAgeRow
{
    QString schema;
    QString table;
    qint64 xidAge = 0;
    qint64 mxidAge = 0;
    bool system = false; // a system catalog (listed only once past autovacuum_freeze_max_age)
};

struct UnusedIndexRow
{
    QString schema;
    QString table;
    QString index;
    qint64 bytes = 0;
    qint64 scans = 0;
    QDateTime lastScan; // PostgreSQL 16+
    QString definition;
};

struct DuplicateIndexRow
{
    QString schema;
    QString table;
    QStringList indexes;
    QList<qint64> bytes;
    QString definition; // of the first
};

struct SequenceRow
{
    QString schema;
    QString name;
    QString sequenceType;
    qint64 increment = 1;
    qint64 minValue = 0;
    qint64 maxValue = 0;
    qint64 startValue = 1;
    bool cycles = false;
    bool readable = true;
    bool used = false; // last_value known (nextval called at least once)
    qint64 lastValue = 0;
    QString tableSchema, table, column, columnType; // empty when the sequence feeds no column
    qint64 limit = 0; // the nearer of the sequence's bound and the column type's

    // Share of the way from the start value to the limit travelled, 0..1, for ascending and
    // descending sequences alike; -1 when unknown (unused or unreadable).
    double usedFraction() const
    {
        // From 0 for the usual ascending sequence starting at 1, so that 90% of int4 reads 90%.
        const double origin = increment > 0 ? std::min<qint64>(startValue, 0) : double(startValue);
        const double span = double(limit) - origin;
        if (!used || !readable || span == 0)
            return -1;
        return std::clamp((double(lastValue) - origin) / span, 0.0, 1.0);
    }
    bool limitedByColumn() const
    {
        return !column.isEmpty() && limit != (increment > 0 ? maxValue : minValue);
    }
};

struct MatViewRow
{
    QString schema;
    QString name;
    bool populated = false;
    qint64 bytes = 0;
    QString owner;
    bool hasUsableUniqueIndex = false;
    // REFRESH ... CONCURRENTLY needs a usable unique index and data already there.
    bool canRefreshConcurrently() const { return populated && hasUsableUniqueIndex; }
};

struct ReplicationRow
{
    int pid = 0;
    QString application;
    QString clientAddress;
    QString state;
    QString syncState;
    QString sentLsn, replayLsn;
    qint64 lagBytes = -1;
    double replayLagSeconds = -1;
};

struct SlotRow
{
    QString name;
    QString plugin;
    QString type;
    QString database;
    bool active = false;
    bool temporary = false;
    qint64 retainedBytes = -1;
    QString walStatus; // PostgreSQL 13+
};

struct StatementRow
{
    QString queryId;
    QString query;
    qint64 calls = 0;
    double totalMs = 0;
    double meanMs = 0;
    qint64 rows = 0;
    qint64 sharedBlocksHit = 0;
    qint64 sharedBlocksRead = 0;
    double readMs = 0;
    QString user;
    QString database;
};

struct CheckpointRow
{
    qint64 timed = 0;
    qint64 requested = 0;
    double writeMs = 0;
    double syncMs = 0;
    qint64 buffersWritten = 0;
    QDateTime statsReset;
};

struct HealthWarning
{
    enum class Severity { Info, Warning, Critical };
    Severity severity = Severity::Warning;
    QString category; // "sequences", "vacuum", "wraparound", ...
    QString text; // one sentence a person can read
    // Where the warning's subject is shown: the snapshot section ("sequences", "vacuum",
    // "xid_tables", "databases", "activity", "connections", "locks", "unused_indexes",
    // "duplicate_indexes", "matviews", "slots"; empty: nowhere in particular) and the row, keyed
    // as the dashboard's tables key theirs: {schema, name} as a QStringList, a pid (int), or a
    // name (QString) for a database or a slot; invalid for the section as a whole.
    QString section;
    QVariant key;
};

enum class StatementsState { Unknown, Available, NotInstalled, NotLoaded };

// Everything one refresh of the dashboard read. Plain values; safe to copy across threads.
struct StatsSnapshot
{
    QDateTime takenAt; // client clock, UTC
    qint64 elapsedMs = 0; // end to end on the session's thread
    qint64 serverMs = 0; // sum of the statements' round trips

    StatsSection<ServerFacts> server;
    StatsSection<DatabaseRow> databases;
    StatsSection<RelationSizeRow> relations;
    StatsSection<IndexSizeRow> largestIndexes;
    StatsSection<CacheHitRow> cacheHit;
    StatsSection<ConnectionStateRow> connections;
    StatsSection<ActivityRow> activity;
    StatsSection<LockRow> locks;
    StatsSection<VacuumRow> vacuum;
    StatsSection<XidAgeRow> xidTables;
    StatsSection<UnusedIndexRow> unusedIndexes;
    StatsSection<DuplicateIndexRow> duplicateIndexes;
    StatsSection<SequenceRow> sequences;
    StatsSection<MatViewRow> matviews;
    StatsSection<ReplicationRow> replication;
    StatsSection<SlotRow> slots;
    StatsSection<StatementRow> statements;
    StatsSection<CheckpointRow> checkpoints;
    StatementsState statementsState = StatementsState::Unknown;

    QList<HealthWarning> warnings;

    // Derived views, computed from the sections above.
    QList<ActivityRow> longRunning(double minSeconds) const;
    QList<ActivityRow> idleInTransaction() const;
    QList<LockNode> lockTree() const;
    int connectionCount() const;
};

// Cumulative counters of one database at one moment, for rates.
struct DatabaseCounters
{
    QString database;
    qint64 commits = 0, rollbacks = 0;
    qint64 returned = 0, fetched = 0, inserted = 0, updated = 0, deleted = 0;
    qint64 blocksRead = 0, blocksHit = 0;
    int backends = 0;
};

struct ActivitySample
{
    double serverEpoch = 0; // seconds, the server's clock at the sample
    QList<DatabaseCounters> databases;
    int connections = 0, active = 0, idleInTransaction = 0, waitingOnLock = 0;
    DatabaseCounters total() const; // all databases summed
    const DatabaseCounters *find(const QString &database) const;
};

// Per-second rates between two samples.
struct Rates
{
    double seconds = 0; // elapsed between the samples
    double transactions = 0, commits = 0, rollbacks = 0;
    double returned = 0, fetched = 0, inserted = 0, updated = 0, deleted = 0;
    double tuplesWritten() const { return inserted + updated + deleted; }
    double tuplesRead() const { return returned + fetched; }
    bool valid() const { return seconds > 0; }

    // For one database, or every database when database is empty. Counters that went backwards
    // (statistics reset) give no rate.
    static Rates between(
        const ActivitySample &a, const ActivitySample &b, const QString &database = {});
};

} // namespace strata::core
