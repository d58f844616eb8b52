#include "db/session.h"
#include "migrations/folderreader.h"
#include "migrations/historyreader.h"
#include "migrations/sqlmigrationrunner.h"
#include "testserver.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace strata::core;
using strata::test::TestServer;

class tst_MigrationRunner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void thirdFileFailsFirstTwoRecordedNothingAfter();
    void dryRunListsWithoutWriting();
    void noTransactionSelfRecordingAndUnfinishedRows();
    void refusesReadOnlySessionsAndOtherFrameworks();

private:
    static void write(const QString &path, const QByteArray &content);
    RunReport run(const QString &dir, RunOptions options, bool readOnly = false);
};

static const char *kDb = "tst_migrationrunner";

void tst_MigrationRunner::write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

RunReport tst_MigrationRunner::run(const QString &dir, RunOptions options, bool readOnly)
{
    SessionOptions so;
    so.readOnly = readOnly;
    so.statementTimeoutMs = 0;
    Session s(TestServer::profile(kDb), {}, so);
    auto folder = FolderReader::read(dir);
    if (!folder) {
        RunReport r;
        r.failed = true;
        r.error = folder.error();
        return r;
    }
    const MigrationFolder f = folder.value();
    auto future = s.runWithPromise<RunReport>(
        [f, options](QPromise<RunReport> &p, SessionContext &ctx) {
            p.addResult(SqlMigrationRunner::run(p, ctx, f, options));
        });
    return future.result();
}

void tst_MigrationRunner::initTestCase()
{
    STRATA_REQUIRE_SERVER();
    TestServer::createDatabase(kDb);
    const QString err = TestServer::exec(kDb, QString::fromUtf8(
        "CREATE SCHEMA \"Reg \"\"istry\"\"\";"
        "CREATE TABLE \"Reg \"\"istry\"\"\".schema_migrations (version varchar NOT NULL PRIMARY "
        "KEY, started_at timestamp, finished_at timestamp);"));
    QVERIFY2(err.isEmpty(), qPrintable(err));
}

