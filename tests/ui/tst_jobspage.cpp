#include "appcontext.h"
#include "db/passwordstore.h"
#include "db/profilestore.h"
#include "db/session.h"
#include "jobs/archiveinspector.h"
#include "jobs/backupdialog.h"
#include "jobs/backupjob.h"
#include "jobs/backupmanifest.h"
#include "jobs/jobspage.h"
#include "jobs/jobsservice.h"
#include "jobs/restoredialog.h"
#include "jobs/restorejob.h"
#include "overview/overviewpage.h"
#include "testserver.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace strata;
using strata::test::TestServer;

// The jobs page and its dialogs, offscreen, against the real test server.
class tst_JobsPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void runsABackupAndShowsItFinished();
    void busyWhileAJobRuns();
    void longJobsEndWithANotification();
    void theLogFollowsItsLastLine();
    void aDatabaseARestoreMadeAppearsOnThePagesThatListDatabases();
    void backupDialogPreviewsTheForeignKeyClosureAndCommand();
    void backupDialogStatesTheReferencesWhenTheyAreLeftOut();
    void dialogsCheckWhatIsTypedWhileItIsTyped();
    void restoreDialogAsksForTheTypedName();
    void restoreDialogChecksTheArchiveAndRefusesADamagedOne();

private:
    void connectContext();
    QTemporaryDir m_dir;
    std::unique_ptr<core::ProfileStore> m_profiles;
    std::unique_ptr<core::PasswordStore> m_passwords;
    std::unique_ptr<ui::AppContext> m_context;
};

void tst_JobsPage::initTestCase()
{
    STRATA_REQUIRE_SERVER();
    TestServer::createDatabase("tst_jobspage");
    QCOMPARE(TestServer::exec("tst_jobspage",
                 "CREATE TABLE parent (id int PRIMARY KEY); "
                 "CREATE TABLE child (id serial PRIMARY KEY, p int REFERENCES parent); "
                 "INSERT INTO parent SELECT g FROM generate_series(1, 100) g; "
                 "INSERT INTO child(p) SELECT 1 + g % 100 FROM generate_series(1, 300000) g;"),
        QString());
    m_profiles = std::make_unique<core::ProfileStore>(m_dir.filePath("profiles.ini"));
    m_passwords = std::make_unique<core::PasswordStore>();
    m_passwords->setKeychainEnabled(false);
    m_context = std::make_unique<ui::AppContext>(m_profiles.get(), m_passwords.get());
    connectContext();
}

void tst_JobsPage::connectContext()
{
    QString error;
    auto connection = TestServer::openConnection(TestServer::profile("tst_jobspage"), {}, &error);
    QVERIFY2(connection, qPrintable(error));
    m_context->setConnection(connection);
}

