#include "jobs/archiverowcounter.h"
#include "jobs/backupcatalog.h"
#include "jobs/backuphistoryservice.h"
#include "jobs/backupjob.h"
#include "jobs/backupmanifest.h"
#include "jobs/foundbackups.h"
#include "testserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace strata::core;
using strata::test::TestServer;

namespace QTest {
template <> char *toString(const TableRowCount &t)
{
    return qstrdup(
        QStringLiteral("%1.%2=%3").arg(t.schema, t.name).arg(t.rows).toUtf8().constData());
}
} // namespace QTest

namespace {

const char *kDb = "tst_backuphistory";

// Every table of the test database with its real row count, counted on the server; an
// extension's table (PostGIS's spatial_ref_sys) is left out: pg_dump copies only the rows
// added after CREATE EXTENSION, which the database does not tell apart.
QList<TableRowCount> realCounts()
{
    QList<TableRowCount> out;
    const QString list = TestServer::scalar(kDb,
        "SELECT string_agg(n.nspname || E'\\x1f' || c.relname, E'\\x1e' ORDER BY 1) "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
        "AND n.nspname NOT LIKE 'pg\\_toast%' AND NOT EXISTS (SELECT 1 FROM pg_depend d "
        "WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')");
    for (const QString &t : list.split(QChar(0x1e))) {
        const QStringList p = t.split(QChar(0x1f));
        QString s = p[0], n = p[1];
        const QString rows = TestServer::scalar(kDb,
            QStringLiteral("SELECT count(*) FROM ONLY \"%1\".\"%2\"")
                .arg(s.replace("\"", "\"\""), n.replace("\"", "\"\"")));
        out << TableRowCount { p[0], p[1], rows.toLongLong() };
    }
    std::sort(out.begin(), out.end(), [](const TableRowCount &a, const TableRowCount &b) {
        return std::tie(a.schema, a.name) < std::tie(b.schema, b.name);
    });
    return out;
}

QList<TableRowCount> sorted(const QList<TableRowCount> &all)
{
    QList<TableRowCount> l;
    for (const TableRowCount &t : all)
        if (!(t.schema == QLatin1String("public") && t.name == QLatin1String("spatial_ref_sys")))
            l << t;
    std::sort(l.begin(), l.end(), [](const TableRowCount &a, const TableRowCount &b) {
        return std::tie(a.schema, a.name) < std::tie(b.schema, b.name);
    });
    return l;
}

template <typename P> bool waitFor(P pred, int ms = 60000)
{
    QElapsedTimer t;
    t.start();
    while (!pred()) {
        if (t.elapsed() > ms)
            return false;
        QThread::msleep(20);
    }
    return true;
}

bool pgDump(const QStringList &args)
{
    QProcess p;
    p.start(TestServer::binDir() + "/pg_dump",
        args + QStringList { "--dbname=" + TestServer::connInfo(kDb) });
    return p.waitForFinished(120000) && p.exitCode() == 0;
}

} // namespace

class tst_BackupHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rowsAreCountedAsPgDumpWrites_data();
    void rowsAreCountedAsPgDumpWrites();
    void insertsLeaveTheCountsUnknown();
    void historyListsWrittenFailedAndCancelledRuns();
    void backupsFoundInAFolderAreAdded();
    void verifyRecordsTheHashCheck();

private:
    QTemporaryDir m_dir;
};

