#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using strata::test::TestServer;

namespace {

const char *kDb = "tst_cli_schema";
const QString kSchema = QString::fromUtf8("Sch \"ë.1");
const QString kTable = QString::fromUtf8("Tab \"ü. X");

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &args)
{
    QProcess p;
    p.start(TestServer::binaryDir() + QStringLiteral("/strata-cli"), args);
    Run r;
    if (!p.waitForFinished(60000))
        return r;
    r.code = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

class tst_CliSchema : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void jsonListsSchemasAndObjects();
    void jsonForOneInternalSchema();
    void tableOutputShowsNastyNames();
    void unknownSchemaSaysSo();
    void controlCharactersInNamesNeverReachTheTerminal();
    void badPercentEncodingNeverEchoesThePassword();
};

void tst_CliSchema::initTestCase()
{
    STRATA_REQUIRE_SERVER();
    TestServer::createDatabase(kDb);
    const QString err = TestServer::exec(kDb, QString::fromUtf8(R"SQL(
CREATE SCHEMA "Sch ""ë.1";
CREATE TABLE "Sch ""ë.1"."Tab ""ü. X" (id int PRIMARY KEY, payload text);
INSERT INTO "Sch ""ë.1"."Tab ""ü. X" SELECT g, repeat('x', 100) FROM generate_series(1, 1000) g;
ANALYZE "Sch ""ë.1"."Tab ""ü. X";
CREATE VIEW "Sch ""ë.1".v AS SELECT 1 AS one;
CREATE TABLE "Sch ""ë.1".parted (k int) PARTITION BY RANGE (k);
CREATE TABLE "Sch ""ë.1"."Part ä" PARTITION OF "Sch ""ë.1".parted FOR VALUES FROM (0) TO (10);
)SQL"));
    QVERIFY2(err.isEmpty(), qPrintable(err));
}

void tst_CliSchema::jsonListsSchemasAndObjects()
{
    const Run r
        = cli({ QStringLiteral("schema"), TestServer::connInfo(kDb), QStringLiteral("--json") });
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &perr);
    QVERIFY2(perr.error == QJsonParseError::NoError, qPrintable(perr.errorString()));
    QCOMPARE(doc[QStringLiteral("database")].toString(), QString::fromLatin1(kDb));
    QJsonObject nasty;
    QStringList names;
    for (const QJsonValue &s : doc[QStringLiteral("schemas")].toArray()) {
        names << s[QStringLiteral("name")].toString();
        QVERIFY(s[QStringLiteral("internal")].isBool());
        QVERIFY(!s[QStringLiteral("internal")].toBool()); // internal ones need --internal
        if (s[QStringLiteral("name")].toString() == kSchema)
            nasty = s.toObject();
    }
    QVERIFY(names.contains(QStringLiteral("public")));
    QVERIFY(!names.contains(QStringLiteral("pg_catalog")));
    QVERIFY(!nasty.isEmpty());
    QHash<QString, QJsonObject> objects;
    for (const QJsonValue &o : nasty[QStringLiteral("objects")].toArray())
        objects.insert(o[QStringLiteral("name")].toString(), o.toObject());
    QVERIFY(objects.contains(kTable));
    const QJsonObject t = objects[kTable];
    QCOMPARE(t[QStringLiteral("kind")].toString(), QStringLiteral("table"));
    QCOMPARE(t[QStringLiteral("estimated_rows")].toInteger(), 1000);
    QVERIFY(t[QStringLiteral("total_bytes")].toInteger() > 100000);
    QVERIFY(!t.contains(QStringLiteral("parent")));
    QCOMPARE(
        objects[QStringLiteral("v")][QStringLiteral("kind")].toString(), QStringLiteral("view"));
    QVERIFY(objects[QStringLiteral("v")][QStringLiteral("total_bytes")].isNull());
    QCOMPARE(objects[QStringLiteral("parted")][QStringLiteral("kind")].toString(),
        QStringLiteral("partitioned table"));
    const QJsonObject part = objects[QString::fromUtf8("Part ä")];
    QCOMPARE(part[QStringLiteral("parent")].toString(), kSchema + QStringLiteral(".parted"));
    QVERIFY(objects.contains(QStringLiteral("parted")));
}

