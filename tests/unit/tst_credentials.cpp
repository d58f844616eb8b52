#include "db/connectionprofile.h"
#include "db/pgpass.h"
#include "db/profilestore.h"
#include "db/servicefile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace strata::core;

// Where credentials and connection settings come from, and where they must never go.
class tst_Credentials : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void servicesComeFromUserThenSystemFile();
    void servicesFileFollowsPgServiceFileVariable();
    void pgpassMatchesLikeLibpq_data();
    void pgpassMatchesLikeLibpq();
    void pgpassReadableByOthersIsReported();
    void profilesRoundTripThroughSettings();
    void savedProfilesNeverHoldAPassword();
    void removingOneProfileKeepsTheOthers();

private:
    QTemporaryDir m_dir;
    void write(const QString &name, const QByteArray &text)
    {
        QFile f(m_dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    }
};

void tst_Credentials::init()
{
    qunsetenv("PGSERVICEFILE");
    qunsetenv("PGSYSCONFDIR");
    qunsetenv("PGPASSFILE");
}

void tst_Credentials::cleanup()
{
    init();
}

void tst_Credentials::servicesComeFromUserThenSystemFile()
{
    write("user.conf", "# mine\n[prod]\nhost=prod.example\nport=6432\n\n[shared]\nhost=mine\n");
    QDir().mkpath(m_dir.filePath("sys"));
    write(
        "sys/pg_service.conf", "[shared]\nhost=system\n[reporting]\nhost=bi.example\ndbname=dw\n");
    qputenv("PGSERVICEFILE", QFile::encodeName(m_dir.filePath("user.conf")));
    qputenv("PGSYSCONFDIR", QFile::encodeName(m_dir.filePath("sys")));
    const auto services = servicefile::list();
    QCOMPARE(services.size(), 3);
    QCOMPARE(services[0].name, QStringLiteral("prod"));
    QCOMPARE(conninfo::value(services[0].params, "port"), QStringLiteral("6432"));
    QCOMPARE(services[1].name, QStringLiteral("shared"));
    QCOMPARE(conninfo::value(services[1].params, "host"), QStringLiteral("mine")); // user file wins
    QCOMPARE(services[2].name, QStringLiteral("reporting"));
    QCOMPARE(services[2].file, m_dir.filePath("sys/pg_service.conf"));
}

void tst_Credentials::servicesFileFollowsPgServiceFileVariable()
{
    qputenv("PGSERVICEFILE", "/somewhere/else.conf");
    const QStringList files = servicefile::searchedFiles();
    QCOMPARE(files.first(), QStringLiteral("/somewhere/else.conf"));
    QVERIFY(files.last().endsWith("/pg_service.conf"));
}

void tst_Credentials::pgpassMatchesLikeLibpq_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("db");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("expected"); // empty: no match
    QTest::newRow("exact") << "db.example" << 5432 << "app"
                           << "alice"
                           << "s3cret";
    QTest::newRow("wildcards") << "other.example" << 6000 << "x"
                               << "bob"
                               << "any-bob";
    QTest::newRow("escaped colon in password") << "db.example" << 5432 << "app"
                                               << "carol"
                                               << "pa:ss\\word";
    QTest::newRow("socket is localhost") << "" << 5432 << "local"
                                         << "dave"
                                         << "sock";
    QTest::newRow("default port") << "db.example" << 0 << "app"
                                  << "alice"
                                  << "s3cret";
    QTest::newRow("no match") << "db.example" << 5433 << "app"
                              << "alice"
                              << "";
}

void tst_Credentials::pgpassMatchesLikeLibpq()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, db);
    QFETCH(QString, user);
    QFETCH(QString, expected);
    write("pgpass",
        "# comment\n"
        "db.example:5432:app:alice:s3cret\n"
        "*:*:*:bob:any-bob\n"
        "db.example:5432:app:carol:pa\\:ss\\\\word\n"
        "localhost:5432:local:dave:sock\n");
    QFile::setPermissions(m_dir.filePath("pgpass"), QFile::ReadOwner | QFile::WriteOwner);
    qputenv("PGPASSFILE", QFile::encodeName(m_dir.filePath("pgpass")));
    const auto found = pgpass::lookup(host, port, db, user);
    if (expected.isEmpty())
        QVERIFY(!found.has_value());
    else
        QCOMPARE(found.value_or(QString()), expected);
}

void tst_Credentials::pgpassReadableByOthersIsReported()
{
    write("pgpass-open", "*:*:*:*:x\n");
    qputenv("PGPASSFILE", QFile::encodeName(m_dir.filePath("pgpass-open")));
    QFile::setPermissions(
        m_dir.filePath("pgpass-open"), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
    QVERIFY(pgpass::permissionProblem().contains("chmod 0600"));
    QFile::setPermissions(m_dir.filePath("pgpass-open"), QFile::ReadOwner | QFile::WriteOwner);
    QVERIFY(pgpass::permissionProblem().isEmpty());
}

void tst_Credentials::profilesRoundTripThroughSettings()
{
    ProfileStore store(m_dir.filePath("settings.ini"));
    ConnectionProfile p;
    p.id = "p1";
    p.name = QString::fromUtf8("Prod \"main\" — ünïcode");
    p.host = "db.example";
    p.port = 6543;
    p.database = "app";
    p.user = "dba";
    p.sslMode = "verify-full";
    p.sslRootCert = "/etc/ssl/root.crt";
    p.service = "prod";
    p.extraOptions = "target_session_attrs=read-write";
    p.toolsDir = "/opt/pg16/bin";
    p.dockerContainer = "pg-prod";
    p.migrationsDir = "/src/app/migrations";
    p.rememberPassword = false;
    store.save(p);
    const auto loaded = ProfileStore(m_dir.filePath("settings.ini")).load();
    QCOMPARE(loaded.size(), 1);
    QVERIFY(loaded.first() == p);
}

void tst_Credentials::savedProfilesNeverHoldAPassword()
{
    QString password;
    auto p = ConnectionProfile::fromConnInfo(
        "postgresql://dba:Very%20Secret%21@db.example/app?options=-c%20x%3Dy", &password);
    QVERIFY(p.ok());
    QCOMPARE(password, QStringLiteral("Very Secret!"));
    ProfileStore store(m_dir.filePath("nopw.ini"));
    store.save(p.value());
    QFile f(m_dir.filePath("nopw.ini"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(!text.isEmpty());
    QVERIFY(!text.contains("Very"));
    QVERIFY(!text.contains("Secret"));
}

void tst_Credentials::removingOneProfileKeepsTheOthers()
{
    ProfileStore store(m_dir.filePath("remove.ini"));
    for (const char *id : { "a", "b", "c" }) {
        ConnectionProfile p;
        p.id = id;
        p.name = id;
        store.save(p);
    }
    store.remove("b");
    const auto left = store.load();
    QCOMPARE(left.size(), 2);
    QCOMPARE(left[0].id, QStringLiteral("a"));
    QCOMPARE(left[1].id, QStringLiteral("c"));
}

QTEST_GUILESS_MAIN(tst_Credentials)
#include "tst_credentials.moc"
