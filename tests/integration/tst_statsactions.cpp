// Dashboard actions against the real server: cancel, terminate, VACUUM, ANALYZE, REFRESH.
#include "db/session.h"
#include "stats/statsactions.h"
#include "stats/statscollector.h"
#include "testserver.h"

#include <libpq-fe.h>

#include <QElapsedTimer>
#include <QTest>

using namespace strata::core;
using namespace strata::core::statsactions;
using strata::test::TestServer;

namespace {
const QString kDb = QStringLiteral("tst_statsactions");

SessionOptions writable()
{
    SessionOptions o;
    o.readOnly = false;
    o.statementTimeoutMs = 0;
    return o;
}
} // namespace

class tst_StatsActions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cancelStopsARunningQuery();
    void terminateEndsASession();
    void vacuumRemovesDeadTuplesOutsideATransaction();
    void analyzeRecordsTheAnalyze();
    void refreshFillsAMaterializedViewThenConcurrently();
    void aReadOnlySessionCannotRefreshAndSaysWhy();
    void progressOfAnIdleBackendIsEmpty();
};

void tst_StatsActions::initTestCase()
{
    STRATA_REQUIRE_SERVER();
    TestServer::createDatabase(kDb);
    QCOMPARE(TestServer::exec(kDb,
                 QStringLiteral(
                     "CREATE SCHEMA \"Mäint \"\"S\"\"\";"
                     "CREATE TABLE \"Mäint \"\"S\"\"\".\"Dead.T\"(id int) WITH (autovacuum_enabled "
                     "= false);"
                     "INSERT INTO \"Mäint \"\"S\"\"\".\"Dead.T\" SELECT generate_series(1, 5000);"
                     "DELETE FROM \"Mäint \"\"S\"\"\".\"Dead.T\" WHERE id % 2 = 0;"
                     "CREATE MATERIALIZED VIEW \"Mäint \"\"S\"\"\".\"MV x\" AS SELECT 1 AS id WITH "
                     "NO DATA;"
                     "CREATE UNIQUE INDEX ON \"Mäint \"\"S\"\"\".\"MV x\"(id);")),
        QString());
}

void tst_StatsActions::cancelStopsARunningQuery()
{
    PGconn *c = PQconnectdb(TestServer::connInfo(kDb).toUtf8().constData());
    QVERIFY(PQsendQuery(c, "SELECT pg_sleep(30)"));
    const int pid = PQbackendPID(c);
    QTest::qWait(300);
    Session s(TestServer::profile(kDb), {}, writable());
    QElapsedTimer t;
    t.start();
    auto r = s.run([pid](SessionContext &ctx) { return cancelBackend(ctx, pid); }).result();
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QVERIFY(r.value());
    PGresult *res = PQgetResult(c);
    QCOMPARE(
        QString::fromLatin1(PQresultErrorField(res, PG_DIAG_SQLSTATE)), QStringLiteral("57014"));
    QVERIFY(t.elapsed() < 10000);
    PQclear(res);
    while ((res = PQgetResult(c)))
        PQclear(res);
    QCOMPARE(PQstatus(c), CONNECTION_OK); // cancelled, not ended
    PQfinish(c);
    // No such backend: false, not an error.
    auto none = s.run([](SessionContext &ctx) { return cancelBackend(ctx, 1); }).result();
    QVERIFY(none.ok());
}

void tst_StatsActions::terminateEndsASession()
{
    PGconn *c = PQconnectdb(TestServer::connInfo(kDb).toUtf8().constData());
    const int pid = PQbackendPID(c);
    Session s(TestServer::profile(kDb), {}, writable());
    auto r = s.run([pid](SessionContext &ctx) { return terminateBackend(ctx, pid); }).result();
    QVERIFY(r.ok() && r.value());
    const QString q
        = QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = %1").arg(pid);
    QElapsedTimer t;
    t.start();
    while (TestServer::scalar(kDb, q) != QLatin1String("0") && t.elapsed() < 5000)
        QTest::qWait(50);
    QCOMPARE(TestServer::scalar(kDb, q), QStringLiteral("0"));
    PQfinish(c);
}

