#include "statsparse.h"

namespace strata::core::statsparse {

QList<int> parseIntArray(const QString &text)
{
    QList<int> out;
    QString body = text;
    body.remove(u'{').remove(u'}');
    for (const QString &p : body.split(u',', Qt::SkipEmptyParts))
        out.append(p.trimmed().toInt());
    return out;
}

QStringList parseTextArray(const QString &text)
{
    QStringList out;
    if (text.size() < 2)
        return out;
    const QString body = text.mid(1, text.size() - 2);
    QString cur;
    bool quoted = false, inQuotes = false;
    for (int i = 0; i < body.size(); ++i) {
        const QChar c = body.at(i);
        if (inQuotes) {
            if (c == u'\\' && i + 1 < body.size())
                cur += body.at(++i);
            else if (c == u'"')
                inQuotes = false;
            else
                cur += c;
        } else if (c == u'"') {
            inQuotes = quoted = true;
        } else if (c == u',') {
            out.append(cur);
            cur.clear();
            quoted = false;
        } else {
            cur += c;
        }
    }
    if (!cur.isEmpty() || quoted || !out.isEmpty())
        out.append(cur);
    return out;
}

ServerFacts parseServer(const Row &r)
{
    ServerFacts f;
    f.versionNum = int(r.i("version_num"));
    f.maxConnections = int(r.i("max_connections"));
    f.reservedConnections = int(r.i("reserved_connections"));
    f.freezeMaxAge = r.i("freeze_max_age", f.freezeMaxAge);
    f.autovacuumOn = r.b("autovacuum_on");
    f.trackCounts = r.b("track_counts");
    f.trackActivities = r.b("track_activities");
    f.inRecovery = r.b("in_recovery");
    f.superuser = r.b("superuser");
    f.readAllStats = f.superuser || r.b("read_all_stats");
    f.serverEpoch = r.d("server_epoch");
    f.startedEpoch = r.d("started_epoch");
    f.database = r.s("database");
    return f;
}

DatabaseRow parseDatabase(const Row &r)
{
    DatabaseRow d;
    d.name = r.s("datname");
    d.bytes = r.i("bytes", -1);
    d.xidAge = r.i("xid_age");
    d.mxidAge = r.i("mxid_age");
    d.allowConnections = r.b("datallowconn");
    d.isTemplate = r.b("datistemplate");
    return d;
}

RelationSizeRow parseRelation(const Row &r)
{
    RelationSizeRow x;
    x.schema = r.s("nspname");
    x.name = r.s("relname");
    x.kind = r.s("relkind").isEmpty() ? QChar() : r.s("relkind").at(0);
    x.heapBytes = r.i("heap_bytes");
    x.toastBytes = r.i("toast_bytes");
    x.indexBytes = r.i("index_bytes");
    x.totalBytes = r.i("total_bytes");
    x.rowEstimate = r.d("row_estimate", -1);
    x.partitions = int(r.i("partitions"));
    x.parentSchema = r.s("parent_schema");
    x.parentName = r.s("parent_name");
    return x;
}

CacheHitRow parseCacheHit(const Row &r)
{
    CacheHitRow c;
    c.heapHit = r.i("heap_hit");
    c.heapRead = r.i("heap_read");
    c.indexHit = r.i("idx_hit");
    c.indexRead = r.i("idx_read");
    c.databaseHit = r.i("db_hit");
    c.databaseRead = r.i("db_read");
    return c;
}

ActivityRow parseActivity(const Row &r)
{
    ActivityRow a;
    a.pid = int(r.i("pid"));
    a.database = r.s("datname");
    a.user = r.s("usename");
    a.application = r.s("application_name");
    a.clientAddress = r.s("client_addr");
    a.state = r.s("state");
    a.transactionSeconds = r.d("xact_seconds", -1);
    a.querySeconds = r.d("query_seconds", -1);
    a.stateSeconds = r.d("state_seconds", -1);
    a.waitEventType = r.s("wait_event_type");
    a.waitEvent = r.s("wait_event");
    a.query = r.s("query");
    a.queryHidden = a.query == QLatin1String("<insufficient privilege>");
    a.hasXid = r.b("has_xid");
    return a;
}

LockRow parseLock(const Row &r)
{
    LockRow l;
    l.pid = int(r.i("pid"));
    l.blockedBy = parseIntArray(r.s("blocked_by"));
    l.database = r.s("datname");
    l.user = r.s("usename");
    l.state = r.s("state");
    l.waitEventType = r.s("wait_event_type");
    l.waitEvent = r.s("wait_event");
    l.transactionSeconds = r.d("xact_seconds", -1);
    l.querySeconds = r.d("query_seconds", -1);
    l.query = r.s("query");
    l.wantedLockType = r.s("wanted_locktype");
    l.wantedMode = r.s("wanted_mode");
    l.wantedRelation = r.s("wanted_relation");
    return l;
}

VacuumRow parseVacuum(const Row &r)
{
    VacuumRow v;
    v.schema = r.s("schemaname");
    v.table = r.s("relname");
    v.liveTuples = r.i("n_live_tup");
    v.deadTuples = r.i("n_dead_tup");
    v.lastVacuum = r.t("last_vacuum");
    v.lastAutovacuum = r.t("last_autovacuum");
    v.lastAnalyze = r.t("last_analyze");
    v.lastAutoanalyze = r.t("last_autoanalyze");
    v.vacuumCount = r.i("vacuum_count");
    v.autovacuumCount = r.i("autovacuum_count");
    v.modifiedSinceAnalyze = r.i("n_mod_since_analyze");
    v.insertedSinceVacuum = r.i("n_ins_since_vacuum", -1);
    v.autovacuumEnabled = r.b("autovacuum_enabled");
    return v;
}

UnusedIndexRow parseUnusedIndex(const Row &r)
{
    UnusedIndexRow u;
    u.schema = r.s("schemaname");
    u.table = r.s("table_name");
    u.index = r.s("index_name");
    u.bytes = r.i("bytes");
    u.scans = r.i("idx_scan");
    u.lastScan = r.t("last_idx_scan");
    u.definition = r.s("definition");
    return u;
}

DuplicateIndexRow parseDuplicateIndex(const Row &r)
{
    DuplicateIndexRow d;
    d.schema = r.s("nspname");
    d.table = r.s("table_name");
    d.indexes = parseTextArray(r.s("index_names"));
    for (const QString &b : parseTextArray(r.s("index_bytes")))
        d.bytes.append(b.toLongLong());
    d.definition = r.s("definition");
    return d;
}

SequenceRow parseSequence(const Row &r)
{
    SequenceRow q;
    q.schema = r.s("nspname");
    q.name = r.s("relname");
    q.sequenceType = r.s("sequence_type");
    q.increment = r.i("seqincrement", 1);
    q.minValue = r.i("seqmin");
    q.maxValue = r.i("seqmax");
    q.startValue = r.i("seqstart", 1);
    q.cycles = r.b("seqcycle");
    q.readable = r.b("readable");
    q.used = !r.null("last_value");
    q.lastValue = r.i("last_value");
    q.tableSchema = r.s("table_schema");
    q.table = r.s("table_name");
    q.column = r.s("column_name");
    q.columnType = r.s("column_type");
    q.limit = r.i("effective_limit");
    return q;
}

MatViewRow parseMatView(const Row &r)
{
    MatViewRow m;
    m.schema = r.s("nspname");
    m.name = r.s("relname");
    m.populated = r.b("populated");
    m.bytes = r.i("bytes");
    m.owner = r.s("owner");
    m.hasUsableUniqueIndex = r.b("concurrent_ok");
    return m;
}

ReplicationRow parseReplication(const Row &r)
{
    ReplicationRow x;
    x.pid = int(r.i("pid"));
    x.application = r.s("application_name");
    x.clientAddress = r.s("client_addr");
    x.state = r.s("state");
    x.syncState = r.s("sync_state");
    x.sentLsn = r.s("sent_lsn");
    x.replayLsn = r.s("replay_lsn");
    x.lagBytes = r.i("lag_bytes", -1);
    x.replayLagSeconds = r.d("replay_lag_seconds", -1);
    return x;
}

SlotRow parseSlot(const Row &r)
{
    SlotRow x;
    x.name = r.s("slot_name");
    x.plugin = r.s("plugin");
    x.type = r.s("slot_type");
    x.database = r.s("database");
    x.active = r.b("active");
    x.temporary = r.b("temporary");
    x.retainedBytes = r.i("retained_bytes", -1);
    x.walStatus = r.s("wal_status");
    return x;
}

CheckpointRow parseCheckpoint(const Row &r)
{
    CheckpointRow c;
    c.timed = r.i("timed");
    c.requested = r.i("requested");
    c.writeMs = r.d("write_ms");
    c.syncMs = r.d("sync_ms");
    c.buffersWritten = r.i("buffers_written");
    c.statsReset = r.t("stats_reset");
    return c;
}

} // namespace strata::core::statsparse
