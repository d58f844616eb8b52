#include "appcontext.h"
#include "db/passwordstore.h"
#include "db/profilestore.h"
#include "jobs/backupcatalog.h"
#include "jobs/backuphistorymodel.h"
#include "jobs/backuphistoryservice.h"
#include "jobs/backuphistoryview.h"
#include "jobs/backupjob.h"
#include "jobs/desktopnotifier.h"
#include "jobs/failedrunwatcher.h"
#include "jobs/jobspage.h"
#include "jobs/restoretestdialog.h"
#include "jobs/restoretestjob.h"
#include "jobs/scheduledialog.h"
#include "jobs/schedulesview.h"
#include "testserver.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace strata;
using strata::test::TestServer;

namespace {

const char *kDb = "tst_backuphistoryview";

core::BackupEntry madeUp(
    qint64 id, const QString &server, const QString &db, int daysBack, core::BackupOutcome outcome)
{
    core::BackupEntry e;
    e.id = id;
    e.server = server;
    e.database = db;
    e.started = QDateTime::currentDateTimeUtc().addDays(-daysBack);
    e.outcome = outcome;
    e.path = QStringLiteral("/srv/%1-%2.dump").arg(db).arg(id);
    return e;
}

QMessageBox *openBox(QWidget *parent, const QString &name)
{
    for (QMessageBox *b : parent->findChildren<QMessageBox *>(name))
        if (b->isVisible())
            return b;
    return nullptr;
}

} // namespace

// The backup history and schedules views, offscreen, against a real catalog and the test server.
class tst_BackupHistoryView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void theModelGroupsByServerAndDatabaseNewestFirst();
    void theViewListsBackupsAndFailedRunsWithTheirLog();
    void verifyForgetAndDeleteAskingFirst();
    void aRestoreTestFromTheViewLandsInTheHistory();
    void failedScheduledRunsAreToldAtStartAndWhileOpen();
    void aScheduleIsMadeListedAndRemoved();
    void theHistoryTabShowsTheHistory();

private:
    qint64 backup(const QString &name, const QString &catalog, const QString &database = kDb);
    QTemporaryDir m_dir;
    std::unique_ptr<core::ProfileStore> m_profiles;
    std::unique_ptr<core::PasswordStore> m_passwords;
    std::unique_ptr<ui::AppContext> m_context;
};

void tst_BackupHistoryView::initTestCase()
{
    STRATA_REQUIRE_SERVER();
    TestServer::createDatabase(kDb);
    QCOMPARE(TestServer::exec(kDb,
                 "CREATE TABLE t (id serial PRIMARY KEY, v text); "
                 "INSERT INTO t(v) SELECT md5(g::text) FROM generate_series(1, 5000) g"),
        QString());
    m_profiles = std::make_unique<core::ProfileStore>(m_dir.filePath("profiles.ini"));
    m_passwords = std::make_unique<core::PasswordStore>();
    m_passwords->setKeychainEnabled(false);
    m_context = std::make_unique<ui::AppContext>(m_profiles.get(), m_passwords.get());
    QString error;
    auto connection = TestServer::openConnection(TestServer::profile(kDb), {}, &error);
    QVERIFY2(connection, qPrintable(error));
    m_context->setConnection(connection);
}

qint64 tst_BackupHistoryView::backup(
    const QString &name, const QString &catalog, const QString &database)
{
    core::BackupOptions o;
    o.outputPath = m_dir.filePath(name);
    auto job = std::make_shared<core::BackupJob>(TestServer::profile(database), QString(), o);
    job->setCatalogPath(catalog);
    job->start().waitForFinished();
    auto list = core::BackupCatalog(catalog).list();
    return list && !list->isEmpty() ? list->first().id : 0;
}