void tst_StatsActions::vacuumRemovesDeadTuplesOutsideATransaction()
{
    const QString schema = QStringLiteral("Mäint \"S\"");
    Session s(TestServer::profile(kDb), {}, writable());
    QCOMPARE(statementFor(nullptr, Maintenance::Vacuum, schema, QStringLiteral("Dead.T")),
        QStringLiteral("VACUUM (ANALYZE) \"Mäint \"\"S\"\"\".\"Dead.T\""));
    auto r = s.run([schema](SessionContext &ctx) {
                  return runMaintenance(ctx, Maintenance::Vacuum, schema, QStringLiteral("Dead.T"));
              }).result();
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    const QString q
        = QStringLiteral("SELECT n_dead_tup = 0 AND vacuum_count = 1 FROM pg_stat_user_tables "
                         "WHERE relname = 'Dead.T'");
    QElapsedTimer t;
    t.start();
    while (TestServer::scalar(kDb, q) != QLatin1String("t") && t.elapsed() < 5000)
        QTest::qWait(100);
    QCOMPARE(TestServer::scalar(kDb, q), QStringLiteral("t"));
}

void tst_StatsActions::analyzeRecordsTheAnalyze()
{
    Session s(TestServer::profile(kDb), {}, writable());
    auto r = s.run([](SessionContext &ctx) {
                  return runMaintenance(ctx, Maintenance::Analyze, QStringLiteral("Mäint \"S\""),
                      QStringLiteral("Dead.T"));
              }).result();
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    const QString q = QStringLiteral(
        "SELECT analyze_count >= 1 FROM pg_stat_user_tables WHERE relname = 'Dead.T'");
    QElapsedTimer t;
    t.start();
    while (TestServer::scalar(kDb, q) != QLatin1String("t") && t.elapsed() < 5000)
        QTest::qWait(100);
    QCOMPARE(TestServer::scalar(kDb, q), QStringLiteral("t"));
}

void tst_StatsActions::refreshFillsAMaterializedViewThenConcurrently()
{
    Session s(TestServer::profile(kDb), {}, writable());
    const QString schema = QStringLiteral("Mäint \"S\"");
    // CONCURRENTLY refuses a view without data: the collector says so before we try.
    auto bad = s.run([schema](SessionContext &ctx) {
                    return runMaintenance(
                        ctx, Maintenance::RefreshConcurrently, schema, QStringLiteral("MV x"));
                }).result();
    QVERIFY(!bad.ok());
    QVERIFY(bad.error().message.contains(QStringLiteral("REFRESH MATERIALIZED VIEW CONCURRENTLY")));
    auto r = s.run([schema](SessionContext &ctx) {
                  return runMaintenance(ctx, Maintenance::Refresh, schema, QStringLiteral("MV x"));
              }).result();
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(TestServer::scalar(
                 kDb, QStringLiteral("SELECT relispopulated FROM pg_class WHERE relname = 'MV x'")),
        QStringLiteral("t"));
    Session reader(TestServer::profile(kDb));
    auto snap = reader
                    .run([](SessionContext &ctx) -> Result<StatsSnapshot> {
                        return StatsCollector().collect(ctx);
                    })
                    .result();
    bool ok = false;
    for (const MatViewRow &m : snap->matviews.rows)
        if (m.name == QStringLiteral("MV x"))
            ok = m.canRefreshConcurrently();
    QVERIFY(ok);
    auto again = s.run([schema](SessionContext &ctx) {
                      return runMaintenance(
                          ctx, Maintenance::RefreshConcurrently, schema, QStringLiteral("MV x"));
                  }).result();
    QVERIFY2(again.ok(), qPrintable(again.error().toString()));
}

void tst_StatsActions::aReadOnlySessionCannotRefreshAndSaysWhy()
{
    // VACUUM and ANALYZE are allowed in a read-only transaction (PostgreSQL 15 checked);
    // REFRESH MATERIALIZED VIEW is not.
    Session s(TestServer::profile(kDb));
    auto r = s.run([](SessionContext &ctx) {
                  return runMaintenance(ctx, Maintenance::Refresh, QStringLiteral("Mäint \"S\""),
                      QStringLiteral("MV x"));
              }).result();
    QVERIFY(!r.ok());
    QCOMPARE(r.error().sqlState, QStringLiteral("25006"));
    QVERIFY(r.error().hint.contains(QStringLiteral("read-write")));
}

void tst_StatsActions::progressOfAnIdleBackendIsEmpty()
{
    Session s(TestServer::profile(kDb));
    auto r = s.run([](SessionContext &ctx) -> Result<Progress> {
                  auto pid = backendPid(ctx);
                  if (!pid)
                      return pid.error();
                  return progress(ctx, Maintenance::Vacuum, pid.value());
              }).result();
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->total, qint64(0));
    auto a = s.run([](SessionContext &ctx) {
                  return progress(ctx, Maintenance::Analyze, 1);
              }).result();
    QVERIFY(a.ok());
}

QTEST_GUILESS_MAIN(tst_StatsActions)
#include "tst_statsactions.moc"