void tst_BackupHistory::initTestCase()
{
    STRATA_REQUIRE_SERVER();
    TestServer::createDatabase(kDb);
    const QString err = TestServer::exec(kDb, QString::fromUtf8(R"SQL(
        CREATE SCHEMA "Sch ém""a.x";
        CREATE TABLE "Sch ém""a.x"."Tab ""le"".y" (id serial PRIMARY KEY, note text);
        INSERT INTO "Sch ém""a.x"."Tab ""le"".y"(note)
            SELECT E'line one\nline two\t\\.' || g FROM generate_series(1, 1234) g;
        CREATE TABLE public.empty (x int);
        CREATE TABLE public.events (id bigint, at date) PARTITION BY RANGE (at);
        CREATE TABLE public.events_2025 PARTITION OF public.events
            FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
        CREATE TABLE public.events_2026 PARTITION OF public.events
            FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
        INSERT INTO public.events SELECT g, DATE '2025-06-01' + (g % 400) FROM generate_series(1, 30000) g;
        CREATE TABLE public.wide AS SELECT g AS id, md5(g::text) || repeat('x', 200) AS t
            FROM generate_series(1, 120000) g;
        CREATE TABLE public.blobs (id int, o oid);
        INSERT INTO public.blobs VALUES (1, lo_from_bytea(0, 'hello'));
    )SQL"));
    QVERIFY2(err.isEmpty(), qPrintable(err));
}

void tst_BackupHistory::rowsAreCountedAsPgDumpWrites_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("jobs");
    QTest::addColumn<int>("compress");
    QTest::newRow("custom") << "custom" << 1 << -1;
    QTest::newRow("custom uncompressed") << "custom" << 1 << 0;
    QTest::newRow("directory") << "directory" << 1 << -1;
    QTest::newRow("directory -j 3") << "directory" << 3 << 5;
    QTest::newRow("directory uncompressed") << "directory" << 1 << 0;
    QTest::newRow("tar") << "tar" << 1 << -1;
    QTest::newRow("plain") << "plain" << 1 << -1;
    QTest::newRow("plain gzip") << "plain" << 1 << 6;
}

void tst_BackupHistory::rowsAreCountedAsPgDumpWrites()
{
    QFETCH(QString, format);
    QFETCH(int, jobs);
    QFETCH(int, compress);
    const QString catalog = m_dir.filePath(
        QStringLiteral("counts-%1-%2-%3.sqlite").arg(format).arg(jobs).arg(compress));
    BackupOptions o;
    o.outputPath = m_dir.filePath(
        QStringLiteral("counted-%1-%2-%3.out").arg(format).arg(jobs).arg(compress));
    o.format = BackupOptions::parseFormat(format).value();
    o.jobs = jobs;
    o.compress = compress;
    auto job = std::make_shared<BackupJob>(TestServer::profile(kDb), QString(), o);
    job->setCatalogPath(catalog);
    const JobResult r = job->start().result();
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QVERIFY2(r.notes.isEmpty(), qPrintable(r.notes.join("\n")));

    const QList<TableRowCount> real = realCounts();
    QVERIFY(real.size() >= 6);
    auto list = BackupCatalog(catalog).list();
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->first().countsSource, QStringLiteral("dump"));
    QCOMPARE(list->first().server, QStringLiteral("127.0.0.1:%1").arg(TestServer::port()));
    const auto recorded = BackupCatalog(catalog).tableCounts(list->first().id);
    QVERIFY(recorded.ok());
    QCOMPARE(sorted(recorded.value()), real);
    // The manifest carries them too, and counting the finished archive agrees.
    const auto manifest = BackupManifest::read(o.outputPath);
    QVERIFY(manifest.ok());
    QCOMPARE(sorted(backuphistory::rowCounts(manifest.value())), real);
    const auto counted = countArchiveRows(o.outputPath);
    QVERIFY2(counted.ok(), qPrintable(counted.error().toString()));
    QCOMPARE(sorted(counted.value()), real);
}

void tst_BackupHistory::insertsLeaveTheCountsUnknown()
{
    const QString catalog = m_dir.filePath("inserts.sqlite");
    BackupOptions o;
    o.outputPath = m_dir.filePath("inserts.dump");
    o.inserts = true;
    o.tables = { "public.empty", "public.wide" };
    auto job = std::make_shared<BackupJob>(TestServer::profile(kDb), QString(), o);
    job->setCatalogPath(catalog);
    QVERIFY(job->start().result().ok);
    const auto counts = BackupCatalog(catalog).tableCounts(1).value();
    QCOMPARE(counts.size(), 2);
    for (const TableRowCount &t : counts)
        QCOMPARE(t.rows, -1); // INSERT statements are not counted line by line
}