void tst_BackupHistoryView::theModelGroupsByServerAndDatabaseNewestFirst()
{
    models::BackupHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries({ madeUp(1, "a:5432", "crm", 1, core::BackupOutcome::Written),
        madeUp(2, "a:5432", "crm", 3, core::BackupOutcome::Failed),
        madeUp(3, "a:5432", "shop", 2, core::BackupOutcome::Written),
        madeUp(4, "", "old", 9, core::BackupOutcome::Written) });
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex a = model.index(0, 0);
    QCOMPARE(a.data().toString(), QStringLiteral("a:5432"));
    QCOMPARE(model.rowCount(a), 2);
    const QModelIndex crm = model.index(0, 0, a);
    QCOMPARE(crm.data().toString(), QStringLiteral("crm"));
    QCOMPARE(crm.siblingAtColumn(models::BackupHistoryModel::State).data().toString(),
        QStringLiteral("1 backup, 1 run failed"));
    QCOMPARE(model.index(0, models::BackupHistoryModel::State, crm).data().toString(),
        QStringLiteral("written"));
    QCOMPARE(model.rowCount(crm), 2);
    QCOMPARE(model.entry(model.index(0, 0, crm))->id, 1);
    QCOMPARE(model.index(1, models::BackupHistoryModel::State, crm).data().toString(),
        QStringLiteral("failed"));
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("server not recorded"));
    QCOMPARE(model.indexOf(3).parent().data().toString(), QStringLiteral("shop"));
    QVERIFY(!model.indexOf(99).isValid());
}

void tst_BackupHistoryView::theViewListsBackupsAndFailedRunsWithTheirLog()
{
    const QString catalog = m_dir.filePath("view.sqlite");
    const qint64 good = backup("view.dump", catalog);
    QVERIFY(good > 0);
    backup("view-missing.dump", catalog, "no_such_db_for_the_view");
    ui::BackupHistoryView view(m_context.get());
    QSignalSpy reloaded(&view, &ui::BackupHistoryView::reloaded);
    view.setService(std::make_shared<core::BackupHistoryService>(catalog));
    QVERIFY(reloaded.wait(10000));
    QCOMPARE(view.model()->entryCount(), 2);
    QVERIFY(view.select(good));
    QCOMPARE(view.selected()->id, good);
    QTRY_VERIFY(view.detailsText().contains("Rows at backup time (dump):"));
    QVERIFY(view.detailsText().contains("public.t"));
    QVERIFY(view.detailsText().contains("5,000") || view.detailsText().contains("5000"));
    QVERIFY(view.button(ui::BackupHistoryView::Action::Verify)->isEnabled());
    QVERIFY(view.button(ui::BackupHistoryView::Action::RestoreTest)->isEnabled());
    // The failed run: its error and log, and nothing to verify.
    const QModelIndex db = view.model()->indexOf(good).parent();
    qint64 failedId = 0;
    const auto entries = core::BackupCatalog(catalog).list();
    QVERIFY(entries.ok());
    for (const auto &e : entries.value())
        if (e.outcome == core::BackupOutcome::Failed)
            failedId = e.id;
    QVERIFY(failedId > 0);
    QVERIFY(db.isValid());
    QVERIFY(view.select(failedId));
    QTRY_VERIFY(view.detailsText().contains("no_such_db_for_the_view"));
    QVERIFY(view.detailsText().contains("failed: "));
    QVERIFY(!view.button(ui::BackupHistoryView::Action::Verify)->isEnabled());
}

