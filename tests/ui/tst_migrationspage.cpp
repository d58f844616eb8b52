#include "appcontext.h"
#include "db/profilestore.h"
#include "db/session.h"
#include "migrationentrymodel.h"
#include "migrations/alembicgraphview.h"
#include "migrations/applydialog.h"
#include "migrations/migrationspage.h"
#include "migrations/migrationtimeline.h"
#include "testserver.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace strata;
using namespace strata::core;
using strata::test::TestServer;

class tst_MigrationsPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void modelPassesTheTester();
    void showsHistoriesTimelineAndFilters();
    void alembicBranchesAreDrawnAsAGraph();
    void detailPaneShowsTheFileSql();
    void applyPendingRunsAfterConfirmation();
    void cancelButtonStopsALongFile();
    void detailsFollowTheConnection();

private:
    static void write(const QString &path, const QByteArray &content);
    void connectPage(ui::MigrationsPage &page);
    bool waitLoaded(ui::MigrationsPage &page);

    QTemporaryDir m_tmp;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<ui::AppContext> m_ctx;
};

static const char *kDb = "tst_migrationspage";

void tst_MigrationsPage::write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

void tst_MigrationsPage::initTestCase()
{
    STRATA_REQUIRE_SERVER();
    TestServer::createDatabase(kDb);
    const QString e = TestServer::exec(kDb, QString::fromUtf8(R"SQL(
CREATE SCHEMA registry;
CREATE TABLE registry.schema_migrations (version varchar NOT NULL PRIMARY KEY, started_at timestamp, finished_at timestamp);
INSERT INTO registry.schema_migrations VALUES ('001_init', NULL, NULL),
 ('002_users', '2024-04-01 10:00:00', '2024-04-01 10:00:02'),
 ('003_slow', '2024-04-03 10:00:00', '2024-04-03 10:05:00'),
 ('007_spot_restore', '2024-04-05 10:00:00', NULL);
CREATE TABLE public.flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY, version VARCHAR(50), description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL, checksum INTEGER, installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT now(), execution_time INTEGER NOT NULL, success BOOLEAN NOT NULL);
INSERT INTO public.flyway_schema_history VALUES (1, '1', 'init', 'SQL', 'V1__init.sql', 1, 'me', '2024-03-01', 20, true),
 (2, '2', 'bad', 'SQL', 'V2__bad.sql', 2, 'me', '2024-03-02', 900, false);
CREATE SCHEMA "Web ""App""";
CREATE TABLE "Web ""App""".alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY);
INSERT INTO "Web ""App""".alembic_version VALUES ('c3'), ('d4');
)SQL"));
    QVERIFY2(e.isEmpty(), qPrintable(e));
    m_store = std::make_unique<ProfileStore>(m_tmp.filePath("profiles.ini"));
    m_ctx = std::make_unique<ui::AppContext>(m_store.get(), nullptr);
    ConnectionProfile p = TestServer::profile(kDb);
    p.id = "tst-migrations";
    p.name = "migrations test";
    m_store->save(p);
    QString error;
    auto connection = TestServer::openConnection(p, {}, &error);
    QVERIFY2(connection, qPrintable(error));
    m_ctx->setConnection(connection);
}

bool tst_MigrationsPage::waitLoaded(ui::MigrationsPage &page)
{
    if (!page.isLoading())
        return true;
    QSignalSpy spy(&page, &ui::MigrationsPage::loaded);
    return spy.wait(20000);
}

