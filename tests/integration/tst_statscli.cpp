// strata-cli stats against the real server: the JSON carries the documented keys and figures.
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using strata::test::TestServer;

class tst_StatsCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void printsJsonWithEverySection();
    void printsTextWithTheHealthSection();
};

void tst_StatsCli::initTestCase()
{
    STRATA_REQUIRE_SERVER();
    TestServer::createDatabase(QStringLiteral("tst_statscli"));
    QCOMPARE(TestServer::exec(QStringLiteral("tst_statscli"),
                 QStringLiteral(
                     "CREATE TABLE \"Größe\"(id int4 DEFAULT nextval('cli_seq'::regclass)) ;"))
                 .isEmpty(),
        false); // the sequence does not exist yet: proves exec reports errors
    QCOMPARE(
        TestServer::exec(QStringLiteral("tst_statscli"),
            QStringLiteral("CREATE SEQUENCE cli_seq AS bigint;"
                           "CREATE TABLE \"Größe\"(id int4 DEFAULT nextval('cli_seq'), pad text);"
                           "SELECT setval('cli_seq', 2000000000);"
                           "INSERT INTO \"Größe\"(pad) SELECT repeat('x', 100) FROM "
                           "generate_series(1, 1000);")),
        QString());
}

void tst_StatsCli::printsJsonWithEverySection()
{
    QProcess p;
    p.start(TestServer::binaryDir() + QStringLiteral("/strata-cli"),
        { QStringLiteral("stats"), TestServer::connInfo(QStringLiteral("tst_statscli")),
            QStringLiteral("--json"), QStringLiteral("--interval"), QStringLiteral("0.5") });
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    QJsonParseError e;
    const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput(), &e).object();
    QVERIFY2(e.error == QJsonParseError::NoError, qPrintable(e.errorString()));
    for (const char *k :
        { "server", "databases", "relations", "largest_indexes", "cache_hit", "connections",
            "activity", "locks", "vacuum", "xid_age_tables", "unused_indexes", "duplicate_indexes",
            "sequences", "matviews", "replication", "slots", "statements", "checkpoints" }) {
        const QJsonObject sec = o.value(QLatin1String(k)).toObject();
        QVERIFY2(sec.value(QStringLiteral("ok")).toBool(), k);
        QVERIFY2(sec.contains(QStringLiteral("error")) && sec.contains(QStringLiteral("note")), k);
    }
    QVERIFY(o.value(QStringLiteral("rates")).toObject().value(QStringLiteral("seconds")).toDouble()
        >= 0.5);
    bool table = false;
    for (const QJsonValue &v :
        o.value(QStringLiteral("relations")).toObject().value(QStringLiteral("rows")).toArray())
        if (v.toObject().value(QStringLiteral("name")).toString() == QStringLiteral("Größe")) {
            table = true;
            QVERIFY(v.toObject().value(QStringLiteral("heap_bytes")).toDouble() > 8192);
        }
    QVERIFY(table);
    bool seq = false;
    for (const QJsonValue &v :
        o.value(QStringLiteral("sequences")).toObject().value(QStringLiteral("rows")).toArray())
        if (v.toObject().value(QStringLiteral("name")).toString() == QStringLiteral("cli_seq")) {
            seq = true;
            QCOMPARE(v.toObject().value(QStringLiteral("column_type")).toString(),
                QStringLiteral("integer"));
            QVERIFY(v.toObject().value(QStringLiteral("limited_by_column")).toBool());
            QVERIFY(qAbs(v.toObject().value(QStringLiteral("used_fraction")).toDouble()
                        - 2000001000.0 / 2147483647.0)
                < 1e-6);
        }
    QVERIFY(seq);
    bool warned = false;
    for (const QJsonValue &v : o.value(QStringLiteral("warnings")).toArray())
        warned = warned
            || (v.toObject().value(QStringLiteral("category")).toString()
                    == QStringLiteral("sequences")
                && v.toObject().value(QStringLiteral("severity")).toString()
                    == QStringLiteral("warning"));
    QVERIFY(warned);
    QCOMPARE(
        o.value(QStringLiteral("statements")).toObject().value(QStringLiteral("state")).toString(),
        QStringLiteral("available"));
}

void tst_StatsCli::printsTextWithTheHealthSection()
{
    QProcess p;
    p.start(TestServer::binaryDir() + QStringLiteral("/strata-cli"),
        { QStringLiteral("stats"), TestServer::connInfo(QStringLiteral("tst_statscli")),
            QStringLiteral("--interval"), QStringLiteral("0") });
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY(out.contains(QStringLiteral("== Health ==")));
    QVERIFY2(out.contains(QStringLiteral("1 sequence is above 80% of its range: public.cli_seq "
                                         "(93% of integer column Größe.id)")),
        qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("public.Größe")));
}

QTEST_GUILESS_MAIN(tst_StatsCli)
#include "tst_statscli.moc"
