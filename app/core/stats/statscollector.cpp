#include "statscollector.h"

#include "db/pgresult.h"
#include "db/session.h"
#include "db/sqlregistry.h"
#include "stats/statshealth.h"

#include <QElapsedTimer>
#include <QRegularExpression>

namespace strata::core {

namespace {

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

QList<int> parseIntArray(const QString &text)
{
    QList<int> out;
    QString body = text;
    body.remove(u'{').remove(u'}');
    for (const QString &p : body.split(u',', Qt::SkipEmptyParts))
        out.append(p.trimmed().toInt());
    return out;
}

// "{a,b}" as PostgreSQL prints a text[]: elements with commas, spaces or quotes come quoted.
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

// Which statements.sql variant fits the installed extension: its columns follow the
// extension's version (1.8 renamed total_time, 1.11 renamed blk_read_time), which can lag the
// server's after an upgrade without ALTER EXTENSION ... UPDATE.
int statementsVariantFor(const QString &extversion)
{
    const QStringList parts = extversion.split(u'.');
    const int minor = parts.value(1).toInt();
    if (parts.value(0).toInt() > 1 || minor >= 11)
        return 17;
    if (minor >= 8)
        return 13;
    return 12;
}

class Reader
{
public:
    explicit Reader(SessionContext &ctx) : m_ctx(ctx) { }

    template <typename T, typename Parse>
    void read(
        StatsSection<T> &section, const QString &name, const QVariantList &params, Parse parse)
    {
        QElapsedTimer t;
        t.start();
        auto r = m_ctx.exec(QStringLiteral("stats/") + name, params);
        finish(section, r, name, parse, t.elapsed());
    }

    template <typename T, typename Parse>
    void readText(StatsSection<T> &section, const QString &name, const QString &sql,
        const QVariantList &params, Parse parse)
    {
        QElapsedTimer t;
        t.start();
        auto r = m_ctx.execText(sql, params);
        finish(section, r, name, parse, t.elapsed());
    }

    qint64 serverMs = 0;

private:
    template <typename T, typename Parse>
    void finish(StatsSection<T> &section, const Result<PgResult> &r, const QString &name,
        Parse parse, qint64 ms)
    {
        section.collected = true;
        section.elapsedMs = ms;
        serverMs += ms;
        if (!r) {
            section.error = r.error();
            section.error.message
                = QStringLiteral("Reading %1 failed: %2").arg(name, r.error().message);
            if (r.error().kind == Error::Kind::Timeout)
                section.error.hint = QStringLiteral("This section took longer than its time budget "
                                                    "(a lock held on a table can do that); the "
                                                    "others were read. Try again later.");
            return;
        }
        const PgResult &res = r.value();
        section.rows.reserve(res.rows());
        for (int i = 0; i < res.rows(); ++i)
            section.rows.append(parse(Row { res, i }));
    }