void tst_MigrationRunner::thirdFileFailsFirstTwoRecordedNothingAfter()
{
    QTemporaryDir dir;
    write(dir.filePath("001_create.sql"),
          "-- first\nCREATE TABLE \"Ünï \"\"t\"\"\" (id int PRIMARY KEY, note text);\n");
    write(dir.filePath("002_fill.sql"),
          "INSERT INTO \"Ünï \"\"t\"\"\" VALUES (1, 'a;b'), (2, $$x;y$$);\n"
          "/* a comment; with a semicolon */\nINSERT INTO \"Ünï \"\"t\"\"\" VALUES (3, E'it\\'s');\n");
    write(dir.filePath("003_bad.sql"),
          "INSERT INTO \"Ünï \"\"t\"\"\" VALUES (4, 'kept?');\n"
          "\n-- the next statement fails\n"
          "UPDATE \"Ünï \"\"t\"\"\"\n   SET note = 'x'\n WHERE nosuchcolumn = 1;\n");
    write(dir.filePath("004_after.sql"), "CREATE TABLE after_failure (x int);\n");
    RunOptions o;
    auto report = run(dir.path(), o);
    QVERIFY(report.failed);
    QCOMPARE(report.schema, QString::fromUtf8("Reg \"istry\""));
    QCOMPARE(report.failedFile, QStringLiteral("003_bad.sql"));
    // The server points at "nosuchcolumn" on line 6 of the file.
    QCOMPARE(report.failedLine, 6);
    QVERIFY2(report.error.message.contains("nosuchcolumn"), qPrintable(report.error.message));
    QCOMPARE(report.steps.size(), 4);
    QCOMPARE(report.steps.at(0).status, RunStep::Status::Ran);
    QCOMPARE(report.steps.at(1).status, RunStep::Status::Ran);
    QCOMPARE(report.steps.at(2).status, RunStep::Status::Failed);
    QCOMPARE(report.steps.at(3).status, RunStep::Status::NotRun);
    QVERIFY(report.summary().contains("003_bad.sql"));

    const QString hist = QString::fromUtf8("\"Reg \"\"istry\"\"\".schema_migrations");
    QCOMPARE(TestServer::scalar(kDb, "SELECT string_agg(version, ',' ORDER BY version) FROM " + hist
                                         + " WHERE finished_at IS NOT NULL AND started_at IS NOT NULL"),
             QStringLiteral("001_create,002_fill"));
    QCOMPARE(TestServer::scalar(kDb, "SELECT count(*) FROM " + hist + " WHERE version = '003_bad'"),
             QStringLiteral("0"));
    QCOMPARE(TestServer::scalar(kDb, QString::fromUtf8("SELECT count(*) FROM \"Ünï \"\"t\"\"\"")),
             QStringLiteral("3")); // the third file's first insert was rolled back
    QCOMPARE(TestServer::scalar(kDb, "SELECT to_regclass('after_failure') IS NULL"),
             QStringLiteral("t"));
    QCOMPARE(TestServer::scalar(kDb, QString::fromUtf8("SELECT note FROM \"Ünï \"\"t\"\"\" WHERE id = 3")),
             QStringLiteral("it's"));

    // A runtime error has no position: the failing statement's first line is reported.
    write(dir.filePath("003_bad.sql"), "SELECT 1;\n\nSELECT 1 / (SELECT count(*) - count(*)\n"
                                       "  FROM after_failure_missing_not);\n");
    report = run(dir.path(), o);
    QVERIFY(report.failed);
    QCOMPARE(report.failedFile, QStringLiteral("003_bad.sql"));
    QCOMPARE(report.failedLine, 4);
    write(dir.filePath("003_bad.sql"), "SELECT 1;\n\n\nSELECT 1/0;\n");
    report = run(dir.path(), o);
    QCOMPARE(report.failedLine, 4);
    QVERIFY(report.error.message.contains("division by zero"));

    // Fixed: the rest runs.
    write(dir.filePath("003_bad.sql"), "UPDATE \"Ünï \"\"t\"\"\" SET note = 'fixed' WHERE id = 1;\n");
    report = run(dir.path(), o);
    QVERIFY2(!report.failed, qPrintable(report.error.toString()));
    QCOMPARE(report.steps.size(), 2);
    QCOMPARE(TestServer::scalar(kDb, "SELECT to_regclass('after_failure') IS NOT NULL"),
             QStringLiteral("t"));

    // And the history reader sees the runner's rows with durations.
    Session s(TestServer::profile(kDb));
    auto all = s.run([](SessionContext &ctx) { return HistoryReader::readAll(ctx); }).result();
    QVERIFY(all.ok());
    bool seen = false;
    for (const auto &h : all.value())
        if (h.framework == "homegrown" && h.schema == QString::fromUtf8("Reg \"istry\"")) {
            seen = true;
            QCOMPARE(h.entries.size(), 4);
            QVERIFY(h.entries.at(0).durationMs >= 0);
        }
    QVERIFY(seen);
}

void tst_MigrationRunner::dryRunListsWithoutWriting()
{
    TestServer::exec(kDb, "DROP SCHEMA IF EXISTS dry CASCADE; CREATE SCHEMA dry");
    QTemporaryDir dir;
    write(dir.filePath("01_a.sql"), "CREATE TABLE dry.a (x int);\n");
    write(dir.filePath("02_b.sql"), "-- strata:no-transaction\nCREATE INDEX CONCURRENTLY ON dry.a (x);\n");
    RunOptions o;
    o.schema = "dry";
    o.dryRun = true;
    auto report = run(dir.path(), o);
    QVERIFY2(!report.failed, qPrintable(report.error.toString()));
    QCOMPARE(report.steps.size(), 2);
    QCOMPARE(report.steps.at(0).status, RunStep::Status::WouldRun);
    QVERIFY(report.steps.at(1).note.contains("outside a transaction"));
    QVERIFY(report.summary().contains("2 file(s) would run"));
    QCOMPARE(TestServer::scalar(kDb, "SELECT to_regclass('dry.schema_migrations') IS NULL"),
             QStringLiteral("t"));
    QCOMPARE(TestServer::scalar(kDb, "SELECT to_regclass('dry.a') IS NULL"), QStringLiteral("t"));
    // A read-only session may dry-run.
    report = run(dir.path(), o, true);
    QVERIFY(!report.failed);
}

