#include "jobs/backupcatalog.h"
#include "jobs/backupschedule.h"
#include "jobs/catalogdb.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace strata::core;

namespace {

// A catalog as Strata 0.1 wrote it (its table, its rows), made with the same statement.
void makeVersionOneCatalog(const QString &path)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "v1");
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec("CREATE TABLE IF NOT EXISTS backups (id INTEGER PRIMARY KEY, path TEXT NOT "
                       "NULL, database TEXT, server_version TEXT, format TEXT, started TEXT, "
                       "duration_ms INTEGER, size INTEGER, sha256 TEXT, manifest TEXT)"));
        QVERIFY2(q.exec("INSERT INTO backups (path, database, server_version, format, started, "
                        "duration_ms, size, sha256, manifest) VALUES "
                        "('/srv/old/shop.dump', 'shop', 'PostgreSQL 15.4', 'custom', "
                        "'2025-01-02T03:04:05.000Z', 1234, 5678, 'abc', "
                        "'/srv/old/shop.dump.manifest.json'), "
                        "('/srv/old/crm.dump', 'crm', 'PostgreSQL 15.4', 'tar', "
                        "'2025-01-03T03:04:05.000Z', 99, 100, 'def', '')"),
            qPrintable(q.lastError().text()));
    }
    QSqlDatabase::removeDatabase("v1");
}

BackupRun run(const QString &server, const QString &db, const QDateTime &at, BackupOutcome o)
{
    BackupRun r;
    r.server = server;
    r.database = db;
    r.path = QStringLiteral("/nonexistent/%1-%2.dump").arg(db).arg(at.toSecsSinceEpoch());
    r.started = at;
    r.durationMs = 1500;
    r.format = "custom";
    r.outcome = o;
    r.origin = BackupOrigin::person();
    if (o != BackupOutcome::Written)
        r.log = QStringLiteral("[   0.01 s] pg_dump: error: something\n[   0.02 s] failed");
    return r;
}

} // namespace

class tst_BackupCatalog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aNewCatalogHasTheNewestSchema();
    void aVersionOneCatalogKeepsItsEntries();
    void runsOfEveryEndAreListedGroupedNewestFirst();
    void fileStateSaysMissingAndChanged();
    void rowCountsVerificationsAndRestoreTestsAreKept();
    void forgetAndDeleteAreDifferent();
    void failedScheduledRunsAreToldOnce();
    void schedulesAreStored();

private:
    QTemporaryDir m_dir;
};

void tst_BackupCatalog::aNewCatalogHasTheNewestSchema()
{
    const QString path = m_dir.filePath("new.sqlite");
    auto v = BackupCatalog(path).open();
    QVERIFY2(v.ok(), qPrintable(v.error().toString()));
    QCOMPARE(v.value(), 0);
    QVERIFY(CatalogDb::newestVersion() >= 2);
    QCOMPARE(BackupCatalog(path).open().value(), CatalogDb::newestVersion());
    QCOMPARE(BackupCatalog(path).list()->size(), 0);
}

void tst_BackupCatalog::aVersionOneCatalogKeepsItsEntries()
{
    const QString path = m_dir.filePath("v1.sqlite");
    makeVersionOneCatalog(path);
    auto list = BackupCatalog(path).list();
    QVERIFY2(list.ok(), qPrintable(list.error().toString()));
    QCOMPARE(list->size(), 2);
    QCOMPARE(BackupCatalog(path).open().value(), CatalogDb::newestVersion());
    const BackupEntry &shop = list->at(1).database == "shop" ? list->at(1) : list->at(0);
    QCOMPARE(shop.path, QStringLiteral("/srv/old/shop.dump"));
    QCOMPARE(shop.serverVersion, QStringLiteral("PostgreSQL 15.4"));
    QCOMPARE(shop.sha256, QStringLiteral("abc"));
    QCOMPARE(shop.size, 5678);
    QCOMPARE(shop.durationMs, 1234);
    QCOMPARE(shop.started, QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5), QTimeZone::utc()));
    QCOMPARE(shop.outcome, BackupOutcome::Written);
    QVERIFY(!shop.origin.scheduled);
    QCOMPARE(shop.fileState, FileState::Missing);
    // New entries go on after the old ones.
    auto id = BackupCatalog(path).recordRun(
        run("h:5432", "shop", QDateTime::currentDateTimeUtc(), BackupOutcome::Written));
    QVERIFY(id.ok());
    QCOMPARE(id.value(), 3);
}