void tst_MigrationsPage::modelPassesTheTester()
{
    ui::MigrationsPage page(m_ctx.get());
    QVERIFY(waitLoaded(page));
    QAbstractItemModelTester tester(
        page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(page.model()->rowCount() > 0);
    // A reload resets the model under the tester's eye.
    QSignalSpy spy(&page, &ui::MigrationsPage::loaded);
    page.findChild<QPushButton *>()->parentWidget();
    page.setFolder({}, false);
    QVERIFY(spy.wait(20000));
}

void tst_MigrationsPage::showsHistoriesTimelineAndFilters()
{
    ui::MigrationsPage page(m_ctx.get());
    page.resize(1200, 800);
    QVERIFY(waitLoaded(page));
    auto *model = page.model();
    QCOMPARE(model->histories().size(), 3);
    // 4 registry + 2 flyway + 2 alembic heads.
    QCOMPARE(model->rowCount(), 8);
    auto *timeline = page.findChild<ui::MigrationTimeline *>();
    QVERIFY(timeline);
    QCOMPARE(timeline->pointCount(), 5); // entries with a time: 3 registry (one legacy) + 2 flyway
    auto *table = page.findChild<QTableView *>();
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(table->model());
    auto *states = page.findChildren<QComboBox *>().first();
    states->setCurrentIndex(states->findData(int(MigrationState::Running)));
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, models::MigrationEntryModel::Version).data().toString(),
        QStringLiteral("007_spot_restore"));
    states->setCurrentIndex(0);
    auto *filter = page.findChildren<QLineEdit *>().at(1);
    filter->setText("flyway");
    QCOMPARE(proxy->rowCount(), 2);
    filter->setText("bad");
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, models::MigrationEntryModel::State).data().toString(),
        QStringLiteral("failed"));
    filter->clear();
    // For looking at the page by eye: STRATA_MIGRATIONS_SHOT=/some/dir.
    if (const QString shots = qEnvironmentVariable("STRATA_MIGRATIONS_SHOT"); !shots.isEmpty())
        page.grab().save(shots + "/migrations-page.png");
}

void tst_MigrationsPage::alembicBranchesAreDrawnAsAGraph()
{
    QTemporaryDir dir;
    auto rev = [&](const char *r, const char *down) {
        write(dir.filePath(QStringLiteral("versions/%1.py").arg(r)),
            QByteArray("\"\"\"rev ") + r + "\"\"\"\nrevision = '" + r + "'\ndown_revision = " + down
                + "\n");
    };
    rev("a1", "None");
    rev("b2", "'a1'");
    rev("c3", "'b2'");
    rev("d4", "'b2'");
    rev("m5", "('c3', 'd4')");
    ui::MigrationsPage page(m_ctx.get());
    QVERIFY(waitLoaded(page));
    QSignalSpy spy(&page, &ui::MigrationsPage::loaded);
    page.setFolder(dir.path());
    QVERIFY(spy.wait(20000));
    auto *graph = page.findChild<ui::AlembicGraphView *>();
    QCOMPARE(graph->nodeCount(), 5);
    if (const QString shots = qEnvironmentVariable("STRATA_MIGRATIONS_SHOT"); !shots.isEmpty()) {
        page.resize(1200, 800);
        QTest::qWait(200); // let the chart lay itself out
        page.grab().save(shots + "/migrations-alembic.png");
    }
    QVERIFY(graph->scene()->items().size() > 10); // nodes, labels and edges
    // Applied: the ancestors of c3 and d4; pending: the merge.
    int pending = 0, applied = 0;
    for (const auto &h : page.model()->histories())
        if (h.framework == "alembic") {
            pending = int(h.pending.size());
            applied = int(h.entries.size());
        }
    QCOMPARE(applied, 4);
    QCOMPARE(pending, 1);
    // The folder is remembered for the profile.
    QCOMPARE(m_store->load().first().migrationsDir, dir.path());
    m_store->save(TestServer::profile(kDb)); // leave other tests a clean store
}

void tst_MigrationsPage::detailPaneShowsTheFileSql()
{
    QTemporaryDir dir;
    write(dir.filePath("001_init.sql"), "SELECT 'first';\n");
    write(dir.filePath("002_users.sql"), "CREATE TABLE users_detail_marker (id int);\n");
    ui::MigrationsPage page(m_ctx.get());
    QVERIFY(waitLoaded(page));
    QSignalSpy spy(&page, &ui::MigrationsPage::loaded);
    page.setFolder(dir.path(), false);
    QVERIFY(spy.wait(20000));
    auto *table = page.findChild<QTableView *>();
    auto *filter = page.findChildren<QLineEdit *>().at(1);
    filter->setText("002_users");
    QCOMPARE(table->model()->rowCount(), 1);
    table->setCurrentIndex(table->model()->index(0, 0));
    auto *details = page.findChild<QTextBrowser *>();
    QTRY_VERIFY_WITH_TIMEOUT(details->toPlainText().contains("users_detail_marker"), 10000);
    QVERIFY(details->toPlainText().contains("registry.schema_migrations"));
}