void tst_JobsPage::runsABackupAndShowsItFinished()
{
    ui::JobsPage page(m_context.get());
    QCOMPARE(page.id(), QStringLiteral("jobs"));
    QCOMPARE(page.title(), QStringLiteral("Backup & restore"));
    core::BackupOptions o;
    o.outputPath = m_dir.filePath("page.dump");
    auto job = std::make_shared<core::BackupJob>(TestServer::profile("tst_jobspage"), QString(), o);
    job->setCatalogPath({});
    page.startJob(job);
    auto *list = page.findChild<QTreeWidget *>();
    QVERIFY(list);
    QCOMPARE(list->topLevelItemCount(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!job->isRunning(), 60000);
    QTRY_VERIFY(list->topLevelItem(0)->text(2).startsWith("Backed up tst_jobspage"));
    auto *bar = qobject_cast<QProgressBar *>(list->itemWidget(list->topLevelItem(0), 1));
    QVERIFY(bar);
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(page.busyReason().isEmpty());
    QVERIFY(QFile::exists(o.outputPath));
}

void tst_JobsPage::longJobsEndWithANotification()
{
    auto backup = [this](const QString &path) {
        core::BackupOptions o;
        o.outputPath = path;
        auto job
            = std::make_shared<core::BackupJob>(TestServer::profile("tst_jobspage"), QString(), o);
        job->setCatalogPath({});
        return job;
    };
    // Every job counts as long here: one that succeeds and one that fails.
    {
        ui::JobsPage page(m_context.get());
        page.setNotifyAfter(0);
        QSignalSpy spy(&page, &ui::JobsPage::longJobEnded);
        auto ok = backup(m_dir.filePath("notified.dump"));
        page.startJob(ok);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 60000);
        QCOMPARE(spy.at(0).at(0).toString(), "Finished: " + ok->title());
        QVERIFY2(spy.at(0).at(1).toString().startsWith("Backed up tst_jobspage"),
            qPrintable(spy.at(0).at(1).toString()));
        auto bad = backup("/proc/no-such-folder/notified.dump");
        page.startJob(bad);
        QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 2, 60000);
        QCOMPARE(spy.at(1).at(0).toString(), "Failed: " + bad->title());
        QVERIFY2(spy.at(1).at(1).toString().contains("Cannot write into"),
            qPrintable(spy.at(1).at(1).toString()));
    }
    // With the default (30 s), a short job ends quietly.
    ui::JobsPage page(m_context.get());
    QSignalSpy spy(&page, &ui::JobsPage::longJobEnded);
    auto quick = backup(m_dir.filePath("quiet.dump"));
    page.startJob(quick);
    QTRY_VERIFY_WITH_TIMEOUT(!quick->isRunning(), 60000);
    auto *list = page.findChild<QTreeWidget *>();
    QTRY_VERIFY(list->topLevelItem(0)->text(2).startsWith("Backed up"));
    QCOMPARE(spy.count(), 0);
}

void tst_JobsPage::busyWhileAJobRuns()
{
    ui::JobsPage page(m_context.get());
    core::BackupOptions o;
    o.outputPath = m_dir.filePath("busy.dump");
    o.compress = 9; // slow enough to be seen running
    auto job = std::make_shared<core::BackupJob>(TestServer::profile("tst_jobspage"), QString(), o);
    job->setCatalogPath({});
    page.setNotifyAfter(0); // and its end, cancelled, is said as such
    QSignalSpy ended(&page, &ui::JobsPage::longJobEnded);
    page.startJob(job);
    QVERIFY(page.busyReason().contains("still running"));
    QVERIFY(page.busyReason().contains("busy.dump"));
    // Cancel through the page's button.
    auto buttons = page.findChildren<QPushButton *>();
    QPushButton *cancel = nullptr;
    for (auto *b : buttons)
        if (b->text() == "Cancel job")
            cancel = b;
    QVERIFY(cancel);
    QTRY_VERIFY(cancel->isEnabled());
    cancel->click();
    QTRY_VERIFY_WITH_TIMEOUT(!job->isRunning(), 30000);
    QVERIFY(page.busyReason().isEmpty());
    QVERIFY(!QFile::exists(o.outputPath));
    QTRY_COMPARE(ended.count(), 1);
    QCOMPARE(ended.at(0).at(0).toString(), "Cancelled: " + job->title());
    // Its bar says where it stopped, not that it is still going.
    auto *bar = page.findChild<QProgressBar *>();
    QVERIFY(bar);
    QVERIFY2(bar->format().startsWith("cancelled at"), qPrintable(bar->format()));
    QVERIFY(bar->palette().color(QPalette::Highlight) != page.palette().color(QPalette::Highlight));
}

void tst_JobsPage::theLogFollowsItsLastLine()
{
    ui::JobsPage page(m_context.get());
    page.resize(900, 500);
    page.show();
    core::BackupOptions o;
    o.outputPath = m_dir.filePath("follow.dump");
    auto job = std::make_shared<core::BackupJob>(TestServer::profile("tst_jobspage"), QString(), o);
    job->setCatalogPath({});
    page.startJob(job);
    QTRY_VERIFY_WITH_TIMEOUT(!job->isRunning(), 60000);
    auto *log = page.findChild<QPlainTextEdit *>();
    QVERIFY(log);
    QTRY_VERIFY(log->toPlainText().contains("Backed up"));
    // More lines than fit, and the last one ("Backed up ...", "finished in") in view.
    QVERIFY(log->verticalScrollBar()->maximum() > 0);
    QTRY_COMPARE(log->verticalScrollBar()->value(), log->verticalScrollBar()->maximum());
}

