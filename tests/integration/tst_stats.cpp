// The statistics collector against the real server: each condition is created, then looked for.
#include "db/session.h"
#include "db/sqlregistry.h"
#include "stats/statscollector.h"
#include "stats/statshealth.h"
#include "testserver.h"

#include <libpq-fe.h>

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace strata::core;
using strata::test::TestServer;

namespace {

const QString kDb = QStringLiteral("tst_stats");

// A libpq connection of the test's own, to hold locks and transactions open.
struct Conn
{
    PGconn *c = nullptr;
    explicit Conn(const QString &db, const QString &user = QStringLiteral("postgres"))
    {
        QString ci = TestServer::connInfo(db);
        ci.replace(QStringLiteral("user=postgres"), QStringLiteral("user='%1'").arg(user));
        c = PQconnectdb(ci.toUtf8().constData());
    }
    ~Conn() { PQfinish(c); }
    bool ok() const { return PQstatus(c) == CONNECTION_OK; }
    QString exec(const QString &sql)
    {
        PGresult *r = PQexec(c, sql.toUtf8().constData());
        QString out;
        const auto st = PQresultStatus(r);
        if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
            out = QString::fromUtf8(PQerrorMessage(c));
        PQclear(r);
        return out;
    }
    int pid() const { return PQbackendPID(c); }
};

StatsSnapshot collect(const QString &db, StatsCollector::Options o = {},
    const QString &user = QStringLiteral("postgres"))
{
    ConnectionProfile p = TestServer::profile(db);
    p.user = user;
    Session s(p);
    StatsCollector collector(o);
    auto r = s.run([collector](SessionContext &ctx) -> Result<StatsSnapshot> {
                  return collector.collect(ctx);
              }).result();
    return r.ok() ? r.value() : StatsSnapshot {};
}

bool waitUntil(const std::function<bool()> &cond, int ms = 10000)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        if (cond())
            return true;
        QTest::qWait(50);
    }
    return cond();
}

bool hasWarning(const StatsSnapshot &s, const QString &category, const QString &part)
{
    for (const HealthWarning &w : s.warnings)
        if (w.category == category && w.text.contains(part))
            return true;
    return false;
}

QString warningsText(const StatsSnapshot &s)
{
    QStringList l;
    for (const HealthWarning &w : s.warnings)
        l << w.category + u':' + w.text;
    return l.join(u'\n');
}

} // namespace

class tst_Stats : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void readsEverySectionWithoutErrors();
    void streamingClientAndSlotAreReported();
    void showsTheBlockingTreeWithBothSessionsAndTheRelation();
    void measuresASequenceAgainstTheNarrowerColumn();
    void reportsDeadTuplesOfATableWithoutAutovacuum();
    void reportsUnusedAndDuplicateIndexes();
    void listsAnIdleInTransactionSession();
    void ratesMatchKnownCommitDeltas();
    void readsTopStatementsWhenInstalled();
    void hidesTopStatementsWithAHintWhenAbsent();
    void aTimedOutSectionLeavesTheOthersWorking();
    void aRoleWithoutReadAllStatsGetsANote();
    void listsMaterializedViews();
    void sumsAPartitionedTableOverItsPartitionsAtEveryLevel();
    void listsUserTablesAsTheOldestWhileCatalogsAreYoung();
};

void tst_Stats::initTestCase()
{
    STRATA_REQUIRE_SERVER();
    TestServer::createDatabase(kDb);
}