void tst_MigrationRunner::noTransactionSelfRecordingAndUnfinishedRows()
{
    TestServer::exec(kDb, "DROP SCHEMA IF EXISTS idem CASCADE; CREATE SCHEMA idem;"
                          "CREATE TABLE idem.schema_migrations (version varchar NOT NULL PRIMARY KEY, "
                          "started_at timestamp, finished_at timestamp);"
                          "INSERT INTO idem.schema_migrations VALUES ('001_legacy', NULL, NULL),"
                          "('007_spot_restore', '2024-01-01 10:00:00', NULL);");
    QTemporaryDir dir;
    write(dir.filePath("001_legacy.sql"), "SELECT 'already applied';\n");
    write(dir.filePath("002_index.sql"),
          "-- strata:no-transaction\nCREATE TABLE idem.big (x int);\n"
          "CREATE INDEX CONCURRENTLY big_x ON idem.big (x);\n");
    write(dir.filePath("003_self.sql"),
          "INSERT INTO idem.schema_migrations (version, started_at) VALUES ('003_self', '2000-01-01')\n"
          "  ON CONFLICT (version) DO UPDATE SET started_at = EXCLUDED.started_at;\n"
          "CREATE TABLE IF NOT EXISTS idem.selfmade (x int);\n"
          "UPDATE idem.schema_migrations SET finished_at = '2000-01-01 00:00:05' WHERE version = '003_self';\n");
    write(dir.filePath("007_spot_restore.sql"), "CREATE TABLE IF NOT EXISTS idem.spot (x int);\n");
    RunOptions o;
    o.schema = "idem";
    auto report = run(dir.path(), o);
    QVERIFY2(!report.failed, qPrintable(report.error.toString()));
    QCOMPARE(report.steps.size(), 3); // 001 is recorded (legacy row); 007 is unfinished: again
    QVERIFY(report.steps.at(2).note.contains("never finished"));
    QVERIFY(report.steps.at(1).note.contains("records itself"));
    QCOMPARE(TestServer::scalar(kDb, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'idem.big_x'::regclass"),
             QStringLiteral("t"));
    // The self-recording file's own timestamps stand.
    QCOMPARE(TestServer::scalar(kDb, "SELECT finished_at - started_at FROM idem.schema_migrations "
                                     "WHERE version = '003_self'"),
             QStringLiteral("00:00:05"));
    QCOMPARE(TestServer::scalar(kDb, "SELECT finished_at IS NOT NULL FROM idem.schema_migrations "
                                     "WHERE version = '007_spot_restore'"),
             QStringLiteral("t"));

    // A failing no-transaction file leaves its row started and unfinished.
    write(dir.filePath("008_half.sql"), "-- strata:no-transaction\nCREATE TABLE idem.half (x int);\n"
                                        "SELECT nosuchfunction();\n");
    report = run(dir.path(), o);
    QVERIFY(report.failed);
    QCOMPARE(report.failedLine, 3);
    QCOMPARE(TestServer::scalar(kDb, "SELECT started_at IS NOT NULL AND finished_at IS NULL FROM "
                                     "idem.schema_migrations WHERE version = '008_half'"),
             QStringLiteral("t"));
    QCOMPARE(TestServer::scalar(kDb, "SELECT to_regclass('idem.half') IS NOT NULL"),
             QStringLiteral("t"));
}

void tst_MigrationRunner::refusesReadOnlySessionsAndOtherFrameworks()
{
    QTemporaryDir dir;
    write(dir.filePath("01_x.sql"), "SELECT 1;\n");
    RunOptions o;
    o.schema = "ro";
    auto report = run(dir.path(), o, true);
    QVERIFY(report.failed);
    QVERIFY(report.error.message.contains("read-write"));

    QTemporaryDir fw;
    write(fw.filePath("V1__init.sql"), "SELECT 1;\n");
    report = run(fw.path(), o);
    QVERIFY(report.failed);
    QVERIFY2(report.error.message.contains("flyway"), qPrintable(report.error.message));

    // A schema_migrations of another framework is never written to.
    TestServer::exec(kDb, "CREATE SCHEMA IF NOT EXISTS gm; CREATE TABLE IF NOT EXISTS "
                          "gm.schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)");
    o.schema = "gm";
    report = run(dir.path(), o);
    QVERIFY(report.failed);
    QVERIFY2(report.error.message.contains("golang-migrate"), qPrintable(report.error.message));
}

QTEST_GUILESS_MAIN(tst_MigrationRunner)
#include "tst_migrationrunner.moc"