void tst_JobsPage::aDatabaseARestoreMadeAppearsOnThePagesThatListDatabases()
{
    // The overview lists the databases; a restore into a new one makes it appear without a
    // Refresh, because the jobs page reports what it changed.
    const QString archive = m_dir.filePath("for-new.dump");
    core::BackupOptions bo;
    bo.outputPath = archive;
    auto backup
        = std::make_shared<core::BackupJob>(TestServer::profile("tst_jobspage"), QString(), bo);
    backup->setCatalogPath({});
    QVERIFY2(backup->start().result().ok, "the backup for the restore failed");
    TestServer::dropDatabase("tst_jobspage_new");
    ui::OverviewPage overview(m_context.get());
    QTRY_VERIFY_WITH_TIMEOUT(overview.isLoaded(), 10000);
    QVERIFY(!overview.databaseNames().contains("tst_jobspage_new"));
    ui::JobsPage page(m_context.get());
    core::RestoreOptions ro;
    ro.archivePath = archive;
    ro.targetDatabase = "tst_jobspage_new";
    ro.createDatabase = true;
    auto restore = core::JobsService(m_context->connection()).restoreJob(ro);
    page.startJob(restore);
    QTRY_VERIFY_WITH_TIMEOUT(!restore->isRunning(), 60000);
    QVERIFY2(restore->result()->ok, qPrintable(restore->result()->error.toString()));
    QTRY_VERIFY_WITH_TIMEOUT(overview.databaseNames().contains("tst_jobspage_new"), 10000);
    TestServer::dropDatabase("tst_jobspage_new");
}

void tst_JobsPage::backupDialogPreviewsTheForeignKeyClosureAndCommand()
{
    ui::JobsPage page(m_context.get());
    ui::BackupDialog *d = page.createBackupDialog({ "public.child" });
    d->setIncludeReferenced(true);
    QLabel *closure = nullptr;
    // The preview arrives asynchronously: wait for the closure text.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (auto *l : d->findChildren<QLabel *>())
                if (l->text().contains("public.parent")) {
                    closure = l;
                    return true;
                }
            return false;
        }(),
        10000);
    QVERIFY(closure->text().contains("reference"));
    QTRY_VERIFY(d->commandText().contains("--table=\"public\".\"parent\""));
    QVERIFY(d->commandText().contains("--table=\"public\".\"child\""));
    QTRY_VERIFY(d->commandText().contains("/pg_dump "));
    QVERIFY(!d->commandText().contains("password"));
    QVERIFY(!d->commandText().contains("--compress")); // the format's default unless chosen
    QSignalSpy spy(d, &ui::BackupDialog::backupRequested);
    const QString output = d->options().outputPath;
    d->accept(); // the dialog deletes itself once closed
    QCOMPARE(spy.size(), 1);
    QTRY_COMPARE(page.jobCount(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!page.job(0)->isRunning(), 60000);
    QVERIFY2(page.job(0)->result()->ok, qPrintable(page.job(0)->result()->error.toString()));
    QVERIFY(QFile::exists(output));
    QFile::remove(output);
    QFile::remove(output + ".manifest.json");
}

void tst_JobsPage::backupDialogStatesTheReferencesWhenTheyAreLeftOut()
{
    QCOMPARE(TestServer::exec("tst_jobspage",
                 "CREATE TABLE IF NOT EXISTS \"Grand Child\" (id int, c int REFERENCES child)"),
        QString());
    ui::JobsPage page(m_context.get());
    ui::BackupDialog *d = page.createBackupDialog({ "public.\"Grand Child\"" });
    QSignalSpy shown(d, &ui::BackupDialog::planShown);
    auto noteWith = [d](const char *text) -> QLabel * {
        for (auto *l : d->findChildren<QLabel *>())
            if (l->text().contains(QLatin1String(text)))
                return l;
        return nullptr;
    };
    // Unticked: what the table references is named, and said to be left out.
    QVERIFY(shown.wait(10000));
    QLabel *note = noteWith("References public.child");
    QVERIFY2(note, "no label names the referenced table");
    QVERIFY2(note->text().contains("(and through them public.parent)"), qPrintable(note->text()));
    QVERIFY(note->text().contains("not included; tick to add them"));
    QVERIFY(!d->commandText().contains("\"child\""));
    // Ticked: the same tables are included, and the command takes them.
    d->setIncludeReferenced(true);
    QVERIFY2(note->text().startsWith("Also included because the chosen tables reference them"),
        qPrintable(note->text()));
    QVERIFY(d->commandText().contains("--table=\"public\".\"child\""));
    QVERIFY(d->commandText().contains("--table=\"public\".\"parent\""));
    // A table that references nothing says so.
    d->setTables({ "public.parent" });
    QVERIFY(shown.wait(10000));
    QVERIFY(noteWith("1 table(s) chosen; they reference no other table."));
    d->close();
}