void tst_BackupHistoryView::verifyForgetAndDeleteAskingFirst()
{
    const QString catalog = m_dir.filePath("actions.sqlite");
    const qint64 first = backup("actions-1.dump", catalog);
    const qint64 second = backup("actions-2.dump", catalog);
    ui::BackupHistoryView view(m_context.get());
    QSignalSpy reloaded(&view, &ui::BackupHistoryView::reloaded);
    QSignalSpy done(&view, &ui::BackupHistoryView::actionDone);
    view.setService(std::make_shared<core::BackupHistoryService>(catalog));
    QVERIFY(reloaded.wait(10000));

    QVERIFY(view.select(first));
    view.verifySelected();
    QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 20000);
    QVERIFY2(done.at(0).at(0).toString().contains("SHA-256 matches"),
        qPrintable(done.at(0).at(0).toString()));
    QTRY_COMPARE(
        view.model()
            ->data(view.model()->indexOf(first).siblingAtColumn(models::BackupHistoryModel::State))
            .toString(),
        QStringLiteral("hash verified"));

    // Forget: the entry goes, the file stays.
    QVERIFY(view.select(first));
    view.forgetSelected();
    QTRY_VERIFY(!view.model()->indexOf(first).isValid());
    QVERIFY(QFile::exists(m_dir.filePath("actions-1.dump")));

    // Delete asks first: Cancel keeps everything.
    QVERIFY(view.select(second));
    view.deleteSelected();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = openBox(&view, "confirmDelete")));
    QVERIFY(box->text().contains("actions-2.dump"));
    box->button(QMessageBox::Cancel)->click();
    QTest::qWait(200); // nothing may happen: there is no state to wait for
    QVERIFY(QFile::exists(m_dir.filePath("actions-2.dump")));
    QVERIFY(view.model()->indexOf(second).isValid());
    // Yes deletes the file, its manifest and the entry.
    QVERIFY(view.select(second));
    view.deleteSelected();
    QTRY_VERIFY((box = openBox(&view, "confirmDelete")));
    box->button(QMessageBox::Yes)->click();
    QTRY_VERIFY(!view.model()->indexOf(second).isValid());
    QVERIFY(!QFile::exists(m_dir.filePath("actions-2.dump")));
    QVERIFY(!QFile::exists(m_dir.filePath("actions-2.dump.manifest.json")));
}

void tst_BackupHistoryView::aRestoreTestFromTheViewLandsInTheHistory()
{
    const QString catalog = m_dir.filePath("restoretest.sqlite");
    const qint64 id = backup("restoretest.dump", catalog);
    ui::BackupHistoryView view(m_context.get());
    QSignalSpy reloaded(&view, &ui::BackupHistoryView::reloaded);
    QSignalSpy requested(&view, &ui::BackupHistoryView::jobRequested);
    view.setService(std::make_shared<core::BackupHistoryService>(catalog));
    QVERIFY(reloaded.wait(10000));
    QVERIFY(view.select(id));
    view.restoreTestSelected();
    ui::RestoreTestDialog *d = nullptr;
    QTRY_VERIFY((d = view.findChild<ui::RestoreTestDialog *>()));
    QVERIFY(d->choices() >= 1);
    QCOMPARE(d->chosenSaved(), -1); // the open connection: the server the backup came from
    d->accept();
    QMetaObject::invokeMethod(d, [d] { Q_EMIT d->targetChosen(d->chosenSaved()); });
    QTRY_COMPARE(requested.count(), 1);
    auto job = requested.at(0).at(0).value<std::shared_ptr<core::Job>>();
    QVERIFY(job);
    QCOMPARE(job->kind(), core::Job::Kind::RestoreTest);
    const core::JobResult r = job->start().result();
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    view.reload();
    QTRY_COMPARE(
        view.model()
            ->data(view.model()->indexOf(id).siblingAtColumn(models::BackupHistoryModel::State))
            .toString(),
        QStringLiteral("restore-tested"));
    QVERIFY(view.select(id));
    QTRY_VERIFY(view.detailsText().contains("Restore test passed"));
}