void tst_BackupCatalog::runsOfEveryEndAreListedGroupedNewestFirst()
{
    const QString path = m_dir.filePath("runs.sqlite");
    BackupCatalog c(path);
    const QDateTime t0(QDate(2026, 5, 1), QTime(3, 0), QTimeZone::utc());
    QVERIFY(c.recordRun(run("b:5432", "shop", t0, BackupOutcome::Written)).ok());
    QVERIFY(c.recordRun(run("a:5432", "crm", t0.addDays(1), BackupOutcome::Failed)).ok());
    QVERIFY(c.recordRun(run("b:5432", "shop", t0.addDays(2), BackupOutcome::Cancelled)).ok());
    QVERIFY(c.recordRun(run("a:5432", "crm", t0.addDays(3), BackupOutcome::Written)).ok());
    auto list = c.list();
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 4);
    QCOMPARE(list->at(0).server, QStringLiteral("a:5432"));
    QCOMPARE(list->at(0).outcome, BackupOutcome::Written); // newest of a:5432/crm first
    QCOMPARE(list->at(1).outcome, BackupOutcome::Failed);
    QCOMPARE(list->at(2).server, QStringLiteral("b:5432"));
    QCOMPARE(list->at(2).outcome, BackupOutcome::Cancelled);
    QCOMPARE(list->at(3).outcome, BackupOutcome::Written);
    QVERIFY(list->at(1).log.contains("pg_dump: error: something"));
    QCOMPARE(list->at(1).stateText(), QStringLiteral("failed"));
    QCOMPARE(list->at(2).stateText(), QStringLiteral("cancelled"));
    QCOMPARE(list->at(1).fileState, FileState::Unknown); // a failed run has no file to look at
}

void tst_BackupCatalog::fileStateSaysMissingAndChanged()
{
    const QString path = m_dir.filePath("files.sqlite");
    BackupCatalog c(path);
    const QString file = m_dir.filePath("x.dump");
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("PGDMP0123456789");
    f.close();
    BackupRun r = run("h:1", "x", QDateTime::currentDateTimeUtc(), BackupOutcome::Written);
    r.path = file;
    r.size = 15;
    const qint64 id = c.recordRun(r).value();
    QCOMPARE(c.entry(id)->fileState, FileState::Present);
    QCOMPARE(c.entry(id)->stateText(), QStringLiteral("written"));
    QVERIFY(f.open(QIODevice::Append));
    f.write("more");
    f.close();
    QCOMPARE(c.entry(id)->fileState, FileState::Changed);
    QCOMPARE(c.entry(id)->stateText(), QStringLiteral("file changed"));
    QFile::remove(file);
    QCOMPARE(c.entry(id)->fileState, FileState::Missing);
    QCOMPARE(c.entry(id)->stateText(), QStringLiteral("file missing"));
}

void tst_BackupCatalog::rowCountsVerificationsAndRestoreTestsAreKept()
{
    BackupCatalog c(m_dir.filePath("counts.sqlite"));
    BackupRun r = run("h:1", "shop", QDateTime::currentDateTimeUtc(), BackupOutcome::Written);
    r.tables = { { "public", "orders", 1200 }, { "Sch \"q\"", "Ünï", 0 }, { "public", "ins", -1 } };
    r.countsSource = "dump";
    const qint64 id = c.recordRun(r).value();
    QCOMPARE(c.tableCounts(id).value(),
        (QList<TableRowCount> {
            { "Sch \"q\"", "Ünï", 0 }, { "public", "ins", -1 }, { "public", "orders", 1200 } }));
    QVERIFY(c.setTableCount(id, "public", "orders", 1201).ok());
    QCOMPARE(c.tableCounts(id)->last().rows, 1201);

    QVERIFY(c.recordVerification(id, true, "SHA-256 matches").ok());
    QVERIFY(c.entry(id)->verifiedAt.has_value());
    QCOMPARE(c.entry(id)->stateText(), QStringLiteral("file missing")); // the path is made up

    RestoreTestRecord t;
    t.backupId = id;
    t.target = "h:1";
    t.database = "strata_restore_test_x";
    t.passed = false;
    t.problems = { "public.orders: 1201 rows at backup time, 1200 restored" };
    QVERIFY(c.recordRestoreTest(t).ok());
    t.passed = true;
    t.problems.clear();
    t.testedAt = QDateTime::currentDateTimeUtc().addSecs(60);
    QVERIFY(c.recordRestoreTest(t).ok());
    auto e = c.entry(id);
    QVERIFY(e->lastRestoreTest.has_value());
    QVERIFY(e->lastRestoreTest->passed);
    QCOMPARE(c.restoreTests(id)->size(), 2);
    QCOMPARE(c.restoreTests(id)->last().problems.first(),
        QStringLiteral("public.orders: 1201 rows at backup time, 1200 restored"));
}

