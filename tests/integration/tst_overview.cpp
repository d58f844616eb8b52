// What the overview page reads, on every server version of the matrix: the server's facts, the
// databases, and the warning an old server gets.
#include "db/session.h"
#include "overview/overviewreader.h"
#include "testserver.h"

#include <QTest>

using namespace strata::core;
using strata::test::TestServer;

class tst_Overview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void serverFactsAreRead();
    void databasesAreListedWithTheirSizes();
    void serversBefore12GetAWarningNotARefusal();

private:
    template <typename F> auto run(F fn)
    {
        Session s(TestServer::profile(QStringLiteral("tst_overview")));
        return s.run(std::move(fn)).result();
    }
};

void tst_Overview::initTestCase()
{
    STRATA_REQUIRE_SERVER();
    TestServer::createDatabase(QStringLiteral("tst_overview"));
    QCOMPARE(TestServer::exec(QStringLiteral("tst_overview"),
                 QStringLiteral("CREATE SCHEMA one; CREATE SCHEMA two; "
                                "CREATE TABLE one.t AS SELECT generate_series(1, 1000) AS x")),
        QString());
}

void tst_Overview::serverFactsAreRead()
{
    auto f = run([](SessionContext &ctx) { return OverviewReader::server(ctx); });
    QVERIFY2(f.ok(), qPrintable(f.error().toString()));
    QVERIFY(f->startedAt.isValid());
    QVERIFY(f->uptimeSeconds(QDateTime::currentDateTimeUtc()) >= 0);
    QVERIFY(f->clientConnections >= 1);
    QCOMPARE(f->maxConnections, 200); // as the test cluster is configured
    QVERIFY(f->databaseBytes > 0);
    QVERIFY2(f->schemaCount >= 3, qPrintable(QString::number(f->schemaCount))); // public, one, two
    QCOMPARE(f->encoding, QStringLiteral("UTF8"));
    QVERIFY(!f->timeZone.isEmpty());
    bool statStatements = false;
    for (const QString &e : f->extensions)
        statStatements = statStatements || e.startsWith(QLatin1String("pg_stat_statements "));
    QVERIFY2(statStatements, qPrintable(f->extensions.join(u',')));
}

void tst_Overview::databasesAreListedWithTheirSizes()
{
    auto d = run([](SessionContext &ctx) { return OverviewReader::databases(ctx); });
    QVERIFY2(d.ok(), qPrintable(d.error().toString()));
    bool found = false;
    for (const DatabaseSummary &db : d.value()) {
        if (db.name != QLatin1String("tst_overview"))
            continue;
        found = true;
        QCOMPARE(db.owner, QStringLiteral("postgres"));
        QCOMPARE(db.encoding, QStringLiteral("UTF8"));
        QVERIFY(db.sizeBytes > 0);
    }
    QVERIFY(found);
}

void tst_Overview::serversBefore12GetAWarningNotARefusal()
{
    Session s(TestServer::profile(QStringLiteral("tst_overview")));
    auto info = s.open().result();
    QVERIFY2(info.ok(), qPrintable(info.error().toString()));
    QCOMPARE(info->version.major(), TestServer::serverMajor());
    if (TestServer::serverMajor() < 12)
        QVERIFY2(info->warning.contains(QStringLiteral("12")), qPrintable(info->warning));
    else
        QVERIFY(info->warning.isEmpty());
}

QTEST_GUILESS_MAIN(tst_Overview)
#include "tst_overview.moc"