void tst_Stats::readsEverySectionWithoutErrors()
{
    const StatsSnapshot s = collect(kDb);
    QVERIFY(s.server.ok());
    QCOMPARE(s.server.rows.first().database, kDb);
    QVERIFY(s.server.rows.first().maxConnections > 0);
    auto check = [](const auto &sec, const char *name) {
        QVERIFY2(sec.ok(), qPrintable(QString::fromLatin1(name) + u' ' + sec.error.toString()));
    };
    check(s.databases, "databases");
    check(s.relations, "relations");
    check(s.largestIndexes, "largestIndexes");
    check(s.cacheHit, "cacheHit");
    check(s.connections, "connections");
    check(s.activity, "activity");
    check(s.locks, "locks");
    check(s.vacuum, "vacuum");
    check(s.xidTables, "xidTables");
    check(s.unusedIndexes, "unusedIndexes");
    check(s.duplicateIndexes, "duplicateIndexes");
    check(s.sequences, "sequences");
    check(s.matviews, "matviews");
    check(s.replication, "replication");
    check(s.slots, "slots");
    check(s.checkpoints, "checkpoints");
    bool found = false;
    for (const DatabaseRow &d : s.databases.rows)
        if (d.name == kDb) {
            found = true;
            QVERIFY(d.bytes > 1000000);
            QVERIFY(d.xidAge > 0);
        }
    QVERIFY(found);
    QCOMPARE(s.cacheHit.rows.size(), 1);
    QVERIFY(s.connectionCount() >= 1);
    QVERIFY(s.elapsedMs >= s.serverMs / 2);
}

void tst_Stats::streamingClientAndSlotAreReported()
{
    if (TestServer::serverMajor() > 15)
        QSKIP("Debian's pg_receivewal 15 does not stream from a newer server (the test "
              "matrix's 16-18 builds carry no client tools)");
    // A physical slot that keeps WAL, first with nobody reading it, then with pg_receivewal
    // streaming from it (a walsender like a standby's).
    const QString slot = QStringLiteral("strata_test_slot");
    QCOMPARE(
        TestServer::exec("postgres",
            QStringLiteral("SELECT pg_create_physical_replication_slot('%1', true)").arg(slot)),
        QString());
    auto dropSlot = qScopeGuard([&] {
        waitUntil([&] {
            return TestServer::exec(
                "postgres", QStringLiteral("SELECT pg_drop_replication_slot('%1')").arg(slot))
                .isEmpty();
        });
    });
    TestServer::exec(kDb,
        QStringLiteral("CREATE TABLE wal_maker AS SELECT g FROM "
                       "generate_series(1, 20000) g; DROP TABLE wal_maker;"));
    auto findSlot = [&](const StatsSnapshot &s) -> const SlotRow * {
        for (const SlotRow &r : s.slots.rows)
            if (r.name == slot)
                return &r;
        return nullptr;
    };
    {
        StatsSnapshot s = collect(kDb);
        const SlotRow *r = findSlot(s);
        QVERIFY(r);
        QCOMPARE(r->type, QStringLiteral("physical"));
        QVERIFY(!r->active);
        QVERIFY2(r->retainedBytes > 0, qPrintable(QString::number(r->retainedBytes)));
        // An inactive slot past the threshold is a warning (the threshold lowered to 1 byte).
        HealthThresholds t;
        t.slotRetainedBytes = 1;
        s.warnings = statshealth::evaluate(s, t);
        QVERIFY2(hasWarning(s, "replication", "Inactive replication slot " + slot),
            qPrintable(warningsText(s)));
    }

    QTemporaryDir wal;
    QProcess receiver;
    receiver.setProcessChannelMode(QProcess::ForwardedChannels);
    receiver.start(TestServer::binDir() + "/pg_receivewal",
        { "-D", wal.path(), "-S", slot, "-h", "127.0.0.1", "-p",
            QString::number(TestServer::profile(kDb).port), "-U", "postgres", "-n" });
    QVERIFY(receiver.waitForStarted());
    auto stop = qScopeGuard([&] {
        receiver.terminate();
        receiver.waitForFinished(10000);
    });
    QVERIFY(waitUntil([] {
        return TestServer::scalar("postgres",
                   "SELECT count(*) FROM pg_stat_replication WHERE application_name = "
                   "'pg_receivewal' AND state = 'streaming'")
            == QLatin1String("1");
    }));
    const StatsSnapshot s = collect(kDb);
    QVERIFY2(s.replication.ok(), qPrintable(s.replication.error.toString()));
    const ReplicationRow *stream = nullptr;
    for (const ReplicationRow &r : s.replication.rows)
        if (r.application == QLatin1String("pg_receivewal"))
            stream = &r;
    QVERIFY(stream);
    QCOMPARE(stream->state, QStringLiteral("streaming"));
    QCOMPARE(stream->clientAddress, QStringLiteral("127.0.0.1"));
    QVERIFY(stream->pid > 0);
    QVERIFY(!stream->sentLsn.isEmpty());
    const SlotRow *r = findSlot(s);
    QVERIFY(r);
    QVERIFY(r->active);
    // An active slot is read, not a warning, however much it holds.
    StatsSnapshot copy = s;
    HealthThresholds t;
    t.slotRetainedBytes = 1;
    copy.warnings = statshealth::evaluate(copy, t);
    QVERIFY2(!hasWarning(copy, "replication", "Inactive replication slot " + slot),
        qPrintable(warningsText(copy)));
}