void tst_JobsPage::dialogsCheckWhatIsTypedWhileItIsTyped()
{
    ui::JobsPage page(m_context.get());
    // A backup made here: the restore dialog opens on it, and offers it among the recent ones.
    core::BackupOptions o;
    o.outputPath = m_dir.filePath("typed/typed.dump");
    QDir().mkpath(m_dir.filePath("typed"));
    auto job = core::JobsService(m_context->connection()).backupJob(o);
    job->setCatalogPath({});
    page.startJob(job);
    QTRY_VERIFY_WITH_TIMEOUT(!job->isRunning(), 60000);
    QVERIFY(job->result()->ok);
    QTRY_VERIFY(page.job(0)->result().has_value());
    ui::RestoreDialog *d = page.createRestoreDialog();
    auto *archive = d->findChild<QLineEdit *>();
    QVERIFY(archive);
    QCOMPARE(archive->text(), o.outputPath);
    auto *recent = d->findChild<QComboBox *>();
    QVERIFY(recent && recent->count() == 1 && recent->itemData(0).toString() == o.outputPath);
    auto *toc = d->findChild<QTreeWidget *>();
    QTRY_VERIFY_WITH_TIMEOUT(toc->topLevelItemCount() > 0, 20000);

    // A path typed (no Enter) is read.
    archive->setFocus();
    archive->selectAll();
    QTest::keyClick(archive, Qt::Key_Backspace);
    QTRY_COMPARE(toc->topLevelItemCount(), 0);
    QTest::keyClicks(archive, m_dir.filePath("page.dump"));
    QTRY_VERIFY_WITH_TIMEOUT(toc->topLevelItemCount() > 0, 20000);

    // A new database's name that is taken is said while typing, before anything runs.
    QRadioButton *intoNew = nullptr;
    for (auto *r : d->findChildren<QRadioButton *>())
        if (r->text() == "a new database")
            intoNew = r;
    QVERIFY(intoNew);
    intoNew->setChecked(true);
    QLineEdit *newName = nullptr;
    for (auto *e : d->findChildren<QLineEdit *>())
        if (e->text().endsWith("_restored"))
            newName = e;
    QVERIFY(newName);
    QSignalSpy checked(d, &ui::RestoreDialog::targetChecked);
    newName->clear();
    QTest::keyClicks(newName, "tst_jobspage");
    QTRY_VERIFY_WITH_TIMEOUT(!checked.isEmpty(), 10000);
    QPushButton *start = nullptr;
    for (auto *b : d->findChildren<QPushButton *>())
        if (b->text() == "Start restore")
            start = b;
    QVERIFY(start && !start->isEnabled());
    auto labelSays = [d](const char *text) {
        for (auto *l : d->findChildren<QLabel *>())
            if (!l->isHidden() && l->text().contains(QLatin1String(text)))
                return true;
        return false;
    };
    QVERIFY(labelSays("A database named \"tst_jobspage\" exists already"));
    checked.clear();
    QTest::keyClicks(newName, "_free");
    QTRY_VERIFY_WITH_TIMEOUT(!checked.isEmpty(), 10000);
    QVERIFY(start->isEnabled());
    d->close();

    // The next backup starts in the folder the last one went to.
    ui::BackupDialog *b = page.createBackupDialog();
    b->setOutputPath(m_dir.filePath("typed/next.dump"));
    b->accept();
    QTRY_COMPARE(page.jobCount(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(!page.job(1)->isRunning(), 60000);
    ui::BackupDialog *again = page.createBackupDialog();
    QCOMPARE(QFileInfo(again->options().outputPath).absolutePath(), m_dir.filePath("typed"));
    again->close();
}

void tst_JobsPage::restoreDialogAsksForTheTypedName()
{
    ui::RestoreDialog d(TestServer::profile("tst_jobspage"),
        std::make_shared<core::JobsService>(m_context->connection()));
    const QString archive = m_dir.filePath("page.dump");
    QVERIFY(QFile::exists(archive));
    d.setArchive(archive);
    QPushButton *start = nullptr;
    for (auto *b : d.findChildren<QPushButton *>())
        if (b->text() == "Start restore")
            start = b;
    QVERIFY(start);
    auto *tree = d.findChild<QTreeWidget *>();
    QTRY_VERIFY_WITH_TIMEOUT(tree->topLevelItemCount() > 3, 20000);
    // Into a new database: no guard.
    QTRY_VERIFY(start->isEnabled());
    // Into this database, which has tables: the name must be typed.
    for (auto *r : d.findChildren<QRadioButton *>())
        if (r->text().startsWith("this database"))
            r->setChecked(true);
    QTRY_VERIFY(!start->isEnabled());
    QLineEdit *guard = nullptr;
    for (auto *e : d.findChildren<QLineEdit *>())
        if (e->isVisibleTo(&d) && e->text().isEmpty() && e->isEnabled()
            && e->placeholderText().isEmpty())
            guard = e;
    QVERIFY(guard);
    guard->setText("tst_jobspag");
    QVERIFY(!start->isEnabled());
    guard->setText("tst_jobspage");
    QVERIFY(start->isEnabled());
    QCOMPARE(d.options().confirmation, QStringLiteral("tst_jobspage"));
    // Unticking items becomes a selection.
    tree->topLevelItem(0)->setCheckState(0, Qt::Unchecked);
    QVERIFY(d.options().selectedIds.has_value());
    QCOMPARE(d.options().selectedIds->size(), tree->topLevelItemCount() - 1);
}

void tst_JobsPage::restoreDialogChecksTheArchiveAndRefusesADamagedOne()
{
    const QString copy = m_dir.filePath("checked.dump");
    QFile::remove(copy);
    QFile::remove(core::BackupManifest::manifestPath(copy));
    QVERIFY(QFile::copy(m_dir.filePath("page.dump"), copy));
    QVERIFY(QFile::copy(core::BackupManifest::manifestPath(m_dir.filePath("page.dump")),
        core::BackupManifest::manifestPath(copy)));
    core::ArchiveInspector::forgetVerified();
    auto labelSays = [](QWidget &w, const QString &part) {
        for (auto *l : w.findChildren<QLabel *>())
            if (l->text().contains(part))
                return true;
        return false;
    };
    ui::RestoreDialog d(TestServer::profile("tst_jobspage"),
        std::make_shared<core::JobsService>(m_context->connection()));
    d.setArchive(copy);
    QTRY_VERIFY_WITH_TIMEOUT(labelSays(d, "Its SHA-256 matches the manifest"), 20000);
    // Checked while the dialog was read: the job will not read it again.
    int reads = 0;
    QVERIFY(core::ArchiveInspector(core::ToolLocator(TestServer::profile("tst_jobspage")))
                .checkIntegrity(copy, {}, {}, {}, [&](qint64, qint64) { ++reads; }));
    QCOMPARE(reads, 0);

    // One byte changed near the end: the dialog says so and will not start.
    {
        QFile f(copy);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(f.size() - 100));
        char c = 0;
        QVERIFY(f.getChar(&c));
        QVERIFY(f.seek(f.size() - 100));
        QVERIFY(f.putChar(char(c ^ 0x5a)));
    }
    d.setArchive(copy);
    QTRY_VERIFY_WITH_TIMEOUT(labelSays(d, "does not match its manifest"), 20000);
    QPushButton *start = nullptr;
    for (auto *b : d.findChildren<QPushButton *>())
        if (b->text() == "Start restore")
            start = b;
    QVERIFY(start);
    QVERIFY(!start->isEnabled());
    QVERIFY(labelSays(d, "The archive is damaged."));
}

QTEST_MAIN(tst_JobsPage)
#include "tst_jobspage.moc"
