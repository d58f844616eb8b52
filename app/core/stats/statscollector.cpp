#include "statscollector.h"

#include "db/pgresult.h"
#include "db/session.h"
#include "db/sqlregistry.h"
#include "stats/statshealth.h"
#include "stats/statsparse.h"

#include <QElapsedTimer>
#include <QRegularExpression>

namespace strata::core {

namespace {

using namespace statsparse;

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

namespace {

// Sizes: databases, relations, indexes, the cache.
void readSizes(Reader &rd, StatsSnapshot &s, const StatsCollector::Options &o)
{
    rd.read(s.databases, QStringLiteral("databases"), {}, parseDatabase);
    rd.read(s.relations, QStringLiteral("relations"), { o.topRelations }, parseRelation);
    rd.read(
        s.largestIndexes, QStringLiteral("indexes_largest"), { o.topRelations }, [](const Row &r) {
            return IndexSizeRow { r.s("nspname"), r.s("table_name"), r.s("index_name"),
                r.i("bytes") };
        });
    rd.read(s.cacheHit, QStringLiteral("cache_hit"), {}, parseCacheHit);
}

// Sessions: how many in each state, what each does, who waits for whom.
void readSessions(Reader &rd, StatsSnapshot &s)
{
    rd.read(s.connections, QStringLiteral("connections"), {}, [](const Row &r) {
        return ConnectionStateRow { r.s("state"), int(r.i("sessions")) };
    });
    rd.read(s.activity, QStringLiteral("activity"), {}, parseActivity);
    rd.read(s.locks, QStringLiteral("locks"), {}, parseLock);
}

// Upkeep: vacuum, transaction-ID age, indexes, sequences, materialized views.
void readUpkeep(Reader &rd, StatsSnapshot &s, const StatsCollector::Options &o)
{
    rd.read(s.vacuum, QStringLiteral("vacuum"), { o.vacuumRows }, parseVacuum);
    rd.read(s.xidTables, QStringLiteral("xid_tables"), { o.xidRows }, [](const Row &r) {
        return XidAgeRow { r.s("nspname"), r.s("relname"), r.i("xid_age"), r.i("mxid_age"),
            r.b("system") };
    });
    rd.read(s.unusedIndexes, QStringLiteral("unused_indexes"), {}, parseUnusedIndex);
    rd.read(s.duplicateIndexes, QStringLiteral("duplicate_indexes"), {}, parseDuplicateIndex);
    rd.read(s.sequences, QStringLiteral("sequences"), {}, parseSequence);
    rd.read(s.matviews, QStringLiteral("matviews"), {}, parseMatView);
}

void readReplication(Reader &rd, StatsSnapshot &s)
{
    rd.read(s.replication, QStringLiteral("replication"), {}, parseReplication);
    rd.read(s.slots, QStringLiteral("slots"), {}, parseSlot);
    rd.read(s.checkpoints, QStringLiteral("checkpoints"), {}, parseCheckpoint);
}

// Without pg_read_all_stats, other roles' sessions come without their queries and states.
void noteHiddenSessions(SessionContext &ctx, StatsSnapshot &s)
{
    if (!s.server.ok() || s.server.rows.isEmpty() || s.server.rows.first().readAllStats)
        return;
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

    rd.read(s.server, QStringLiteral("server"), {}, parseServer);
    readSizes(rd, s, m_options);
    readSessions(rd, s);
    readUpkeep(rd, s, m_options);
    readReplication(rd, s);
    readStatements(ctx, s, rd, m_options.statementRows);
    noteHiddenSessions(ctx, s);

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