void tst_Stats::showsTheBlockingTreeWithBothSessionsAndTheRelation()
{
    TestServer::exec(kDb,
        QStringLiteral("CREATE TABLE \"Lock Tàble\"(id int); "
                       "INSERT INTO \"Lock Tàble\" VALUES (1);"));
    Conn holder(kDb), waiter(kDb);
    QVERIFY(holder.ok() && waiter.ok());
    QCOMPARE(
        holder.exec(QStringLiteral("BEGIN; LOCK TABLE \"Lock Tàble\" IN ACCESS EXCLUSIVE MODE")),
        QString());
    QVERIFY(PQsendQuery(waiter.c, "SELECT * FROM \"Lock Tàble\""));
    const QString waiting = QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = %1 "
                                           "AND wait_event_type = 'Lock'")
                                .arg(waiter.pid());
    QVERIFY(waitUntil([&] { return TestServer::scalar(kDb, waiting) == QLatin1String("1"); }));

    StatsCollector::Options o;
    o.sectionTimeoutMs = 1500; // the size section waits for the same lock
    const StatsSnapshot s = collect(kDb, o);
    QVERIFY2(s.locks.ok(), qPrintable(s.locks.error.toString()));
    const QList<LockNode> tree = s.lockTree();
    const LockNode *root = nullptr;
    for (const LockNode &n : tree)
        if (n.row.pid == holder.pid())
            root = &n;
    QVERIFY2(root, "the holder is a root of the tree");
    QCOMPARE(root->blocked.size(), 1);
    const LockRow &w = root->blocked.first().row;
    QCOMPARE(w.pid, waiter.pid());
    QCOMPARE(w.blockedBy, QList<int> { holder.pid() });
    QVERIFY2(w.wantedRelation.contains(QStringLiteral("Lock Tàble")), qPrintable(w.wantedRelation));
    QCOMPARE(w.wantedMode, QStringLiteral("AccessShareLock"));
    QVERIFY(w.query.contains(QStringLiteral("SELECT * FROM")));
    QVERIFY2(hasWarning(s, "locks", "waiting"), qPrintable(warningsText(s)));

    holder.exec(QStringLiteral("ROLLBACK"));
    while (PGresult *r = PQgetResult(waiter.c))
        PQclear(r);
}