void tst_MigrationsPage::applyPendingRunsAfterConfirmation()
{
    QTemporaryDir dir;
    write(dir.filePath("001_init.sql"), "SELECT 1;\n");
    write(dir.filePath("002_users.sql"), "SELECT 2;\n");
    write(dir.filePath("003_slow.sql"), "SELECT 3;\n");
    write(dir.filePath("007_spot_restore.sql"), "CREATE TABLE IF NOT EXISTS spot (x int);\n");
    write(dir.filePath("008_new.sql"), "CREATE TABLE applied_from_ui (x int);\n");
    ui::MigrationsPage page(m_ctx.get());
    page.show();
    QVERIFY(waitLoaded(page));
    QSignalSpy spy(&page, &ui::MigrationsPage::loaded);
    page.setFolder(dir.path(), false);
    QVERIFY(spy.wait(20000));
    QPushButton *apply = nullptr;
    for (auto *b : page.findChildren<QPushButton *>())
        if (b->text().startsWith("Apply"))
            apply = b;
    QVERIFY(apply);
    QVERIFY(apply->isEnabled());
    // 007 started and never finished: it is not counted as pending, nor silently run.
    QCOMPARE(apply->text(), QStringLiteral("Apply 1 pending, 1 unfinished…"));
    apply->click();
    // The dry run's list is shown for confirmation.
    ui::ApplyMigrationsDialog *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (box = page.findChild<ui::ApplyMigrationsDialog *>()) != nullptr, 10000);
    QVERIFY2(box->listText().contains("does not run  008_new.sql"), qPrintable(box->listText()));
    QVERIFY(box->listText().contains("left alone    007_spot_restore.sql"));
    // Off by default: nothing runs, and the text, the list and the button all say so.
    QVERIFY(!box->rerunUnfinished());
    QVERIFY2(box->planText().startsWith("Nothing runs yet: 007_spot_restore.sql (started "
                                        "2024-04-05 10:00:00, never finished)"),
        qPrintable(box->planText()));
    QVERIFY(box->planText().contains("pg_stat_activity"));
    QPushButton *ok = box->runButton();
    QVERIFY(!ok->isEnabled());
    QCOMPARE(ok->text(), QStringLiteral("Nothing to run"));
    // Ticked: 007 runs again, then 008; the text no longer says it is left alone.
    box->setRerunUnfinished(true);
    QVERIFY(ok->isEnabled());
    QCOMPARE(ok->text(), QStringLiteral("Run 2 file(s)"));
    QCOMPARE(box->filesToRun(), QStringList({ "007_spot_restore.sql", "008_new.sql" }));
    QVERIFY2(
        box->planText().contains("Run again: 007_spot_restore.sql"), qPrintable(box->planText()));
    QVERIFY(!box->planText().contains("Left alone"));
    QVERIFY(box->listText().contains("runs          007_spot_restore.sql"));
    QCOMPARE(TestServer::scalar(kDb, "SELECT to_regclass('applied_from_ui') IS NULL"),
        QStringLiteral("t"));
    QSignalSpy done(&page, &ui::MigrationsPage::applyFinished);
    ok->click();
    QVERIFY(done.wait(20000));
    const auto report = done.first().first().value<RunReport>();
    QVERIFY2(!report.failed, qPrintable(report.error.toString()));
    QCOMPARE(report.count(RunStep::Status::Ran), 2);
    QCOMPARE(TestServer::scalar(kDb, "SELECT to_regclass('applied_from_ui') IS NOT NULL"),
        QStringLiteral("t"));
    QCOMPARE(TestServer::scalar(kDb,
                 "SELECT count(*) FROM registry.schema_migrations WHERE "
                 "finished_at IS NULL AND started_at IS NOT NULL"),
        QStringLiteral("0"));
}

