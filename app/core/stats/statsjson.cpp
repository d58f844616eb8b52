#include "statsjson.h"

#include <QJsonArray>

namespace strata::core::statsjson {

namespace {

QJsonValue time(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

QJsonValue seconds(double s)
{
    return s < 0 ? QJsonValue() : QJsonValue(s);
}

QJsonValue bytes(qint64 b)
{
    return b < 0 ? QJsonValue() : QJsonValue(double(b));
}

QString kindName(Error::Kind k)
{
    switch (k) {
    case Error::Kind::Timeout:
        return QStringLiteral("timeout");
    case Error::Kind::Canceled:
        return QStringLiteral("canceled");
    case Error::Kind::ConnectionLost:
        return QStringLiteral("connection_lost");
    case Error::Kind::Query:
        return QStringLiteral("query");
    default:
        return QStringLiteral("other");
    }
}

template <typename T, typename F> QJsonObject section(const StatsSection<T> &s, F rowToJson)
{
    QJsonObject o;
    o[QStringLiteral("ok")] = s.ok();
    o[QStringLiteral("elapsed_ms")] = double(s.elapsedMs);
    o[QStringLiteral("note")] = s.note.isEmpty() ? QJsonValue() : QJsonValue(s.note);
    if (s.error.isError()) {
        QJsonObject e;
        e[QStringLiteral("kind")] = kindName(s.error.kind);
        e[QStringLiteral("message")] = s.error.message;
        e[QStringLiteral("hint")] = s.error.hint;
        e[QStringLiteral("sqlstate")] = s.error.sqlState;
        o[QStringLiteral("error")] = e;
    } else {
        o[QStringLiteral("error")] = QJsonValue();
    }
    QJsonArray rows;
    for (const T &r : s.rows)
        rows.append(rowToJson(r));
    o[QStringLiteral("rows")] = rows;
    return o;
}

QJsonObject activity(const ActivityRow &a)
{
    return QJsonObject {
        { QStringLiteral("pid"), a.pid },
        { QStringLiteral("database"), a.database },
        { QStringLiteral("user"), a.user },
        { QStringLiteral("application"), a.application },
        { QStringLiteral("client_address"), a.clientAddress },
        { QStringLiteral("state"), a.state.isEmpty() ? QJsonValue() : QJsonValue(a.state) },
        { QStringLiteral("transaction_seconds"), seconds(a.transactionSeconds) },
        { QStringLiteral("query_seconds"), seconds(a.querySeconds) },
        { QStringLiteral("state_seconds"), seconds(a.stateSeconds) },
        { QStringLiteral("wait_event_type"), a.waitEventType },
        { QStringLiteral("wait_event"), a.waitEvent },
        { QStringLiteral("query"), a.queryHidden ? QJsonValue() : QJsonValue(a.query) },
        { QStringLiteral("query_hidden"), a.queryHidden },
    };
}

QJsonObject lockNode(const LockNode &n)
{
    QJsonArray blocked;
    for (const LockNode &c : n.blocked)
        blocked.append(lockNode(c));
    QJsonArray by;
    for (int p : n.row.blockedBy)
        by.append(p);
    return QJsonObject {
        { QStringLiteral("pid"), n.row.pid },
        { QStringLiteral("blocked_by"), by },
        { QStringLiteral("user"), n.row.user },
        { QStringLiteral("database"), n.row.database },
        { QStringLiteral("state"), n.row.state },
        { QStringLiteral("wait_event"), n.row.waitEvent },
        { QStringLiteral("transaction_seconds"), seconds(n.row.transactionSeconds) },
        { QStringLiteral("query"), n.row.query },
        { QStringLiteral("waits_for_lock"), n.row.wantedLockType },
        { QStringLiteral("waits_for_mode"), n.row.wantedMode },
        { QStringLiteral("waits_for_relation"), n.row.wantedRelation },
        { QStringLiteral("blocks"), blocked },
    };
}

// When, how long, the server and the warnings.
void addServer(QJsonObject &o, const StatsSnapshot &s)
{
    o[QStringLiteral("taken_at")] = time(s.takenAt);
    o[QStringLiteral("elapsed_ms")] = double(s.elapsedMs);
    o[QStringLiteral("statements_ms")] = double(s.serverMs);

    o[QStringLiteral("server")] = section(s.server, [](const ServerFacts &f) {
        return QJsonObject {
            { QStringLiteral("version_num"), f.versionNum },
            { QStringLiteral("database"), f.database },
            { QStringLiteral("max_connections"), f.maxConnections },
            { QStringLiteral("reserved_connections"), f.reservedConnections },
            { QStringLiteral("autovacuum_freeze_max_age"), double(f.freezeMaxAge) },
            { QStringLiteral("autovacuum"), f.autovacuumOn },
            { QStringLiteral("track_counts"), f.trackCounts },
            { QStringLiteral("in_recovery"), f.inRecovery },
            { QStringLiteral("superuser"), f.superuser },
            { QStringLiteral("read_all_stats"), f.readAllStats },
            { QStringLiteral("started_at"),
                time(QDateTime::fromMSecsSinceEpoch(qint64(f.startedEpoch * 1000), Qt::UTC)) },
        };
    });
    o[QStringLiteral("warnings")] = [&] {
        QJsonArray a;
        for (const HealthWarning &w : s.warnings) {
            const char *sev = w.severity == HealthWarning::Severity::Critical ? "critical"
                : w.severity == HealthWarning::Severity::Warning              ? "warning"
                                                                              : "info";
            a.append(QJsonObject { { QStringLiteral("severity"), QLatin1String(sev) },
                { QStringLiteral("category"), w.category }, { QStringLiteral("text"), w.text },
                { QStringLiteral("section"),
                    w.section.isEmpty() ? QJsonValue() : QJsonValue(w.section) },
                { QStringLiteral("key"), QJsonValue::fromVariant(w.key) } });
        }
        return a;
    }();
}

// Databases, relations, indexes and the cache.
void addSizes(QJsonObject &o, const StatsSnapshot &s)
{
    o[QStringLiteral("databases")] = section(s.databases, [](const DatabaseRow &d) {
        return QJsonObject { { QStringLiteral("name"), d.name },
            { QStringLiteral("bytes"), bytes(d.bytes) },
            { QStringLiteral("xid_age"), double(d.xidAge) },
            { QStringLiteral("mxid_age"), double(d.mxidAge) },
            { QStringLiteral("allow_connections"), d.allowConnections },
            { QStringLiteral("is_template"), d.isTemplate } };
    });
    o[QStringLiteral("relations")] = section(s.relations, [](const RelationSizeRow &r) {
        return QJsonObject { { QStringLiteral("schema"), r.schema },
            { QStringLiteral("name"), r.name },
            { QStringLiteral("kind"),
                r.kind == u'm'       ? QStringLiteral("matview")
                    : r.kind == u'p' ? QStringLiteral("partitioned")
                                     : QStringLiteral("table") },
            { QStringLiteral("partitions"), r.partitions },
            { QStringLiteral("partition_of"),
                r.isPartition() ? QJsonValue(r.parentSchema + u'.' + r.parentName) : QJsonValue() },
            { QStringLiteral("heap_bytes"), double(r.heapBytes) },
            { QStringLiteral("toast_bytes"), double(r.toastBytes) },
            { QStringLiteral("index_bytes"), double(r.indexBytes) },
            { QStringLiteral("total_bytes"), double(r.totalBytes) },
            { QStringLiteral("row_estimate"), r.rowEstimate } };
    });
    o[QStringLiteral("largest_indexes")] = section(s.largestIndexes, [](const IndexSizeRow &r) {
        return QJsonObject { { QStringLiteral("schema"), r.schema },
            { QStringLiteral("table"), r.table }, { QStringLiteral("index"), r.index },
            { QStringLiteral("bytes"), double(r.bytes) } };
    });
    o[QStringLiteral("cache_hit")] = section(s.cacheHit, [](const CacheHitRow &c) {
        auto ratio = [](double r) { return r < 0 ? QJsonValue() : QJsonValue(r); };
        return QJsonObject { { QStringLiteral("table_ratio"), ratio(c.tableRatio()) },
            { QStringLiteral("index_ratio"), ratio(c.indexRatio()) },
            { QStringLiteral("database_ratio"), ratio(c.databaseRatio()) },
            { QStringLiteral("heap_blocks_hit"), double(c.heapHit) },
            { QStringLiteral("heap_blocks_read"), double(c.heapRead) },
            { QStringLiteral("index_blocks_hit"), double(c.indexHit) },
            { QStringLiteral("index_blocks_read"), double(c.indexRead) } };
    });
}

// Sessions by state, each session, who blocks whom.
void addSessions(QJsonObject &o, const StatsSnapshot &s)
{
    o[QStringLiteral("connections")] = section(s.connections, [](const ConnectionStateRow &c) {
        return QJsonObject { { QStringLiteral("state"),
                                 c.state.isEmpty() ? QJsonValue() : QJsonValue(c.state) },
            { QStringLiteral("sessions"), c.sessions } };
    });
    o[QStringLiteral("activity")] = section(s.activity, activity);
    {
        QJsonObject locks = section(s.locks, [](const LockRow &) { return QJsonObject(); });
        QJsonArray tree;
        for (const LockNode &n : s.lockTree())
            tree.append(lockNode(n));
        locks.remove(QStringLiteral("rows"));
        locks[QStringLiteral("tree")] = tree;
        o[QStringLiteral("locks")] = locks;
    }
}

// Vacuum, transaction-ID age, indexes.
void addUpkeep(QJsonObject &o, const StatsSnapshot &s)
{
    o[QStringLiteral("vacuum")] = section(s.vacuum, [](const VacuumRow &v) {
        return QJsonObject { { QStringLiteral("schema"), v.schema },
            { QStringLiteral("table"), v.table },
            { QStringLiteral("live_tuples"), double(v.liveTuples) },
            { QStringLiteral("dead_tuples"), double(v.deadTuples) },
            { QStringLiteral("dead_ratio"), v.deadRatio() },
            { QStringLiteral("last_vacuum"), time(v.lastVacuum) },
            { QStringLiteral("last_autovacuum"), time(v.lastAutovacuum) },
            { QStringLiteral("last_analyze"), time(v.lastAnalyze) },
            { QStringLiteral("last_autoanalyze"), time(v.lastAutoanalyze) },
            { QStringLiteral("autovacuum_enabled"), v.autovacuumEnabled },
            { QStringLiteral("modified_since_analyze"), double(v.modifiedSinceAnalyze) },
            { QStringLiteral("inserted_since_vacuum"),
                v.insertedSinceVacuum < 0 ? QJsonValue()
                                          : QJsonValue(double(v.insertedSinceVacuum)) } };
    });
    o[QStringLiteral("xid_age_tables")] = section(s.xidTables, [](const XidAgeRow &x) {
        return QJsonObject { { QStringLiteral("schema"), x.schema },
            { QStringLiteral("table"), x.table }, { QStringLiteral("xid_age"), double(x.xidAge) },
            { QStringLiteral("mxid_age"), double(x.mxidAge) },
            { QStringLiteral("system"), x.system } };
    });
    o[QStringLiteral("unused_indexes")] = section(s.unusedIndexes, [](const UnusedIndexRow &u) {
        return QJsonObject { { QStringLiteral("schema"), u.schema },
            { QStringLiteral("table"), u.table }, { QStringLiteral("index"), u.index },
            { QStringLiteral("bytes"), double(u.bytes) },
            { QStringLiteral("scans"), double(u.scans) },
            { QStringLiteral("last_scan"), time(u.lastScan) },
            { QStringLiteral("definition"), u.definition } };
    });
    o[QStringLiteral("duplicate_indexes")]
        = section(s.duplicateIndexes, [](const DuplicateIndexRow &d) {
              QJsonArray b;
              for (qint64 x : d.bytes)
                  b.append(double(x));
              return QJsonObject { { QStringLiteral("schema"), d.schema },
                  { QStringLiteral("table"), d.table },
                  { QStringLiteral("indexes"), QJsonArray::fromStringList(d.indexes) },
                  { QStringLiteral("bytes"), b }, { QStringLiteral("definition"), d.definition } };
          });
}

// Sequences and materialized views.
void addObjects(QJsonObject &o, const StatsSnapshot &s)
{
    o[QStringLiteral("sequences")] = section(s.sequences, [](const SequenceRow &q) {
        const double f = q.usedFraction();
        return QJsonObject { { QStringLiteral("schema"), q.schema },
            { QStringLiteral("name"), q.name }, { QStringLiteral("type"), q.sequenceType },
            { QStringLiteral("last_value"),
                q.used ? QJsonValue(double(q.lastValue)) : QJsonValue() },
            { QStringLiteral("limit"), double(q.limit) },
            { QStringLiteral("used_fraction"), f < 0 ? QJsonValue() : QJsonValue(f) },
            { QStringLiteral("cycles"), q.cycles }, { QStringLiteral("readable"), q.readable },
            { QStringLiteral("table_schema"), q.tableSchema }, { QStringLiteral("table"), q.table },
            { QStringLiteral("column"), q.column }, { QStringLiteral("column_type"), q.columnType },
            { QStringLiteral("limited_by_column"), q.limitedByColumn() } };
    });
    o[QStringLiteral("matviews")] = section(s.matviews, [](const MatViewRow &m) {
        return QJsonObject { { QStringLiteral("schema"), m.schema },
            { QStringLiteral("name"), m.name }, { QStringLiteral("populated"), m.populated },
            { QStringLiteral("bytes"), double(m.bytes) }, { QStringLiteral("owner"), m.owner },
            { QStringLiteral("can_refresh_concurrently"), m.canRefreshConcurrently() } };
    });
}

// Standbys, slots, top statements, checkpoints.
void addReplication(QJsonObject &o, const StatsSnapshot &s)
{
    o[QStringLiteral("replication")] = section(s.replication, [](const ReplicationRow &r) {
        return QJsonObject { { QStringLiteral("pid"), r.pid },
            { QStringLiteral("application"), r.application },
            { QStringLiteral("client_address"), r.clientAddress },
            { QStringLiteral("state"), r.state }, { QStringLiteral("sync_state"), r.syncState },
            { QStringLiteral("sent_lsn"), r.sentLsn },
            { QStringLiteral("replay_lsn"), r.replayLsn },
            { QStringLiteral("lag_bytes"), bytes(r.lagBytes) },
            { QStringLiteral("replay_lag_seconds"), seconds(r.replayLagSeconds) } };
    });
    o[QStringLiteral("slots")] = section(s.slots, [](const SlotRow &r) {
        return QJsonObject { { QStringLiteral("name"), r.name },
            { QStringLiteral("plugin"), r.plugin }, { QStringLiteral("type"), r.type },
            { QStringLiteral("database"), r.database }, { QStringLiteral("active"), r.active },
            { QStringLiteral("temporary"), r.temporary },
            { QStringLiteral("retained_bytes"), bytes(r.retainedBytes) },
            { QStringLiteral("wal_status"), r.walStatus } };
    });
    {
        QJsonObject st = section(s.statements, [](const StatementRow &r) {
            return QJsonObject { { QStringLiteral("queryid"), r.queryId },
                { QStringLiteral("query"), r.query }, { QStringLiteral("calls"), double(r.calls) },
                { QStringLiteral("total_ms"), r.totalMs }, { QStringLiteral("mean_ms"), r.meanMs },
                { QStringLiteral("rows"), double(r.rows) },
                { QStringLiteral("shared_blocks_hit"), double(r.sharedBlocksHit) },
                { QStringLiteral("shared_blocks_read"), double(r.sharedBlocksRead) },
                { QStringLiteral("read_ms"), r.readMs }, { QStringLiteral("user"), r.user },
                { QStringLiteral("database"), r.database } };
        });
        const char *state = s.statementsState == StatementsState::Available ? "available"
            : s.statementsState == StatementsState::NotInstalled            ? "not_installed"
            : s.statementsState == StatementsState::NotLoaded               ? "not_loaded"
                                                                            : "unknown";
        st[QStringLiteral("state")] = QLatin1String(state);
        o[QStringLiteral("statements")] = st;
    }
    o[QStringLiteral("checkpoints")] = section(s.checkpoints, [](const CheckpointRow &c) {
        return QJsonObject { { QStringLiteral("timed"), double(c.timed) },
            { QStringLiteral("requested"), double(c.requested) },
            { QStringLiteral("write_ms"), c.writeMs }, { QStringLiteral("sync_ms"), c.syncMs },
            { QStringLiteral("buffers_written"), double(c.buffersWritten) },
            { QStringLiteral("stats_reset"), time(c.statsReset) } };
    });
}

// Rates between two samples, and the sessions of the last.
void addRates(QJsonObject &o, const Rates *rates, const ActivitySample *sample)
{
    if (rates && rates->valid()) {
        o[QStringLiteral("rates")] = QJsonObject {
            { QStringLiteral("seconds"), rates->seconds },
            { QStringLiteral("transactions_per_second"), rates->transactions },
            { QStringLiteral("commits_per_second"), rates->commits },
            { QStringLiteral("rollbacks_per_second"), rates->rollbacks },
            { QStringLiteral("tuples_returned_per_second"), rates->returned },
            { QStringLiteral("tuples_fetched_per_second"), rates->fetched },
            { QStringLiteral("tuples_inserted_per_second"), rates->inserted },
            { QStringLiteral("tuples_updated_per_second"), rates->updated },
            { QStringLiteral("tuples_deleted_per_second"), rates->deleted },
        };
    } else {
        o[QStringLiteral("rates")] = QJsonValue();
    }
    if (sample)
        o[QStringLiteral("sessions")]
            = QJsonObject { { QStringLiteral("total"), sample->connections },
                  { QStringLiteral("active"), sample->active },
                  { QStringLiteral("idle_in_transaction"), sample->idleInTransaction },
                  { QStringLiteral("waiting_on_lock"), sample->waitingOnLock } };
}

} // namespace

QJsonObject toJson(const StatsSnapshot &s, const Rates *rates, const ActivitySample *sample)
{
    QJsonObject o;
    addServer(o, s);
    addSizes(o, s);
    addSessions(o, s);
    addUpkeep(o, s);
    addObjects(o, s);
    addReplication(o, s);
    addRates(o, rates, sample);
    return o;
}

} // namespace strata::core::statsjson