void tst_Stats::measuresASequenceAgainstTheNarrowerColumn()
{
    // A bigint sequence feeding an int4 column runs out at 2^31-1, not at the sequence's max.
    QCOMPARE(TestServer::exec(kDb,
                 QStringLiteral(
                     "CREATE SCHEMA \"Séq Schema\";"
                     "CREATE SEQUENCE \"Séq Schema\".\"Big \"\"Seq\"\"\" AS bigint;"
                     "CREATE TABLE \"Séq Schema\".\"Narrow.T\"(id int4 DEFAULT "
                     "  nextval('\"Séq Schema\".\"Big \"\"Seq\"\"\"'), v text);"
                     "SELECT setval('\"Séq Schema\".\"Big \"\"Seq\"\"\"', 1932735282);" // 90%
                     "CREATE TABLE \"Séq Schema\".wide(id bigserial);"
                     "SELECT setval('\"Séq Schema\".wide_id_seq', 1932735282);"
                     // Counting down from 100 to 1, at 81: a fifth of the way, not 81 times over.
                     "CREATE SEQUENCE \"Séq Schema\".countdown AS smallint INCREMENT BY -1"
                     "  MINVALUE 1 MAXVALUE 100 START WITH 100;"
                     "SELECT setval('\"Séq Schema\".countdown', 81);")),
        QString());
    const StatsSnapshot s = collect(kDb);
    QVERIFY2(s.sequences.ok(), qPrintable(s.sequences.error.toString()));
    const SequenceRow *narrow = nullptr, *wide = nullptr, *down = nullptr;
    for (const SequenceRow &q : s.sequences.rows) {
        if (q.name == QStringLiteral("countdown"))
            down = &q;
        if (q.name == QStringLiteral("Big \"Seq\""))
            narrow = &q;
        if (q.name == QStringLiteral("wide_id_seq"))
            wide = &q;
    }
    QVERIFY(narrow && wide);
    QCOMPARE(narrow->schema, QStringLiteral("Séq Schema"));
    QCOMPARE(narrow->sequenceType, QStringLiteral("bigint"));
    QCOMPARE(narrow->table, QStringLiteral("Narrow.T"));
    QCOMPARE(narrow->column, QStringLiteral("id"));
    QCOMPARE(narrow->columnType, QStringLiteral("integer"));
    QCOMPARE(narrow->limit, qint64(2147483647));
    QVERIFY(narrow->limitedByColumn());
    QVERIFY(qAbs(narrow->usedFraction() - 0.90) < 0.001);
    // The same value in a bigint sequence feeding a bigint column is nowhere near its end.
    QCOMPARE(wide->limit, std::numeric_limits<qint64>::max());
    QVERIFY(wide->usedFraction() < 0.001);
    QVERIFY(down);
    QCOMPARE(down->limit, qint64(1));
    QVERIFY2(qAbs(down->usedFraction() - 19.0 / 99.0) < 0.001,
        qPrintable(QString::number(down->usedFraction())));
    QVERIFY2(hasWarning(s, "sequences", "1 sequence is above 80%"), qPrintable(warningsText(s)));
    QVERIFY2(hasWarning(s, "sequences", "Big \"Seq\" (90% of integer column Narrow.T.id)"),
        qPrintable(warningsText(s)));
}

void tst_Stats::reportsDeadTuplesOfATableWithoutAutovacuum()
{
    QCOMPARE(
        TestServer::exec(kDb,
            QStringLiteral(
                "CREATE TABLE \"Dead Rows\"(id int, pad text) WITH (autovacuum_enabled = false);"
                "INSERT INTO \"Dead Rows\" SELECT g, 'x' FROM generate_series(1, 10000) g;"
                "DELETE FROM \"Dead Rows\" WHERE id <= 6000;")),
        QString());
    // The deleting backend has ended, which flushes its counters.
    VacuumRow row;
    QVERIFY(waitUntil([&] {
        const StatsSnapshot s = collect(kDb);
        for (const VacuumRow &v : s.vacuum.rows)
            if (v.table == QStringLiteral("Dead Rows"))
                row = v;
        return row.deadTuples >= 6000;
    }));
    QCOMPARE(row.deadTuples, qint64(6000));
    QCOMPARE(row.liveTuples, qint64(4000));
    QVERIFY(!row.autovacuumEnabled);
    QVERIFY(!row.lastAnyVacuum().isValid());
    const StatsSnapshot s = collect(kDb);
    QVERIFY2(hasWarning(s, "vacuum",
                 "Table public.Dead Rows has 6,000 dead tuples (60% of its rows); "
                 "autovacuum is disabled for it."),
        qPrintable(warningsText(s)));
}

