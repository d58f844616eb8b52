// The overview page, offscreen, against the real server.
#include "appcontext.h"
#include "db/connection.h"
#include "jobs/backupcatalog.h"
#include "overview/overviewpage.h"
#include "overview/overviewreader.h"
#include "overview/overviewservice.h"
#include "testserver.h"

#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace strata;
using strata::test::TestServer;

class tst_OverviewPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void serviceReadsTheServersFacts();
    void theUptimeMovesOnWithoutARefresh();
    void refreshReadsTheDatabasesAgain();
    void readsTheLargestSchemasByEstimate();
    void recentBackupsAreThisServersNewestFirst();
    void showsHealthSchemasAndBackups();
    void showsTheMigrationHistoriesWithWhatIsPending();

private:
    std::shared_ptr<core::Connection> m_connection;
};

namespace {
QString upFor(const QString &facts)
{
    static const QRegularExpression re(QStringLiteral("Up for</b></td><td>([^<]*)<"));
    return re.match(facts).captured(1);
}
} // namespace

void tst_OverviewPage::initTestCase()
{
    STRATA_REQUIRE_SERVER();
    TestServer::createDatabase("tst_overviewpage");
    QString error;
    m_connection = TestServer::openConnection(TestServer::profile("tst_overviewpage"), {}, &error);
    QVERIFY2(m_connection, qPrintable(error));
}

void tst_OverviewPage::serviceReadsTheServersFacts()
{
    core::OverviewService service(m_connection);
    auto facts = service.server().result();
    QVERIFY2(facts.ok(), qPrintable(facts.error().toString()));
    QVERIFY(facts->maxConnections > 0);
    QVERIFY(facts->clientConnections >= 1);
    QVERIFY(facts->startedAt.isValid());
    QVERIFY(facts->uptimeSeconds(QDateTime::currentDateTimeUtc()) >= 0);
    QVERIFY(!facts->encoding.isEmpty());
    auto databases = service.databases().result();
    QVERIFY(databases.ok());
    bool found = false;
    for (const auto &d : databases.value())
        found = found || (d.name == "tst_overviewpage" && d.sizeBytes > 0);
    QVERIFY(found);
}

void tst_OverviewPage::theUptimeMovesOnWithoutARefresh()
{
    ui::AppContext context(nullptr, nullptr);
    context.setConnection(m_connection);
    ui::OverviewPage page(&context);
    page.show();
    QTRY_VERIFY_WITH_TIMEOUT(!upFor(page.factsText()).isEmpty(), 10000);
    const QString first = page.factsText();
    QVERIFY2(first.contains("Figures read"), qPrintable(first));
    // The clock moves the uptime on (and the figures' age) by itself.
    QTRY_VERIFY_WITH_TIMEOUT(upFor(page.factsText()) != upFor(first), 15000);
}

void tst_OverviewPage::refreshReadsTheDatabasesAgain()
{
    ui::AppContext context(nullptr, nullptr);
    context.setConnection(m_connection);
    ui::OverviewPage page(&context);
    QTRY_VERIFY_WITH_TIMEOUT(page.isLoaded(), 10000);
    TestServer::createDatabase("tst_overviewpage_more");
    QVERIFY(!page.databaseNames().contains("tst_overviewpage_more"));
    QSignalSpy loaded(&page, &ui::OverviewPage::loaded);
    page.refresh();
    QVERIFY(loaded.wait(10000));
    QVERIFY(page.databaseNames().contains("tst_overviewpage_more"));
    TestServer::dropDatabase("tst_overviewpage_more");
}

void tst_OverviewPage::readsTheLargestSchemasByEstimate()
{
    TestServer::exec("tst_overviewpage",
        "CREATE SCHEMA IF NOT EXISTS ov_big; CREATE SCHEMA IF NOT EXISTS ov_small;"
        "CREATE TABLE IF NOT EXISTS ov_big.t AS SELECT g AS id, repeat('x', 200) AS pad "
        "FROM generate_series(1, 5000) g;"
        "CREATE TABLE IF NOT EXISTS ov_small.t (id int);");
    TestServer::exec("tst_overviewpage", "VACUUM ANALYZE ov_big.t"); // not in a transaction
    core::OverviewService service(m_connection);
    auto sizes = service.schemaSizes(100).result();
    QVERIFY2(sizes.ok(), qPrintable(sizes.error().toString()));
    int big = -1, small = -1;
    for (int i = 0; i < sizes->size(); ++i) {
        big = sizes->at(i).name == "ov_big" ? i : big;
        small = sizes->at(i).name == "ov_small" ? i : small;
    }
    QVERIFY(big >= 0 && small > big); // largest first
    QVERIFY(sizes->at(big).bytes > 1000 * 1000); // 5,000 rows of 200 bytes
    QCOMPARE(sizes->at(big).tables, 1);
    for (int i = 1; i < sizes->size(); ++i)
        QVERIFY(sizes->at(i - 1).bytes >= sizes->at(i).bytes);
    auto one = service.schemaSizes(1).result();
    QVERIFY(one.ok());
    QCOMPARE(one->size(), 1);
}