void tst_BackupHistoryView::failedScheduledRunsAreToldAtStartAndWhileOpen()
{
    const QString catalog = m_dir.filePath("notices.sqlite");
    core::BackupRun failed;
    failed.origin = core::BackupOrigin::schedule("nightly");
    failed.outcome = core::BackupOutcome::Failed;
    failed.database = "shop";
    failed.error = "could not connect to the server";
    failed.started = QDateTime::currentDateTimeUtc();
    QVERIFY(core::BackupCatalog(catalog).recordRun(failed).ok());
    qputenv("STRATA_BACKUP_CATALOG", catalog.toUtf8());
    {
        ui::JobsPage page(m_context.get());
        QSignalSpy told(page.notifier(), &ui::DesktopNotifier::notified);
        QTRY_COMPARE_WITH_TIMEOUT(told.count(), 1, 10000);
        QCOMPARE(told.at(0).at(0).toString(), QStringLiteral("Scheduled backup nightly failed"));
        QVERIFY(told.at(0).at(1).toString().contains("could not connect to the server"));
        // A scheduled run fails while the window is open (another process writes the catalog).
        failed.error = "disk full";
        QVERIFY(core::BackupCatalog(catalog).recordRun(failed).ok());
        QTRY_COMPARE_WITH_TIMEOUT(told.count(), 2, 10000);
        QVERIFY(told.at(1).at(1).toString().contains("disk full"));
    }
    {
        // The next start does not tell them again.
        ui::JobsPage page(m_context.get());
        QSignalSpy told(page.notifier(), &ui::DesktopNotifier::notified);
        QSignalSpy checked(page.failedRunWatcher(), &ui::FailedRunWatcher::checked);
        QVERIFY(checked.wait(10000));
        QCOMPARE(checked.at(0).at(0).toInt(), 0);
        QCOMPARE(told.count(), 0);
    }
    qputenv("STRATA_BACKUP_CATALOG", m_dir.filePath("elsewhere.sqlite").toUtf8());
}

void tst_BackupHistoryView::aScheduleIsMadeListedAndRemoved()
{
    QTemporaryDir config;
    QFile fake(config.filePath("systemctl"));
    QVERIFY(fake.open(QIODevice::WriteOnly));
    fake.write("#!/bin/sh\n[ \"$2\" = is-system-running ] && echo offline\nexit 1\n");
    fake.close();
    fake.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    qputenv("STRATA_SYSTEMCTL", fake.fileName().toUtf8());
    const QString catalog = m_dir.filePath("schedules.sqlite");
    ui::SchedulesView view(m_context.get());
    QSignalSpy reloaded(&view, &ui::SchedulesView::reloaded);
    QSignalSpy done(&view, &ui::SchedulesView::actionDone);
    view.setService(
        std::make_shared<core::ScheduleService>(catalog, TestServer::binaryDir() + "/strata-cli"));
    QVERIFY(reloaded.wait(10000));
    QCOMPARE(view.listModel()->rowCount(), 0);
    ui::ScheduleDialog *d = view.createScheduleDialog();
    QVERIFY(d);
    auto *folder = d->findChildren<QLineEdit *>().at(1);
    folder->setText(m_dir.filePath("scheduled"));
    const core::BackupSchedule s = d->schedule();
    QCOMPARE(s.name, QStringLiteral("tst_backuphistoryview-nightly"));
    QCOMPARE(s.every, QStringLiteral("*-*-* 03:00:00"));
    QCOMPARE(s.retention.keepDaily, 7);
    QVERIFY(!s.conninfo.contains("password"));
    view.add(s, d);
    QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, 10000);
    QVERIFY2(done.at(0).at(0).toString().contains("no systemd user manager answers"),
        qPrintable(done.at(0).at(0).toString()));
    QTRY_COMPARE(view.listModel()->rowCount(), 1);
    QVERIFY(QFile::exists(
        config.filePath("systemd/user/strata-backup-tst_backuphistoryview-nightly.timer")));
    QVERIFY(view.select("tst_backuphistoryview-nightly"));
    view.removeSelected();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = openBox(&view, "confirmRemove")));
    box->button(QMessageBox::Yes)->click();
    QTRY_COMPARE(view.listModel()->rowCount(), 0);
    QVERIFY(!QFile::exists(
        config.filePath("systemd/user/strata-backup-tst_backuphistoryview-nightly.timer")));
}

void tst_BackupHistoryView::theHistoryTabShowsTheHistory()
{
    ui::JobsPage page(m_context.get());
    page.showTab("history");
    QVERIFY(page.historyView()->isVisibleTo(&page));
    page.showTab("jobs");
    QVERIFY(!page.historyView()->isVisibleTo(&page));
}

QTEST_MAIN(tst_BackupHistoryView)
#include "tst_backuphistoryview.moc"