void tst_Stats::reportsUnusedAndDuplicateIndexes()
{
    QCOMPARE(
        TestServer::exec(kDb,
            QStringLiteral("CREATE TABLE \"Idx T\"(id int PRIMARY KEY, a int, b int);"
                           "INSERT INTO \"Idx T\" SELECT g, g, g FROM generate_series(1, 2000) g;"
                           "CREATE INDEX \"Never Used\" ON \"Idx T\"(a);"
                           "CREATE INDEX dup_one ON \"Idx T\"(b);"
                           "CREATE INDEX \"dup, two\" ON \"Idx T\"(b);"
                           "ANALYZE \"Idx T\";")),
        QString());
    // Use the primary key so it is not reported even if it were not unique.
    TestServer::exec(
        kDb, QStringLiteral("SET enable_seqscan = off; SELECT * FROM \"Idx T\" WHERE id = 5"));
    const StatsSnapshot s = collect(kDb);
    QVERIFY(s.unusedIndexes.ok());
    QStringList unused;
    for (const UnusedIndexRow &u : s.unusedIndexes.rows)
        if (u.table == QStringLiteral("Idx T"))
            unused << u.index;
    QVERIFY2(unused.contains(QStringLiteral("Never Used")), qPrintable(unused.join(',')));
    QVERIFY(!unused.contains(QStringLiteral("Idx T_pkey")));
    QVERIFY(s.duplicateIndexes.ok());
    bool dup = false;
    for (const DuplicateIndexRow &d : s.duplicateIndexes.rows)
        if (d.table == QStringLiteral("Idx T")) {
            QCOMPARE(
                d.indexes, (QStringList { QStringLiteral("dup, two"), QStringLiteral("dup_one") }));
            QCOMPARE(d.bytes.size(), 2);
            QVERIFY(d.bytes.first() > 0);
            dup = true;
        }
    QVERIFY(dup);
    QVERIFY2(hasWarning(s, "indexes", "identical indexes: dup, two, dup_one"),
        qPrintable(warningsText(s)));
}

void tst_Stats::listsAnIdleInTransactionSession()
{
    Conn c(kDb);
    QVERIFY(c.ok());
    QCOMPARE(c.exec(QStringLiteral("BEGIN; SELECT 42 AS idle_marker")), QString());
    StatsSnapshot s;
    QVERIFY(waitUntil([&] {
        s = collect(kDb);
        for (const ActivityRow &a : s.idleInTransaction())
            if (a.pid == c.pid())
                return true;
        return false;
    }));
    for (const ActivityRow &a : s.activity.rows)
        if (a.pid == c.pid()) {
            QCOMPARE(a.state, QStringLiteral("idle in transaction"));
            QVERIFY(a.query.contains(QStringLiteral("idle_marker")));
            QVERIFY(a.transactionSeconds >= 0);
            QVERIFY(!a.queryHidden);
        }
    c.exec(QStringLiteral("ROLLBACK"));
}

void tst_Stats::ratesMatchKnownCommitDeltas()
{
    TestServer::createDatabase(QStringLiteral("tst_stats_rates"));
    Session sampler(TestServer::profile(QStringLiteral("tst_stats_rates")));
    auto sample = [&] {
        return sampler.run([](SessionContext &ctx) { return StatsCollector::sample(ctx); })
            .result();
    };
    QVERIFY(sample().ok()); // connect, so its own first flush is out of the way
    QTest::qWait(1200);
    auto a = sample();
    QVERIFY(a.ok());
    QElapsedTimer measured;
    measured.start();
    const int n = 300;
    {
        Conn c(QStringLiteral("tst_stats_rates"));
        QVERIFY(c.ok());
        c.exec(QStringLiteral("CREATE TABLE r(x int)"));
        for (int i = 0; i < n; ++i)
            QCOMPARE(c.exec(QStringLiteral("INSERT INTO r VALUES (%1)").arg(i)), QString());
    } // disconnecting flushes the backend's counters
    QTest::qWait(1100);
    auto b = sample();
    QVERIFY(b.ok());
    const double clientSeconds = measured.elapsed() / 1000.0;

    const Rates r = Rates::between(*a, *b, QStringLiteral("tst_stats_rates"));
    QVERIFY(r.valid());
    QVERIFY2(qAbs(r.seconds - clientSeconds) < 0.5,
        qPrintable(QStringLiteral("%1 vs %2").arg(r.seconds).arg(clientSeconds)));
    const qint64 commits = b->find(QStringLiteral("tst_stats_rates"))->commits
        - a->find(QStringLiteral("tst_stats_rates"))->commits;
    const qint64 inserted = b->find(QStringLiteral("tst_stats_rates"))->inserted
        - a->find(QStringLiteral("tst_stats_rates"))->inserted;
    // n inserts + CREATE TABLE, plus the sampler's own few statements.
    QVERIFY2(commits >= n + 1 && commits <= n + 20, qPrintable(QString::number(commits)));
    // tup_inserted also counts the catalog rows CREATE TABLE writes.
    QVERIFY2(inserted >= n && inserted <= n + 60, qPrintable(QString::number(inserted)));
    // The rate is the delta over the elapsed seconds, not the raw delta.
    QVERIFY(qAbs(r.commits - commits / r.seconds) < 1e-6);
    QVERIFY(qAbs(r.inserted - inserted / r.seconds) < 1e-6);
    QVERIFY(r.commits < commits); // more than a second passed
    QVERIFY(r.transactions >= r.commits);
    // Counters that went backwards give no rate.
    QVERIFY(!Rates::between(*b, *a, QStringLiteral("tst_stats_rates")).valid());
    // All databases together are at least this one.
    QVERIFY(Rates::between(*a, *b).commits >= r.commits);
}

