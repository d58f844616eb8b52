#include "db/pgbinaries.h"
#include "db/serverversion.h"
#include "db/session.h"

#include <QTest>

using namespace strata::core;

class tst_ServerVersion : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void majorAndText_data();
    void majorAndText();
    void oldServersGetAWarningNotARefusal();
    void toolVersionsAreRead_data();
    void toolVersionsAreRead();
};

void tst_ServerVersion::majorAndText_data()
{
    QTest::addColumn<int>("number");
    QTest::addColumn<int>("major");
    QTest::addColumn<QString>("text");
    QTest::newRow("15.4") << 150004 << 15 << "15.4";
    QTest::newRow("12.0") << 120000 << 12 << "12.0";
    QTest::newRow("9.6.24") << 90624 << 9 << "9.6.24";
    QTest::newRow("17.2") << 170002 << 17 << "17.2";
}

void tst_ServerVersion::majorAndText()
{
    QFETCH(int, number);
    QFETCH(int, major);
    QFETCH(QString, text);
    const ServerVersion v { number };
    QCOMPARE(v.major(), major);
    QCOMPARE(v.toString(), text);
}

void tst_ServerVersion::oldServersGetAWarningNotARefusal()
{
    QVERIFY(ServerInfo::warningFor(ServerVersion { 120000 }).isEmpty());
    QVERIFY(ServerInfo::warningFor(ServerVersion { 150004 }).isEmpty());
    const QString w11 = ServerInfo::warningFor(ServerVersion { 110022 });
    QVERIFY(w11.contains("11.22"));
    QVERIFY(w11.contains("12"));
    QVERIFY(!ServerInfo::warningFor(ServerVersion { 90624 }).isEmpty());
}

void tst_ServerVersion::toolVersionsAreRead_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<int>("major");
    QTest::newRow("15") << "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" << 15;
    QTest::newRow("16") << "pg_restore (PostgreSQL) 16.2" << 16;
    QTest::newRow("9.6") << "pg_dump (PostgreSQL) 9.6.24" << 9;
    QTest::newRow("devel") << "psql (PostgreSQL) 18devel" << 18;
    QTest::newRow("garbage") << "command not found" << 0;
}

void tst_ServerVersion::toolVersionsAreRead()
{
    QFETCH(QString, output);
    QFETCH(int, major);
    QCOMPARE(pgbinaries::parseMajor(output), major);
}

QTEST_GUILESS_MAIN(tst_ServerVersion)
#include "tst_serverversion.moc"
