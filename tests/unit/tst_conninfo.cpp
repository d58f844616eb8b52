#include "db/connectionprofile.h"
#include "db/conninfo.h"

#include <QTest>

using namespace strata::core;

class tst_ConnInfo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesKeyValueAndUris_data();
    void parsesKeyValueAndUris();
    void malformedStringNamesTheBadPart_data();
    void malformedStringNamesTheBadPart();
    void formatRoundTripsAwkwardValues();
    void profileTakesPasswordOutOfTheString();
    void profileKeepsUnknownOptionsAsExtras();
    void redactedDropsThePassword();
};

void tst_ConnInfo::parsesKeyValueAndUris_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("port");
    QTest::addColumn<QString>("dbname");
    QTest::addColumn<QString>("user");
    QTest::newRow("key=value") << "host=db.example.com port=6543 dbname=app user=me"
                               << "db.example.com"
                               << "6543"
                               << "app"
                               << "me";
    QTest::newRow("quoted") << "host='/var/run/my sockets' dbname='a b' user=x"
                            << "/var/run/my sockets"
                            << ""
                            << "a b"
                            << "x";
    QTest::newRow("uri") << "postgresql://me@db.example.com:6543/app?sslmode=require"
                         << "db.example.com"
                         << "6543"
                         << "app"
                         << "me";
    QTest::newRow("uri-escaped") << "postgres://us%20er@%2Ftmp%2Fsock/da%C3%9Fb"
                                 << "/tmp/sock"
                                 << "" << QString::fromUtf8("daßb") << "us er";
}

void tst_ConnInfo::parsesKeyValueAndUris()
{
    QFETCH(QString, text);
    QFETCH(QString, host);
    QFETCH(QString, port);
    QFETCH(QString, dbname);
    QFETCH(QString, user);
    auto r = conninfo::parse(text);
    QVERIFY2(r.ok(), qPrintable(r.error().message));
    QCOMPARE(conninfo::value(r.value(), "host"), host);
    QCOMPARE(conninfo::value(r.value(), "port"), port);
    QCOMPARE(conninfo::value(r.value(), "dbname"), dbname);
    QCOMPARE(conninfo::value(r.value(), "user"), user);
}

void tst_ConnInfo::malformedStringNamesTheBadPart_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown keyword") << "host=x colour=blue"
                                     << "colour";
    QTest::newRow("missing equals") << "host"
                                    << "host";
    QTest::newRow("unterminated quote") << "host='abc"
                                        << "quoted";
    QTest::newRow("bad uri parameter") << "postgresql://h/db?flavour=x"
                                       << "flavour";
}

void tst_ConnInfo::malformedStringNamesTheBadPart()
{
    QFETCH(QString, text);
    QFETCH(QString, mentions);
    auto r = conninfo::parse(text);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::InvalidInput);
    QVERIFY2(r.error().message.contains(mentions), qPrintable(r.error().message));
    QVERIFY(!r.error().hint.isEmpty());
}

void tst_ConnInfo::formatRoundTripsAwkwardValues()
{
    const conninfo::Params in { { "host", "/tmp/with space" }, { "dbname", "it's \"odd\" \\ db" },
        { "user", QString::fromUtf8("jürgen") }, { "options", "-c search_path=a,b" },
        { "application_name", "" } };
    auto back = conninfo::parse(conninfo::format(in));
    QVERIFY2(back.ok(), qPrintable(back.error().message));
    for (const auto &[k, v] : in)
        QCOMPARE(conninfo::value(back.value(), k), v);
}

void tst_ConnInfo::profileTakesPasswordOutOfTheString()
{
    QString password;
    auto p = ConnectionProfile::fromConnInfo("postgresql://me:s%3Ecret@db:5433/app", &password);
    QVERIFY(p.ok());
    QCOMPARE(password, QStringLiteral("s>cret"));
    QCOMPARE(p->host, QStringLiteral("db"));
    QCOMPARE(p->port, 5433);
    QVERIFY(!p->toConnInfo().contains("cret"));
    QVERIFY(!p->extraOptions.contains("password"));
}

void tst_ConnInfo::profileKeepsUnknownOptionsAsExtras()
{
    auto p = ConnectionProfile::fromConnInfo(
        "service=prod target_session_attrs=read-write sslmode=verify-full");
    QVERIFY(p.ok());
    QCOMPARE(p->service, QStringLiteral("prod"));
    QCOMPARE(p->sslMode, QStringLiteral("verify-full"));
    QVERIFY(p->extraOptions.contains("target_session_attrs=read-write"));
    auto again = conninfo::parse(p->toConnInfo());
    QVERIFY(again.ok());
    QCOMPARE(conninfo::value(again.value(), "target_session_attrs"), QStringLiteral("read-write"));
}

void tst_ConnInfo::redactedDropsThePassword()
{
    const QString r = conninfo::redacted("host=a password='top secret' user=b");
    QVERIFY(!r.contains("secret"));
    QVERIFY(r.contains("user=b"));
}

QTEST_GUILESS_MAIN(tst_ConnInfo)
#include "tst_conninfo.moc"