void tst_MigrationsPage::cancelButtonStopsALongFile()
{
    QTemporaryDir dir;
    for (const char *v : { "001_init", "002_users", "003_slow", "007_spot_restore", "008_new" })
        write(dir.filePath(QString::fromLatin1(v) + ".sql"), "SELECT 1;\n");
    write(dir.filePath("009_long.sql"),
        "CREATE TABLE cancelled_from_ui (x int);\nSELECT pg_sleep(60);\n");
    ui::MigrationsPage page(m_ctx.get());
    page.show();
    QVERIFY(waitLoaded(page));
    QSignalSpy spy(&page, &ui::MigrationsPage::loaded);
    page.setFolder(dir.path(), false);
    QVERIFY(spy.wait(20000));
    QPushButton *apply = nullptr, *cancel = nullptr;
    for (auto *b : page.findChildren<QPushButton *>()) {
        if (b->text().startsWith("Apply"))
            apply = b;
        if (b->text() == "Cancel")
            cancel = b;
    }
    QVERIFY(apply && cancel);
    QVERIFY(!cancel->isVisible());
    QCOMPARE(apply->text(), QStringLiteral("Apply 1 pending…"));
    apply->click();
    ui::ApplyMigrationsDialog *box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (box = page.findChild<ui::ApplyMigrationsDialog *>()) != nullptr, 10000);
    QCOMPARE(box->runButton()->text(), QStringLiteral("Run 1 file(s)"));
    QSignalSpy done(&page, &ui::MigrationsPage::applyFinished);
    box->runButton()->click();
    // The Cancel button sits beside the progress bar while the file runs.
    QVERIFY(cancel->isVisible());
    QVERIFY(page.findChild<QProgressBar *>()->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(TestServer::scalar(kDb,
                                  "SELECT count(*) FROM pg_stat_activity WHERE "
                                  "application_name = 'strata migrations' AND "
                                  "datname = current_database() AND "
                                  "query LIKE '%pg_sleep(60)%'"),
        QStringLiteral("1"), 20000);
    QElapsedTimer timer;
    timer.start();
    cancel->click();
    QVERIFY(done.wait(20000));
    QVERIFY(timer.elapsed() < 20000);
    const auto report = done.first().first().value<RunReport>();
    QVERIFY(report.cancelled);
    QCOMPARE(report.steps.last().status, RunStep::Status::Cancelled);
    QVERIFY(!cancel->isVisible());
    QCOMPARE(TestServer::scalar(kDb,
                 "SELECT to_regclass('cancelled_from_ui') IS NULL AND NOT "
                 "EXISTS (SELECT FROM registry.schema_migrations WHERE version "
                 "= '009_long')"),
        QStringLiteral("t"));
}

void tst_MigrationsPage::detailsFollowTheConnection()
{
    ui::MigrationsPage page(m_ctx.get());
    QVERIFY(waitLoaded(page));
    auto *details = page.findChild<QTextBrowser *>();
    QVERIFY(details);
    // Connected, nothing chosen: it asks for a choice; it does not say "Not connected".
    QVERIFY2(
        details->toPlainText().contains("Select a migration"), qPrintable(details->toPlainText()));
    QVERIFY(page.selectFirst(core::MigrationState::Applied));
    QTRY_VERIFY(details->toPlainText().contains("State"));
    const QString shown = details->toPlainText();
    // Another connection (the same database, as the new connection a person opens): the old
    // row's details go at once.
    QString error;
    auto again = TestServer::openConnection(m_ctx->profile(), {}, &error);
    QVERIFY2(again, qPrintable(error));
    m_ctx->setConnection(again);
    QVERIFY(details->toPlainText() != shown);
    QVERIFY(!details->toPlainText().contains("State"));
    m_ctx->clearConnection();
    QVERIFY(details->toPlainText().contains("Not connected"));
    m_ctx->setConnection(again);
}

QTEST_MAIN(tst_MigrationsPage)
#include "tst_migrationspage.moc"