void tst_Stats::readsTopStatementsWhenInstalled()
{
    TestServer::exec(
        kDb, QStringLiteral("SELECT count(*) FROM pg_class WHERE relname = 'marker_for_pgss'"));
    const StatsSnapshot s = collect(kDb);
    QCOMPARE(s.statementsState, StatementsState::Available);
    QVERIFY2(s.statements.ok(), qPrintable(s.statements.error.toString()));
    QVERIFY(!s.statements.rows.isEmpty());
    QVERIFY(s.statements.rows.first().calls > 0);
    QVERIFY(s.statements.rows.first().totalMs >= s.statements.rows.last().totalMs);
}

void tst_Stats::hidesTopStatementsWithAHintWhenAbsent()
{
    TestServer::createDatabase(QStringLiteral("tst_stats_nopgss"));
    QCOMPARE(TestServer::exec(QStringLiteral("tst_stats_nopgss"),
                 QStringLiteral("DROP EXTENSION IF EXISTS pg_stat_statements")),
        QString());
    const StatsSnapshot s = collect(QStringLiteral("tst_stats_nopgss"));
    QCOMPARE(s.statementsState, StatementsState::NotInstalled);
    QVERIFY(!s.statements.error.isError());
    QVERIFY(s.statements.rows.isEmpty());
    QVERIFY2(s.statements.note.contains(QStringLiteral("CREATE EXTENSION pg_stat_statements")),
        qPrintable(s.statements.note));
    QVERIFY(s.activity.ok() && s.relations.ok());
}

void tst_Stats::aTimedOutSectionLeavesTheOthersWorking()
{
    // pg_total_relation_size waits for a table's lock; an ALTER TABLE holding it must not
    // freeze the dashboard.
    TestServer::exec(kDb, QStringLiteral("CREATE TABLE \"Held\"(id int)"));
    Conn holder(kDb);
    QCOMPARE(holder.exec(QStringLiteral("BEGIN; LOCK TABLE \"Held\" IN ACCESS EXCLUSIVE MODE")),
        QString());
    StatsCollector::Options o;
    o.sectionTimeoutMs = 500;
    QElapsedTimer t;
    t.start();
    const StatsSnapshot s = collect(kDb, o);
    QVERIFY(t.elapsed() < 10000);
    QVERIFY(s.relations.collected);
    QCOMPARE(s.relations.error.kind, Error::Kind::Timeout);
    QVERIFY(s.relations.error.message.contains(QStringLiteral("relations")));
    QVERIFY(!s.relations.error.hint.isEmpty());
    QVERIFY(s.activity.ok());
    QVERIFY(s.sequences.ok());
    QVERIFY(s.vacuum.ok());
    QVERIFY(s.databases.ok());
    QVERIFY(s.locks.ok());
    QVERIFY2(hasWarning(s, "statistics", "could not be read"), qPrintable(warningsText(s)));
    holder.exec(QStringLiteral("ROLLBACK"));
    // The session's own timeout is back afterwards.
    Session check(TestServer::profile(kDb));
    StatsCollector collector(o);
    auto after = check
                     .run([collector](SessionContext &ctx) {
                         collector.collect(ctx);
                         return ctx.execText(QStringLiteral("SHOW statement_timeout"));
                     })
                     .result();
    QVERIFY(after.ok());
    QCOMPARE(after->text(0, 0), QStringLiteral("30s"));
}