void tst_BackupHistory::historyListsWrittenFailedAndCancelledRuns()
{
    const QString catalog = m_dir.filePath("runs.sqlite");
    BackupOptions good;
    good.outputPath = m_dir.filePath("runs-good.dump");
    auto written = std::make_shared<BackupJob>(TestServer::profile(kDb), QString(), good);
    written->setCatalogPath(catalog);
    QVERIFY(written->start().result().ok);

    BackupOptions bad;
    bad.outputPath = m_dir.filePath("runs-bad.dump");
    auto failed
        = std::make_shared<BackupJob>(TestServer::profile("no_such_database_here"), QString(), bad);
    failed->setCatalogPath(catalog);
    failed->setOrigin(BackupOrigin::schedule("nightly"));
    QVERIFY(!failed->start().result().ok);

    BackupOptions slow;
    slow.outputPath = m_dir.filePath("runs-cancelled.dump");
    auto cancelled = std::make_shared<BackupJob>(TestServer::profile(kDb), QString(), slow);
    cancelled->setCatalogPath(catalog);
    auto f = cancelled->start();
    QVERIFY(waitFor([&] {
        for (const QString &l : cancelled->log())
            if (l.contains("dumping contents of table"))
                return true;
        return false;
    }));
    cancelled->cancel();
    QVERIFY(f.result().canceled || cancelled->result()->canceled);

    auto list = BackupCatalog(catalog).list();
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 3);
    QMap<BackupOutcome, BackupEntry> byOutcome;
    for (const BackupEntry &e : list.value())
        byOutcome.insert(e.outcome, e);
    QVERIFY(byOutcome.contains(BackupOutcome::Written));
    QVERIFY(byOutcome.contains(BackupOutcome::Failed));
    QVERIFY(byOutcome.contains(BackupOutcome::Cancelled));
    const BackupEntry f1 = byOutcome.value(BackupOutcome::Failed);
    QVERIFY2(f1.error.contains("no_such_database_here"), qPrintable(f1.error));
    QVERIFY(f1.log.contains("failed: "));
    QVERIFY(f1.origin.scheduled);
    QCOMPARE(f1.origin.name, QStringLiteral("nightly"));
    const BackupEntry c1 = byOutcome.value(BackupOutcome::Cancelled);
    QVERIFY(c1.log.contains("dumping contents of table"));
    QCOMPARE(c1.stateText(), QStringLiteral("cancelled"));
    const BackupEntry w1 = byOutcome.value(BackupOutcome::Written);
    QVERIFY(!w1.origin.scheduled);
    QVERIFY(!w1.toolVersion.isEmpty());
    QCOMPARE(w1.what, QStringLiteral("whole database"));
    QCOMPARE(w1.fileState, FileState::Present);
    QVERIFY(w1.log.contains("running: "));
}

void tst_BackupHistory::backupsFoundInAFolderAreAdded()
{
    QTemporaryDir folder;
    // One pg_dump made without Strata (no manifest), one Strata backup whose entry is elsewhere.
    QVERIFY(pgDump({ "--format=custom", "--file=" + folder.filePath("bare.dump") }));
    QVERIFY(pgDump({ "--format=plain", "--file=" + folder.filePath("bare.sql") }));
    BackupOptions o;
    o.outputPath = folder.filePath("strata.dump");
    auto job = std::make_shared<BackupJob>(TestServer::profile(kDb), QString(), o);
    job->setCatalogPath(m_dir.filePath("elsewhere.sqlite"));
    QVERIFY(job->start().result().ok);
    QFile junk(folder.filePath("notes.txt"));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("not a backup\n");
    junk.close();

    const QString catalogPath = m_dir.filePath("found.sqlite");
    BackupCatalog catalog(catalogPath);
    QStringList skipped;
    ToolLocator locator(TestServer::profile(kDb));
    auto added = foundbackups::addFolder(catalog, folder.path(), locator, &skipped);
    QVERIFY2(added.ok(), qPrintable(added.error().toString()));
    QCOMPARE(added->size(), 3);
    QVERIFY2(skipped.isEmpty(), qPrintable(skipped.join("\n")));
    const QList<TableRowCount> real = realCounts();
    const auto entries = catalog.list();
    QVERIFY(entries.ok());
    for (const BackupEntry &e : entries.value()) {
        QCOMPARE(e.outcome, BackupOutcome::Found);
        // A plain SQL file does not name its database.
        QCOMPARE(e.database, e.format == "plain" ? QString() : QString(kDb));
        QVERIFY(!e.sha256.isEmpty());
        const auto counts = catalog.tableCounts(e.id);
        QVERIFY2(counts.ok() && !counts->isEmpty(), qPrintable(e.path));
        QCOMPARE(sorted(counts.value()), real);
        QCOMPARE(e.countsSource,
            e.path.endsWith("strata.dump") ? QStringLiteral("manifest")
                                           : QStringLiteral("archive"));
    }
    // Again: nothing new.
    QCOMPARE(foundbackups::addFolder(catalog, folder.path(), locator)->size(), 0);
}