void tst_OverviewPage::recentBackupsAreThisServersNewestFirst()
{
    QList<core::BackupEntry> all;
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 8; ++i) {
        core::BackupEntry e;
        e.id = i;
        e.server = i % 2 ? QStringLiteral("here:5432") : QStringLiteral("elsewhere:5432");
        e.started = t0.addSecs(i * 60);
        all << e;
    }
    all[7].deletedAt = t0;
    const auto recent = core::OverviewReader::recentBackups(all, QStringLiteral("here:5432"), 2);
    QCOMPARE(recent.size(), 2);
    QCOMPARE(recent.at(0).id, 5); // 7 was deleted
    QCOMPARE(recent.at(1).id, 3);
}

// The page's second half: the health lines (from the statistics' evaluation), the largest
// schemas and the backups of this server in the history.
void tst_OverviewPage::showsHealthSchemasAndBackups()
{
    QTemporaryDir dir;
    const QString catalog = dir.filePath("backups.sqlite");
    qputenv("STRATA_BACKUP_CATALOG", catalog.toUtf8());
    core::BackupRun run;
    run.path = dir.filePath("sales.dump");
    run.server = core::backuphistory::serverLabel(m_connection->profile());
    run.database = QStringLiteral("tst_overviewpage");
    run.format = QStringLiteral("custom");
    run.started = QDateTime::currentDateTimeUtc();
    run.outcome = core::BackupOutcome::Failed;
    run.error = QStringLiteral("disk full");
    QVERIFY(core::BackupCatalog(catalog).recordRun(run).ok());

    TestServer::exec("tst_overviewpage",
        "CREATE SCHEMA IF NOT EXISTS ov_big; CREATE TABLE IF NOT EXISTS ov_big.t AS "
        "SELECT g AS id, repeat('x', 200) AS pad FROM generate_series(1, 5000) g;");
    TestServer::exec("tst_overviewpage", "VACUUM ANALYZE ov_big.t");
    ui::AppContext context(nullptr, nullptr);
    context.setConnection(m_connection);
    ui::OverviewPage page(&context);
    QSignalSpy details(&page, &ui::OverviewPage::detailsLoaded);
    QVERIFY(details.wait(30000));
    QVERIFY2(!page.healthText().isEmpty(), "no health line");
    QVERIFY2(page.healthText().contains("Statistics page") || page.healthText().contains("fine"),
        qPrintable(page.healthText()));
    QVERIFY(page.schemaNames().contains("ov_big"));
    QVERIFY2(page.backupsText().contains("tst_overviewpage"), qPrintable(page.backupsText()));
    QVERIFY2(page.backupsText().contains("failed"), qPrintable(page.backupsText()));
    qunsetenv("STRATA_BACKUP_CATALOG");
}

void tst_OverviewPage::showsTheMigrationHistoriesWithWhatIsPending()
{
    QCOMPARE(TestServer::exec("tst_overviewpage",
                 "CREATE SCHEMA app_mig; CREATE TABLE app_mig.schema_migrations (version text "
                 "PRIMARY KEY, started_at timestamptz, finished_at timestamptz); INSERT INTO "
                 "app_mig.schema_migrations VALUES ('001', now(), now()), ('002', now(), NULL)"),
        QString());
    QTemporaryDir folder;
    for (const char *name : { "001_first.sql", "002_second.sql", "003_third.sql" }) {
        QFile f(folder.filePath(QString::fromLatin1(name)));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("SELECT 1;\n");
    }
    core::ConnectionProfile profile = TestServer::profile("tst_overviewpage");
    profile.migrationsDir = folder.path();
    QString error;
    auto connection = TestServer::openConnection(profile, {}, &error);
    QVERIFY2(connection, qPrintable(error));
    ui::AppContext context(nullptr, nullptr);
    context.setConnection(connection);
    ui::OverviewPage page(&context);
    page.show();
    QTRY_VERIFY_WITH_TIMEOUT(page.areDetailsLoaded(), 20000);
    const QString text = page.migrationsText();
    TestServer::exec("tst_overviewpage", "DROP SCHEMA app_mig CASCADE");
    QVERIFY2(text.contains("app_mig.schema_migrations"), qPrintable(text));
    QVERIFY2(text.contains("1 applied, 1 pending, 1 unfinished"), qPrintable(text));
    QVERIFY2(text.contains(folder.path()), qPrintable(text));
}

QTEST_MAIN(tst_OverviewPage)
#include "tst_overviewpage.moc"