void tst_Stats::aRoleWithoutReadAllStatsGetsANote()
{
    TestServer::exec(QStringLiteral("postgres"),
        QStringLiteral("DROP ROLE IF EXISTS \"stats Réader\"; "
                       "CREATE ROLE \"stats Réader\" LOGIN"));
    Conn other(kDb);
    QCOMPARE(other.exec(QStringLiteral("BEGIN; SELECT 'secret_marker'")), QString());
    const StatsSnapshot s = collect(kDb, {}, QStringLiteral("stats Réader"));
    QVERIFY2(s.server.ok(), qPrintable(s.server.error.toString()));
    QVERIFY(!s.server.rows.first().readAllStats);
    QVERIFY2(s.activity.ok(), qPrintable(s.activity.error.toString()));
    QVERIFY2(
        s.activity.note.contains(QStringLiteral("pg_read_all_stats")), qPrintable(s.activity.note));
    QVERIFY(s.activity.note.contains(QStringLiteral("\"stats Réader\"")));
    bool seen = false;
    for (const ActivityRow &a : s.activity.rows)
        if (a.pid == other.pid()) {
            seen = true;
            QVERIFY(a.queryHidden);
            QVERIFY(!a.query.contains(QStringLiteral("secret_marker")));
        }
    QVERIFY(seen);
    QVERIFY(s.vacuum.ok() && s.sequences.ok() && s.databases.ok());
    other.exec(QStringLiteral("ROLLBACK"));
}

void tst_Stats::listsMaterializedViews()
{
    QCOMPARE(
        TestServer::exec(kDb,
            QStringLiteral("CREATE MATERIALIZED VIEW \"MV Full\" AS SELECT g AS id FROM "
                           "generate_series(1, 100) g;"
                           "CREATE UNIQUE INDEX ON \"MV Full\"(id);"
                           "CREATE MATERIALIZED VIEW mv_empty AS SELECT 1 AS x WITH NO DATA;")),
        QString());
    const StatsSnapshot s = collect(kDb);
    QVERIFY(s.matviews.ok());
    int found = 0;
    for (const MatViewRow &m : s.matviews.rows) {
        if (m.name == QStringLiteral("MV Full")) {
            QVERIFY(m.populated);
            QVERIFY(m.canRefreshConcurrently());
            QVERIFY(m.bytes > 0);
            ++found;
        } else if (m.name == QStringLiteral("mv_empty")) {
            QVERIFY(!m.populated);
            QVERIFY(!m.canRefreshConcurrently());
            ++found;
        }
    }
    QCOMPARE(found, 2);
    QVERIFY(hasWarning(s, "matviews", "mv_empty holds no data"));
}