void tst_BackupHistory::verifyRecordsTheHashCheck()
{
    const QString catalog = m_dir.filePath("verify.sqlite");
    BackupOptions o;
    o.outputPath = m_dir.filePath("verify.dump");
    auto job = std::make_shared<BackupJob>(TestServer::profile(kDb), QString(), o);
    job->setCatalogPath(catalog);
    QVERIFY(job->start().result().ok);
    BackupHistoryService service(catalog);
    auto good = service.verify(1).result();
    QVERIFY2(good.ok(), qPrintable(good.error().toString()));
    QVERIFY(good->verifiedAt.has_value());
    QVERIFY(good->verifyOk);
    QCOMPARE(good->stateText(), QStringLiteral("hash verified"));
    // Without the manifest beside it, the archive's own bytes give the digest recorded.
    const QString manifest = BackupManifest::manifestPath(o.outputPath);
    auto written = BackupManifest::read(o.outputPath);
    QVERIFY(written.ok());
    QVERIFY(QFile::rename(manifest, manifest + ".away"));
    auto bare = service.verify(1).result();
    QVERIFY(bare.ok());
    QVERIFY2(bare->verifyOk, qPrintable(bare->verifyMessage));
    // An entry recorded before the chunks (one SHA-256 of the whole file, its manifest gone)
    // still verifies.
    auto whole = archivedigest::compute(o.outputPath, ArchiveDigest::Scheme::Whole);
    QVERIFY(whole.ok());
    QVERIFY(whole->hex != written->digest.hex);
    BackupRun older = BackupRun::fromManifest(written.value(), BackupOrigin::person());
    older.sha256 = whole->hex;
    auto olderId = BackupCatalog(catalog).recordRun(older);
    QVERIFY(olderId.ok());
    auto old = service.verify(olderId.value()).result();
    QVERIFY(old.ok());
    QVERIFY2(old->verifyOk, qPrintable(old->verifyMessage));
    QVERIFY(QFile::rename(manifest + ".away", manifest));
    // One byte changed in the middle, the size the same.
    QFile f(o.outputPath);
    QVERIFY(f.open(QIODevice::ReadWrite));
    f.seek(f.size() / 2);
    const char c = f.peek(1).at(0);
    f.write(QByteArray(1, char(c ^ 0x55)));
    f.close();
    auto bad = service.verify(1).result();
    QVERIFY(bad.ok());
    QVERIFY(!bad->verifyOk);
    // Where it differs: the chunk of the byte changed (the file is one chunk of 8 MiB).
    QVERIFY2(bad->verifyMessage.contains("does not match its manifest: bytes 0 to ")
            && bad->verifyMessage.contains("damaged or was changed"),
        qPrintable(bad->verifyMessage));
    QVERIFY(bad->stateText() == "damaged" || bad->stateText() == "file changed");
}

QTEST_GUILESS_MAIN(tst_BackupHistory)
#include "tst_backuphistory.moc"