void tst_BackupCatalog::forgetAndDeleteAreDifferent()
{
    BackupCatalog c(m_dir.filePath("forget.sqlite"));
    const qint64 a
        = c.recordRun(run("h:1", "a", QDateTime::currentDateTimeUtc(), BackupOutcome::Written))
              .value();
    const qint64 b
        = c.recordRun(run("h:1", "b", QDateTime::currentDateTimeUtc(), BackupOutcome::Written))
              .value();
    QVERIFY(c.markDeleted(a, "retention of schedule n (keep-last 1)").ok());
    QVERIFY(c.forget(b).ok());
    auto list = c.list();
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->first().id, a);
    QCOMPARE(list->first().stateText(), QStringLiteral("deleted"));
    QCOMPARE(list->first().deletedReason, QStringLiteral("retention of schedule n (keep-last 1)"));
    QVERIFY(!c.findByPath(list->first().path)->has_value()); // deleted: no live entry
}

void tst_BackupCatalog::failedScheduledRunsAreToldOnce()
{
    BackupCatalog c(m_dir.filePath("notify.sqlite"));
    BackupRun failed = run("h:1", "a", QDateTime::currentDateTimeUtc(), BackupOutcome::Failed);
    failed.origin = BackupOrigin::schedule("nightly");
    failed.error = "could not connect";
    c.recordRun(failed);
    c.recordRun(
        run("h:1", "a", QDateTime::currentDateTimeUtc(), BackupOutcome::Failed)); // a person's
    auto first = c.unnotifiedFailures();
    QCOMPARE(first->size(), 1);
    QCOMPARE(first->first().origin.name, QStringLiteral("nightly"));
    QVERIFY(c.markNotified({ first->first().id }).ok());
    QCOMPARE(c.unnotifiedFailures()->size(), 0);
}

void tst_BackupCatalog::schedulesAreStored()
{
    const QString path = m_dir.filePath("schedules.sqlite");
    BackupSchedule s;
    s.name = "nightly";
    s.conninfo = "host=db port=5432 dbname=shop user=alice";
    s.outputDir = "/srv/backups";
    s.every = backupschedule::calendarFor("daily", "02:30");
    s.retention.keepDaily = 7;
    s.options.format = BackupFormat::Directory;
    s.options.jobs = 2;
    QVERIFY(s.validate().ok());
    QCOMPARE(s.every, QStringLiteral("*-*-* 02:30:00"));
    QVERIFY(backupschedule::save(path, s).ok());
    auto found = backupschedule::find(path, "nightly");
    QVERIFY(found.ok());
    QCOMPARE(found->conninfo, s.conninfo);
    QCOMPARE(found->retention, s.retention);
    QCOMPARE(found->options.format, BackupFormat::Directory);
    QCOMPARE(found->options.jobs, 2);
    QCOMPARE(found->database(), QStringLiteral("shop"));
    const QDateTime at(QDate(2026, 12, 4), QTime(2, 30, 0));
    QCOMPARE(found->outputPathAt("shop", at), QStringLiteral("/srv/backups/shop-20261204-023000"));
    QVERIFY(backupschedule::remove(path, "nightly").ok());
    QVERIFY(!backupschedule::find(path, "nightly").ok());

    BackupSchedule bad = s;
    bad.name = "a b";
    QVERIFY(!bad.validate().ok());
    bad = s;
    bad.conninfo = "host=db password=secret";
    QVERIFY(bad.validate().error().message.contains("password"));
}

QTEST_GUILESS_MAIN(tst_BackupCatalog)
#include "tst_backupcatalog.moc"