void tst_CliSchema::jsonForOneInternalSchema()
{
    const Run r = cli({ QStringLiteral("schema"), TestServer::connInfo(kDb),
        QStringLiteral("--schema"), QStringLiteral("pg_catalog"), QStringLiteral("--json") });
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QJsonArray schemas
        = QJsonDocument::fromJson(r.out.toUtf8())[QStringLiteral("schemas")].toArray();
    QCOMPARE(schemas.size(), 1);
    QCOMPARE(schemas[0][QStringLiteral("name")].toString(), QStringLiteral("pg_catalog"));
    QVERIFY(schemas[0][QStringLiteral("internal")].toBool());
    bool sawPgClass = false;
    for (const QJsonValue &o : schemas[0][QStringLiteral("objects")].toArray())
        sawPgClass |= o[QStringLiteral("name")].toString() == QStringLiteral("pg_class");
    QVERIFY(sawPgClass);
}

void tst_CliSchema::tableOutputShowsNastyNames()
{
    const Run r = cli({ QStringLiteral("schema"), TestServer::connInfo(kDb),
        QStringLiteral("--schema"), kSchema });
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY(lines.first().startsWith(QStringLiteral("SCHEMA")));
    bool found = false;
    for (const QString &l : lines)
        if (l.startsWith(kSchema) && l.contains(kTable) && l.contains(QStringLiteral("1,000")))
            found = true;
    QVERIFY2(found, qPrintable(r.out));
    QVERIFY(lines.last().contains(QStringLiteral("1 schemas, 4 relations")));
}

void tst_CliSchema::unknownSchemaSaysSo()
{
    const Run r = cli({ QStringLiteral("schema"), TestServer::connInfo(kDb),
        QStringLiteral("--schema"), QStringLiteral("nope") });
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QStringLiteral("There is no schema named \"nope\"")));
    const Run bad = cli({ QStringLiteral("schema") });
    QCOMPARE(bad.code, 2);
    QVERIFY(bad.err.contains(QStringLiteral("Usage")));
}

void tst_CliSchema::controlCharactersInNamesNeverReachTheTerminal()
{
    // An object name can hold any character but NUL: escape sequences in it (here one that
    // would turn the terminal red, a bell, a carriage return hiding what came before, and a
    // C1 control) must be shown, not obeyed.
    TestServer::createDatabase("tst_cli_schema_ctl");
    QCOMPARE(TestServer::exec("tst_cli_schema_ctl",
                 QString::fromUtf8("CREATE TABLE public.\"red\x1b[31mtext\" (x int); "
                                   "CREATE TABLE public.\"bell\x07\rhidden\" (x int); "
                                   "CREATE TABLE public.\"c1\xc2\x9b"
                                   "2J\" (x int)")),
        QString());
    const Run r
        = cli({ "schema", TestServer::connInfo("tst_cli_schema_ctl"), "--schema", "public" });
    QCOMPARE(r.code, 0);
    for (const QChar c : r.out)
        QVERIFY2(c == u'\n'
                || (c.unicode() >= 0x20 && c.unicode() != 0x7f
                    && !(c.unicode() >= 0x80 && c.unicode() < 0xa0)),
            qPrintable(QStringLiteral("U+%1 reached the output").arg(c.unicode(), 4, 16)));
    QVERIFY2(r.out.contains("red\\x1b[31mtext"), qPrintable(r.out));
    QVERIFY2(r.out.contains("bell\\x07\\rhidden"), qPrintable(r.out));
    QVERIFY2(r.out.contains("c1\\u009b2J"), qPrintable(r.out));
    TestServer::dropDatabase("tst_cli_schema_ctl");
}

void tst_CliSchema::badPercentEncodingNeverEchoesThePassword()
{
    for (const char *command : { "schema", "check" }) {
        const Run r = cli({ command,
            QStringLiteral("postgresql://alice:s3cr%zzet@127.0.0.1:%1/x")
                .arg(TestServer::port()) });
        QCOMPARE(r.code, 2);
        QVERIFY2(!r.err.contains("s3cr") && !r.out.contains("s3cr"), qPrintable(r.err));
        QVERIFY2(r.err.contains("percent"), qPrintable(r.err));
    }
}

QTEST_GUILESS_MAIN(tst_CliSchema)
#include "tst_cli_schema.moc"