    SessionContext &m_ctx;
};

} // namespace

namespace {

void readStatements(SessionContext &ctx, StatsSnapshot &s, Reader &rd, int rows)
{
    StatsSection<ServerFacts> probe; // reused only for its error/elapsed bookkeeping
    QString extversion, schema;
    rd.read(probe, QStringLiteral("statements_installed"), {}, [&](const Row &r) {
        extversion = r.s("extversion");
        schema = r.s("schema");
        return ServerFacts {};
    });
    s.statements.collected = true;
    if (!probe.ok()) {
        s.statements.error = probe.error;
        return;
    }
    if (extversion.isEmpty()) {
        s.statementsState = StatementsState::NotInstalled;
        s.statements.note
            = QStringLiteral("pg_stat_statements is not installed in this database. To see the "
                             "slowest statements: add pg_stat_statements to "
                             "shared_preload_libraries in postgresql.conf, restart the server, "
                             "then run CREATE EXTENSION pg_stat_statements; in this database.");
        return;
    }
    // The view lives in the extension's schema, which need not be on the search path.
    const QString sql
        = SqlRegistry::fill(SqlRegistry::instance().text(QStringLiteral("stats/statements"),
                                statementsVariantFor(extversion)),
            { { QStringLiteral("extension_schema"), { schema } } }, [&ctx](const QString &n) {
                return ctx.quoteIdentifier(n);
            }).value();
    StatsSection<StatementRow> sec;
    rd.readText(sec, QStringLiteral("statements"), sql, { rows }, [](const Row &r) {
        StatementRow x;
        x.queryId = r.s("queryid");
        x.query = r.s("query");
        x.calls = r.i("calls");
        x.totalMs = r.d("total_ms");
        x.meanMs = r.d("mean_ms");
        x.rows = r.i("rows");
        x.sharedBlocksHit = r.i("shared_blks_hit");
        x.sharedBlocksRead = r.i("shared_blks_read");
        x.readMs = r.d("read_ms");
        x.user = r.s("usename");
        x.database = r.s("datname");
        return x;
    });
    if (!sec.ok() && sec.error.sqlState == QLatin1String("55000")) {
        // Installed but the library is not loaded: a setup matter, not a failure.
        s.statementsState = StatementsState::NotLoaded;
        s.statements.note
            = QStringLiteral("pg_stat_statements is installed but the server did not load it: add "
                             "pg_stat_statements to shared_preload_libraries in postgresql.conf "
                             "and restart the server.");
        s.statements.elapsedMs = sec.elapsedMs;
        return;
    }
    s.statementsState = sec.ok() ? StatementsState::Available : StatementsState::Unknown;
    sec.note = s.statements.note;
    s.statements = sec;
    if (s.statements.ok() && s.server.ok() && !s.server.rows.isEmpty()
        && !s.server.rows.first().readAllStats)
        s.statements.note = QStringLiteral("Statements of other roles show without their text "
                                           "(no pg_read_all_stats).");
}

} // namespace

StatsSnapshot StatsCollector::collect(SessionContext &ctx) const
{
    QElapsedTimer total;
    total.start();
    StatsSnapshot s;
    s.takenAt = QDateTime::currentDateTimeUtc();
    Reader rd(ctx);

    // Autocommit already reads current statistics; clearing also covers a caller that runs us
    // inside a transaction (PostgreSQL 15+ caches the snapshot there).
    ctx.exec(QStringLiteral("stats/clear_snapshot"));
    if (m_options.sectionTimeoutMs > 0)
        ctx.exec(QStringLiteral("stats/set_statement_timeout"),
            { QString::number(m_options.sectionTimeoutMs) });

    rd.read(s.server, QStringLiteral("server"), {}, [](const Row &r) {
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
    });
    rd.read(s.databases, QStringLiteral("databases"), {}, [](const Row &r) {
        DatabaseRow d;
        d.name = r.s("datname");
        d.bytes = r.i("bytes", -1);
        d.xidAge = r.i("xid_age");
        d.mxidAge = r.i("mxid_age");
        d.allowConnections = r.b("datallowconn");
        d.isTemplate = r.b("datistemplate");
        return d;
    });
    rd.read(s.relations, QStringLiteral("relations"), { m_options.topRelations }, [](const Row &r) {
        RelationSizeRow x;
        x.schema = r.s("nspname");
        x.name = r.s("relname");
        x.kind = r.s("relkind").isEmpty() ? QChar() : r.s("relkind").at(0);
        x.heapBytes = r.i("heap_bytes");
        x.toastBytes = r.i("toast_bytes");
        x.indexBytes = r.i("index_bytes");
        x.totalBytes = r.i("total_bytes");
        x.rowEstimate = r.d("row_estimate", -1);
        return x;
    });
    rd.read(s.largestIndexes, QStringLiteral("indexes_largest"), { m_options.topRelations },
        [](const Row &r) {
            return IndexSizeRow { r.s("nspname"), r.s("table_name"), r.s("index_name"),
                r.i("bytes") };
        });
    rd.read(s.cacheHit, QStringLiteral("cache_hit"), {}, [](const Row &r) {
        CacheHitRow c;
        c.heapHit = r.i("heap_hit");
        c.heapRead = r.i("heap_read");
        c.indexHit = r.i("idx_hit");
        c.indexRead = r.i("idx_read");
        c.databaseHit = r.i("db_hit");
        c.databaseRead = r.i("db_read");
        return c;
    });
    rd.read(s.connections, QStringLiteral("connections"), {}, [](const Row &r) {
        return ConnectionStateRow { r.s("state"), int(r.i("sessions")) };
    });
    rd.read(s.activity, QStringLiteral("activity"), {}, [](const Row &r) {
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
    });
    rd.read(s.locks, QStringLiteral("locks"), {}, [](const Row &r) {
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
    });
    rd.read(s.vacuum, QStringLiteral("vacuum"), { m_options.vacuumRows }, [](const Row &r) {
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
    });
    rd.read(s.xidTables, QStringLiteral("xid_tables"), { m_options.xidRows }, [](const Row &r) {
        return XidAgeRow { r.s("nspname"), r.s("relname"), r.i("xid_age"), r.i("mxid_age") };
    });
    rd.read(s.unusedIndexes, QStringLiteral("unused_indexes"), {}, [](const Row &r) {
        UnusedIndexRow u;
        u.schema = r.s("schemaname");
        u.table = r.s("table_name");
        u.index = r.s("index_name");
        u.bytes = r.i("bytes");
        u.scans = r.i("idx_scan");
        u.lastScan = r.t("last_idx_scan");
        u.definition = r.s("definition");
        return u;
    });
    rd.read(s.duplicateIndexes, QStringLiteral("duplicate_indexes"), {}, [](const Row &r) {
        DuplicateIndexRow d;
        d.schema = r.s("nspname");
        d.table = r.s("table_name");
        d.indexes = parseTextArray(r.s("index_names"));
        for (const QString &b : parseTextArray(r.s("index_bytes")))
            d.bytes.append(b.toLongLong());
        d.definition = r.s("definition");
        return d;
    });
    rd.read(s.sequences, QStringLiteral("sequences"), {}, [](const Row &r) {
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
    });
    rd.read(s.matviews, QStringLiteral("matviews"), {}, [](const Row &r) {
        MatViewRow m;
        m.schema = r.s("nspname");
        m.name = r.s("relname");
        m.populated = r.b("populated");
        m.bytes = r.i("bytes");
        m.owner = r.s("owner");
        m.hasUsableUniqueIndex = r.b("concurrent_ok");
        return m;
    });
    rd.read(s.replication, QStringLiteral("replication"), {}, [](const Row &r) {
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
    });
    rd.read(s.slots, QStringLiteral("slots"), {}, [](const Row &r) {
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
    });
    rd.read(s.checkpoints, QStringLiteral("checkpoints"), {}, [](const Row &r) {
        CheckpointRow c;
        c.timed = r.i("timed");
        c.requested = r.i("requested");
        c.writeMs = r.d("write_ms");
        c.syncMs = r.d("sync_ms");
        c.buffersWritten = r.i("buffers_written");
        c.statsReset = r.t("stats_reset");
        return c;
    });
    readStatements(ctx, s, rd, m_options.statementRows);

    if (s.server.ok() && !s.server.rows.isEmpty() && !s.server.rows.first().readAllStats) {
        const QString user = ctx.info().user;
        const QString note
            = QStringLiteral("The role %1 sees the queries and states of its own sessions only; "
                             "other sessions are listed without them. A superuser can run "
                             "GRANT pg_read_all_stats TO %2; to show them.")
                  .arg(user, ctx.quoteIdentifier(user));
        s.activity.note = note;
        s.locks.note = note;
        s.connections.note = note;
    }

    if (m_options.sectionTimeoutMs > 0)
        ctx.exec(QStringLiteral("stats/set_statement_timeout"),
            { QString::number(ctx.options().statementTimeoutMs) });

    s.serverMs = rd.serverMs;
    HealthThresholds t;
    t.longRunningSeconds = m_options.longRunningSeconds;
    s.warnings = statshealth::evaluate(s, t);
    s.elapsedMs = total.elapsed();
    return s;
}

Result<ActivitySample> StatsCollector::sample(SessionContext &ctx)
{
    ctx.exec(QStringLiteral("stats/clear_snapshot"));
    auto counters = ctx.exec(QStringLiteral("stats/sample"));
    if (!counters)
        return counters.error();
    auto conns = ctx.exec(QStringLiteral("stats/sample_connections"));
    if (!conns)
        return conns.error();
    ActivitySample a;
    const PgResult &r = counters.value();
    for (int i = 0; i < r.rows(); ++i) {
        Row x { r, i };
        if (i == 0)
            a.serverEpoch = x.d("server_epoch");
        DatabaseCounters c;
        c.database = x.s("datname");
        c.commits = x.i("xact_commit");
        c.rollbacks = x.i("xact_rollback");
        c.returned = x.i("tup_returned");
        c.fetched = x.i("tup_fetched");
        c.inserted = x.i("tup_inserted");
        c.updated = x.i("tup_updated");
        c.deleted = x.i("tup_deleted");
        c.blocksRead = x.i("blks_read");
        c.blocksHit = x.i("blks_hit");
        c.backends = int(x.i("numbackends"));
        a.databases.append(c);
    }
    Row y { conns.value(), 0 };
    a.connections = int(y.i("total"));
    a.active = int(y.i("active"));
    a.idleInTransaction = int(y.i("idle_in_transaction"));
    a.waitingOnLock = int(y.i("waiting_on_lock"));
    return a;
}

} // namespace strata::core
