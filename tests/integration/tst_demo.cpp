#include "db/session.h"
#include "demo/democluster.h"
#include "testserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace strata::core;
using strata::test::TestServer;

// The demo cluster, created from scratch in a temporary folder exactly as a newcomer's first
// `./run demo` creates it, then started again, described by the CLI, and stopped.
class tst_Demo : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void firstStartCreatesAndSeedsWithinAMinute();
    void demoDatabasesHoldWhatTheReadmePromises();
    void listensOnlyOnTheSocketAndLoopback();
    void cliReportsStatusAndConnectionString();
    void stopsAndStartsAgainWithoutReseeding();

private:
    QString query(const QString &db, const QString &sql);
    QTemporaryDir m_tmp { QDir::tempPath() + QStringLiteral("/strata-demo-test-XXXXXX") };
    std::unique_ptr<DemoCluster> m_demo;
    DemoStatus m_status;
};

void tst_Demo::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    // As root the server runs as postgres, which must be able to enter the folder.
    QFile::setPermissions(m_tmp.path(),
        QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther
            | QFile::ExeOther);
    m_demo = std::make_unique<DemoCluster>(m_tmp.filePath("demo"));
}

void tst_Demo::cleanupTestCase()
{
    if (m_demo)
        m_demo->stop();
}

QString tst_Demo::query(const QString &db, const QString &sql)
{
    auto profile = ConnectionProfile::fromConnInfo(m_demo->connInfo(db));
    if (!profile)
        return QStringLiteral("error: ") + profile.error().message;
    Session s(profile.value());
    auto r = s.run([sql](SessionContext &ctx) { return ctx.execText(sql); }).result();
    if (!r)
        return QStringLiteral("error: ") + r.error().toString();
    return r->text(0, 0);
}

void tst_Demo::firstStartCreatesAndSeedsWithinAMinute()
{
    QElapsedTimer t;
    t.start();
    QList<int> percents;
    auto r = m_demo->start([&](int pct, const QString &) { percents << pct; });
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    m_status = r.value();
    QVERIFY(m_status.running);
    QVERIFY(m_status.initialized);
    QVERIFY(m_status.port > 0);
    QVERIFY(!percents.isEmpty());
    QCOMPARE(percents.last(), 100);
    QVERIFY(std::is_sorted(percents.begin(), percents.end()));
    qInfo("demo created and seeded in %lld ms", t.elapsed());
    // The target is one minute on a developer machine; allow slack for a loaded CI box.
    QVERIFY2(t.elapsed() < 120000, qPrintable(QString::number(t.elapsed())));
}

void tst_Demo::demoDatabasesHoldWhatTheReadmePromises()
{
    QVERIFY(m_status.running);
    const int positions = query("strata_demo", "SELECT count(*) FROM ais.positions").toInt();
    QVERIFY2(positions >= 900000, qPrintable(QString::number(positions)));
    // Partitioned by month: the rows live in the partitions.
    QVERIFY(query("strata_demo",
                "SELECT count(*) FROM pg_inherits WHERE inhparent = "
                "'ais.positions'::regclass")
                .toInt()
        >= 12);
    // The agricultural schema's foreign keys.
    QCOMPARE(
        query("strata_demo",
            "SELECT string_agg(confrelid::regclass::text, ',' ORDER BY confrelid::regclass::text) "
            "FROM pg_constraint WHERE contype = 'f' "
            "AND conrelid = 'agri.roi2024_card_signatures'::regclass "
            "AND confrelid IN ('agri.dias_catalogue'::regclass, 'agri.parcel_set'::regclass)"),
        QStringLiteral("agri.dias_catalogue,agri.parcel_set"));
    // The home-grown history: about ten migrations, one started and never finished.
    QVERIFY(query("strata_demo", "SELECT count(*) FROM registry.schema_migrations").toInt() >= 9);
    QCOMPARE(query("strata_demo",
                 "SELECT count(*) FROM registry.schema_migrations "
                 "WHERE started_at IS NOT NULL AND finished_at IS NULL"),
        QStringLiteral("1"));
    QVERIFY(query("strata_demo", "SELECT count(*) FROM pg_matviews WHERE schemaname = 'registry'")
                .toInt()
        >= 2);
    // The Alembic-managed second database.
    QVERIFY(!query("webapp", "SELECT version_num FROM alembic_version").startsWith("error"));
    QVERIFY(!query("webapp", "SELECT version_num FROM alembic_version").isEmpty());
    // PostGIS where the machine has it.
    if (query("strata_demo", "SELECT count(*) FROM pg_available_extensions WHERE name = 'postgis'")
        == "1")
        QVERIFY(query("strata_demo",
                    "SELECT count(*) FROM geometry_columns WHERE f_table_schema = 'geo'")
                    .toInt()
            >= 2);
    // The migration folders a person can compare against.
    QVERIFY(QDir(m_status.migrationsDir).entryList({ "*.sql" }).size() >= 10);
    QVERIFY(!QDir(m_status.alembicDir + "/versions").entryList({ "*.py" }).isEmpty());
}

void tst_Demo::listensOnlyOnTheSocketAndLoopback()
{
    QCOMPARE(query("postgres", "SHOW listen_addresses"), QStringLiteral("127.0.0.1"));
    QCOMPARE(query("postgres", "SHOW unix_socket_directories"), m_status.socketDir);
    // Over TCP the demo asks for a password that no role has.
    QVERIFY(query("postgres",
                "SELECT count(*) FROM pg_hba_file_rules WHERE type = 'host' "
                "AND auth_method = 'trust'")
        == QLatin1String("0"));
}

void tst_Demo::cliReportsStatusAndConnectionString()
{
    QProcess cli;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("STRATA_DEMO_DIR", m_tmp.filePath("demo"));
    cli.setProcessEnvironment(env);
    cli.start(TestServer::binaryDir() + "/strata-cli", { "demo", "status" });
    QVERIFY(cli.waitForFinished(30000));
    const QString out = QString::fromUtf8(cli.readAllStandardOutput());
    QCOMPARE(cli.exitCode(), 0);
    QVERIFY2(out.contains("running"), qPrintable(out));
    QVERIFY2(out.contains(m_demo->connInfo()), qPrintable(out));
}

void tst_Demo::stopsAndStartsAgainWithoutReseeding()
{
    QVERIFY(m_demo->stop().ok());
    QVERIFY(!m_demo->status().running);
    QElapsedTimer t;
    t.start();
    auto r = m_demo->start();
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QVERIFY(r->running);
    QVERIFY2(t.elapsed() < 30000, qPrintable(QString::number(t.elapsed())));
    QVERIFY(query("strata_demo", "SELECT count(*) FROM ais.positions").toInt() >= 900000);
}

QTEST_GUILESS_MAIN(tst_Demo)
#include "tst_demo.moc"