void tst_Stats::sumsAPartitionedTableOverItsPartitionsAtEveryLevel()
{
    QCOMPARE(TestServer::exec(kDb,
                 QStringLiteral(
                     "CREATE TABLE \"Part Root\"(id int, k text, v text) PARTITION BY RANGE (id);"
                     "CREATE TABLE \"Part A\" PARTITION OF \"Part Root\" FOR VALUES FROM (0) TO "
                     "(1000);"
                     "CREATE TABLE \"Part B\" PARTITION OF \"Part Root\" FOR VALUES FROM (1000) "
                     "TO (3000) PARTITION BY LIST (k);"
                     "CREATE TABLE \"Part B1\" PARTITION OF \"Part B\" FOR VALUES IN ('x');"
                     "CREATE TABLE \"Part B2\" PARTITION OF \"Part B\" FOR VALUES IN ('y');"
                     "CREATE INDEX ON \"Part A\"(id);" // per leaf: PostgreSQL 10 has no partitioned
                                                       // indexes
                     "CREATE INDEX ON \"Part B1\"(id);"
                     "CREATE INDEX ON \"Part B2\"(id);"
                     "INSERT INTO \"Part Root\" SELECT g, CASE WHEN g % 2 = 0 THEN 'x' ELSE 'y' "
                     "END, repeat('v', 500) FROM generate_series(0, 2999) g;"
                     "ANALYZE \"Part Root\";")),
        QString());
    StatsCollector::Options o;
    o.topRelations = 200;
    const StatsSnapshot s = collect(kDb, o);
    QVERIFY2(s.relations.ok(), qPrintable(s.relations.error.toString()));
    auto find = [&](const QString &name) -> const RelationSizeRow * {
        for (const RelationSizeRow &r : s.relations.rows)
            if (r.name == name)
                return &r;
        return nullptr;
    };
    // Every member of the tree: the partitions' storage, and before PostgreSQL 12 the TOAST
    // table each partitioned table still had.
    auto leaves = [](const QString &root) {
        return TestServer::scalar(kDb,
            QStringLiteral("WITH RECURSIVE t(oid) AS (SELECT '%1'::regclass::oid UNION "
                           "SELECT i.inhrelid FROM pg_inherits i JOIN t ON i.inhparent = t.oid) "
                           "SELECT sum(pg_total_relation_size(c.oid)) FROM t "
                           "JOIN pg_class c ON c.oid = t.oid")
                .arg(root))
            .toLongLong();
    };
    const RelationSizeRow *root = find(QStringLiteral("Part Root"));
    QVERIFY(root);
    QCOMPARE(root->kind, QChar(u'p'));
    QCOMPARE(root->partitions, 3);
    QVERIFY(!root->isPartition());
    QCOMPARE(root->totalBytes, leaves(QStringLiteral("\"Part Root\"")));
    QVERIFY(root->heapBytes > 1000000 && root->indexBytes > 0);
    QCOMPARE(qRound(root->rowEstimate), 3000);
    const RelationSizeRow *mid = find(QStringLiteral("Part B"));
    QVERIFY(mid);
    QCOMPARE(mid->partitions, 2);
    QCOMPARE(mid->parentName, QStringLiteral("Part Root"));
    QCOMPARE(mid->totalBytes, leaves(QStringLiteral("\"Part B\"")));
    const RelationSizeRow *leaf = find(QStringLiteral("Part B1"));
    QVERIFY(leaf);
    QCOMPARE(leaf->kind, QChar(u'r'));
    QCOMPARE(leaf->parentName, QStringLiteral("Part B"));
    QCOMPARE(leaf->parentSchema, QStringLiteral("public"));
    QCOMPARE(leaf->partitions, 0);
}

void tst_Stats::listsUserTablesAsTheOldestWhileCatalogsAreYoung()
{
    TestServer::exec(kDb, QStringLiteral("CREATE TABLE IF NOT EXISTS \"Old Ü\"(id int)"));
    StatsCollector::Options o;
    o.xidRows = 1000; // the newest table is the youngest: list them all
    const StatsSnapshot s = collect(kDb, o);
    QVERIFY2(s.xidTables.ok(), qPrintable(s.xidTables.error.toString()));
    QVERIFY(!s.xidTables.rows.isEmpty());
    bool found = false;
    for (const XidAgeRow &x : s.xidTables.rows) {
        // A young cluster's catalogs are far from autovacuum_freeze_max_age: none is listed.
        QVERIFY2(!x.system && x.schema != QLatin1String("pg_catalog"), qPrintable(x.table));
        found = found || x.table == QStringLiteral("Old Ü");
    }
    QVERIFY(found);
}

QTEST_GUILESS_MAIN(tst_Stats)
#include "tst_stats.moc"
