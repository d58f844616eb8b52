#include "db/session.h"
#include "migrations/folderreader.h"
#include "migrations/historyreader.h"
#include "migrations/sqlmigrationrunner.h"
#include "testserver.h"

#include <QDir>
#include <QElapsedTimer>
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
    void unfinishedFileBlocksUntilRerunIsAsked();
    void unfinishedFileAfterThePendingOnesIsLeftAlone();
    void filesThatCannotRunInATransactionRunStatementByStatement();
    void fileWithItsOwnTransactionsRunsAsWrittenAndReportsHonestly();
    void callOfACommittingProcedureRunsOutsideATransaction();
    void cancelInterruptsTheStatementAndRollsTheFileBack();
    void unreadableFileWouldFailAndStopsTheRun();
    void selfRecordingFileGetsMeasuredTimings();
    void secondRunIsRefusedWhileTheLockIsHeld();
    void settingsOfOneFileDoNotReachTheNext();
    void fileThatOnlyMentionsTheHistoryTableIsStillRecorded();
    void failedConcurrentIndexSaysItLeftAnInvalidIndex();
    void beginAtomicFileIsRefusedBeforeAnyOfItRuns();

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
    auto future
        = s.runWithPromise<RunReport>([f, options](QPromise<RunReport> &p, SessionContext &ctx) {
              p.addResult(SqlMigrationRunner::run(p, ctx, f, options));
          });
    return future.result();
}

void tst_MigrationRunner::initTestCase()
{
    STRATA_REQUIRE_SERVER();
    TestServer::createDatabase(kDb);
    const QString err = TestServer::exec(kDb,
        QString::fromUtf8("CREATE SCHEMA \"Reg \"\"istry\"\"\";"
                          "CREATE TABLE \"Reg \"\"istry\"\"\".schema_migrations (version varchar "
                          "NOT NULL PRIMARY "
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
        "/* a comment; with a semicolon */\nINSERT INTO \"Ünï \"\"t\"\"\" VALUES (3, "
        "E'it\\'s');\n");
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
    QCOMPARE(TestServer::scalar(kDb,
                 "SELECT string_agg(version, ',' ORDER BY version) FROM " + hist
                     + " WHERE finished_at IS NOT NULL AND started_at IS NOT NULL"),
        QStringLiteral("001_create,002_fill"));
    QCOMPARE(TestServer::scalar(kDb, "SELECT count(*) FROM " + hist + " WHERE version = '003_bad'"),
        QStringLiteral("0"));
    QCOMPARE(TestServer::scalar(kDb, QString::fromUtf8("SELECT count(*) FROM \"Ünï \"\"t\"\"\"")),
        QStringLiteral("3")); // the third file's first insert was rolled back
    QCOMPARE(TestServer::scalar(kDb, "SELECT to_regclass('after_failure') IS NULL"),
        QStringLiteral("t"));
    QCOMPARE(TestServer::scalar(
                 kDb, QString::fromUtf8("SELECT note FROM \"Ünï \"\"t\"\"\" WHERE id = 3")),
        QStringLiteral("it's"));

    // A runtime error has no position: the failing statement's first line is reported.
    write(dir.filePath("003_bad.sql"),
        "SELECT 1;\n\nSELECT 1 / (SELECT count(*) - count(*)\n"
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
    write(
        dir.filePath("003_bad.sql"), "UPDATE \"Ünï \"\"t\"\"\" SET note = 'fixed' WHERE id = 1;\n");
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
    write(dir.filePath("02_b.sql"),
        "-- strata:no-transaction\nCREATE INDEX CONCURRENTLY ON dry.a (x);\n");
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
    TestServer::exec(kDb,
        "DROP SCHEMA IF EXISTS idem CASCADE; CREATE SCHEMA idem;"
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
        "INSERT INTO idem.schema_migrations (version, started_at) VALUES ('003_self', "
        "'2000-01-01')\n"
        "  ON CONFLICT (version) DO UPDATE SET started_at = EXCLUDED.started_at;\n"
        "CREATE TABLE IF NOT EXISTS idem.selfmade (x int);\n"
        "UPDATE idem.schema_migrations SET finished_at = '2000-01-01 00:00:05' WHERE version = "
        "'003_self';\n");
    write(dir.filePath("007_spot_restore.sql"), "CREATE TABLE IF NOT EXISTS idem.spot (x int);\n");
    RunOptions o;
    o.schema = "idem";
    o.rerunUnfinished = true;
    auto report = run(dir.path(), o);
    QVERIFY2(!report.failed, qPrintable(report.error.toString()));
    QCOMPARE(report.steps.size(), 3); // 001 is recorded (legacy row); 007 is unfinished: again
    QVERIFY(report.steps.at(2).note.contains("never finished"));
    QVERIFY(report.steps.at(1).note.contains("records itself"));
    QCOMPARE(TestServer::scalar(
                 kDb, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'idem.big_x'::regclass"),
        QStringLiteral("t"));
    // The self-recording file's own timestamps stand.
    QCOMPARE(TestServer::scalar(kDb,
                 "SELECT finished_at - started_at FROM idem.schema_migrations "
                 "WHERE version = '003_self'"),
        QStringLiteral("00:00:05"));
    QCOMPARE(TestServer::scalar(kDb,
                 "SELECT finished_at IS NOT NULL FROM idem.schema_migrations "
                 "WHERE version = '007_spot_restore'"),
        QStringLiteral("t"));

    // A failing no-transaction file leaves its row started and unfinished.
    write(dir.filePath("008_half.sql"),
        "-- strata:no-transaction\nCREATE TABLE idem.half (x int);\n"
        "SELECT nosuchfunction();\n");
    report = run(dir.path(), o);
    QVERIFY(report.failed);
    QCOMPARE(report.failedLine, 3);
    QCOMPARE(TestServer::scalar(kDb,
                 "SELECT started_at IS NOT NULL AND finished_at IS NULL FROM "
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
    // The hint is Flyway's own command for this very folder.
    QVERIFY2(report.error.hint.contains(
                 "flyway -locations=filesystem:" + QDir::cleanPath(fw.path()) + " migrate"),
        qPrintable(report.error.hint));

    // A schema_migrations of another framework is never written to.
    TestServer::exec(kDb,
        "CREATE SCHEMA IF NOT EXISTS gm; CREATE TABLE IF NOT EXISTS "
        "gm.schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)");
    o.schema = "gm";
    report = run(dir.path(), o);
    QVERIFY(report.failed);
    QVERIFY2(report.error.message.contains("golang-migrate"), qPrintable(report.error.message));
}

void tst_MigrationRunner::unfinishedFileBlocksUntilRerunIsAsked()
{
    TestServer::exec(kDb,
        "DROP SCHEMA IF EXISTS unf CASCADE; CREATE SCHEMA unf;"
        "CREATE TABLE unf.schema_migrations (version varchar NOT NULL PRIMARY KEY, "
        "started_at timestamp, finished_at timestamp);"
        "INSERT INTO unf.schema_migrations VALUES "
        "('001_done', '2024-01-01 10:00:00', '2024-01-01 10:00:01'),"
        "('002_half', '2024-01-02 10:00:00', NULL);");
    QTemporaryDir dir;
    write(dir.filePath("001_done.sql"), "SELECT 1;\n");
    write(dir.filePath("002_half.sql"), "CREATE TABLE IF NOT EXISTS unf.half (x int);\n");
    write(dir.filePath("003_next.sql"), "CREATE TABLE unf.next (x int);\n");
    RunOptions o;
    o.schema = "unf";
    o.dryRun = true;
    // The dry run says exactly what a real run would do: nothing, and why.
    auto report = run(dir.path(), o);
    QVERIFY(report.blocked);
    QVERIFY(report.wouldFail());
    QCOMPARE(report.toRun(), 0);
    QCOMPARE(report.steps.size(), 2);
    QCOMPARE(report.steps.at(0).status, RunStep::Status::Unfinished);
    QCOMPARE(report.steps.at(1).status, RunStep::Status::NotRun);
    QVERIFY2(report.summary().contains("Nothing would run"), qPrintable(report.summary()));
    // A real run refuses, naming the file and when it started, and what to check.
    o.dryRun = false;
    report = run(dir.path(), o);
    QVERIFY(report.failed);
    QVERIFY(report.blocked);
    QVERIFY2(report.error.message.contains("002_half.sql (started 2024-01-02 10:00:00)"),
        qPrintable(report.error.message));
    QVERIFY(report.error.hint.contains("pg_stat_activity"));
    QVERIFY(report.error.hint.contains("--rerun-unfinished"));
    QCOMPARE(TestServer::scalar(kDb,
                 "SELECT to_regclass('unf.half') IS NULL AND "
                 "to_regclass('unf.next') IS NULL"),
        QStringLiteral("t"));
    // Asked explicitly: both run, in order, and both are finished.
    o.rerunUnfinished = true;
    o.dryRun = true;
    report = run(dir.path(), o);
    QCOMPARE(report.toRun(), 2);
    QVERIFY(report.steps.at(0).note.contains("runs again"));
    o.dryRun = false;
    report = run(dir.path(), o);
    QVERIFY2(!report.failed, qPrintable(report.error.toString()));
    QCOMPARE(report.count(RunStep::Status::Ran), 2);
    QCOMPARE(TestServer::scalar(kDb,
                 "SELECT count(*) FROM unf.schema_migrations WHERE "
                 "finished_at IS NULL"),
        QStringLiteral("0"));
}

void tst_MigrationRunner::unfinishedFileAfterThePendingOnesIsLeftAlone()
{
    TestServer::exec(kDb,
        "DROP SCHEMA IF EXISTS unf2 CASCADE; CREATE SCHEMA unf2;"
        "CREATE TABLE unf2.schema_migrations (version varchar NOT NULL PRIMARY KEY, "
        "started_at timestamp, finished_at timestamp);"
        "INSERT INTO unf2.schema_migrations VALUES ('005_late', '2024-01-05 10:00:00', NULL);");
    QTemporaryDir dir;
    write(dir.filePath("004_early.sql"), "CREATE TABLE unf2.early (x int);\n");
    write(dir.filePath("005_late.sql"), "CREATE TABLE unf2.late (x int);\n");
    RunOptions o;
    o.schema = "unf2";
    auto report = run(dir.path(), o);
    QVERIFY2(!report.failed, qPrintable(report.error.toString()));
    QCOMPARE(report.count(RunStep::Status::Ran), 1);
    QCOMPARE(report.steps.at(1).status, RunStep::Status::Unfinished);
    QCOMPARE(
        TestServer::scalar(kDb, "SELECT to_regclass('unf2.late') IS NULL"), QStringLiteral("t"));
    QCOMPARE(TestServer::scalar(kDb,
                 "SELECT finished_at IS NULL FROM unf2.schema_migrations "
                 "WHERE version = '005_late'"),
        QStringLiteral("t"));
}

void tst_MigrationRunner::filesThatCannotRunInATransactionRunStatementByStatement()
{
    // The demo's 010 commits inside DO and has no marker; a CONCURRENTLY index file without one.
    TestServer::exec(kDb,
        "DROP SCHEMA IF EXISTS registry CASCADE; CREATE SCHEMA registry;"
        "CREATE TABLE registry.schema_migrations (version varchar NOT NULL PRIMARY "
        "KEY, started_at timestamp, finished_at timestamp);"
        "CREATE TABLE registry.records (record_id int PRIMARY KEY, record_no int, "
        "title text, owner_id int);"
        "INSERT INTO registry.records SELECT g, g, 't' || g, g % 7 "
        "FROM generate_series(1, 12000) g;");
    QFile demo(TestServer::sourceDir()
        + "/resources/demo/registry-migrations/010_backfill_record_checksums.sql");
    QVERIFY(demo.open(QIODevice::ReadOnly));
    QByteArray demoText = demo.readAll();
    demoText.replace("-- strata:no-transaction\n", ""); // detection alone must handle it
    QTemporaryDir dir;
    write(dir.filePath("010_backfill_record_checksums.sql"), demoText);
    write(dir.filePath("011_index.sql"),
        "-- CREATE INDEX CONCURRENTLY in a comment; and 'VACUUM' in a string\n"
        "SELECT 'VACUUM';\n"
        "CREATE UNIQUE INDEX\n  CONCURRENTLY records_no_idx ON registry.records (record_no);\n");
    write(dir.filePath("012_plain.sql"),
        "/* DROP INDEX CONCURRENTLY x; */ CREATE TABLE registry.plain (x int);\n"
        "DO $$ BEGIN RAISE NOTICE 'COMMIT'; END $$;\n");
    RunOptions o;
    o.schema = "registry";
    o.dryRun = true;
    auto report = run(dir.path(), o);
    QCOMPARE(report.steps.size(), 3);
    QCOMPARE(report.steps.at(0).transaction.mode, TransactionMode::Mode::NoTransaction);
    QVERIFY2(report.steps.at(0).note.contains("the DO block at line 11 commits"),
        qPrintable(report.steps.at(0).note));
    QCOMPARE(report.steps.at(1).transaction.mode, TransactionMode::Mode::NoTransaction);
    QVERIFY2(
        report.steps.at(1).note.contains("CREATE INDEX CONCURRENTLY (line 3) cannot run inside "
                                         "a transaction block"),
        qPrintable(report.steps.at(1).note));
    QCOMPARE(report.steps.at(2).transaction.mode, TransactionMode::Mode::Wrapped);
    o.dryRun = false;
    report = run(dir.path(), o);
    QVERIFY2(!report.failed, qPrintable(report.failedFile + ": " + report.error.toString()));
    QCOMPARE(report.count(RunStep::Status::Ran), 3);
    QCOMPARE(
        TestServer::scalar(kDb, "SELECT count(*) FROM registry.records WHERE checksum IS NULL"),
        QStringLiteral("0"));
    QCOMPARE(TestServer::scalar(kDb,
                 "SELECT indisvalid FROM pg_index WHERE indexrelid = "
                 "'registry.records_no_idx'::regclass"),
        QStringLiteral("t"));
    QCOMPARE(TestServer::scalar(kDb,
                 "SELECT count(*) FROM registry.schema_migrations WHERE "
                 "finished_at IS NOT NULL"),
        QStringLiteral("3"));
    TestServer::exec(kDb, "DROP SCHEMA registry CASCADE");
}

void tst_MigrationRunner::fileWithItsOwnTransactionsRunsAsWrittenAndReportsHonestly()
{
    TestServer::exec(kDb, "DROP SCHEMA IF EXISTS aw CASCADE; CREATE SCHEMA aw;");
    QTemporaryDir dir;
    write(dir.filePath("001_own.sql"),
        "CREATE TABLE aw.t (x int);\n" // 1: autocommit
        "BEGIN;\n" // 2
        "INSERT INTO aw.t VALUES (1);\n" // 3
        "COMMIT;\n" // 4: the file commits its first part
        "START TRANSACTION;\n" // 5
        "INSERT INTO aw.t VALUES (2);\n" // 6
        "SELECT 1 / 0;\n" // 7: fails inside the file's second transaction
        "COMMIT;\n");
    RunOptions o;
    o.schema = "aw";
    o.dryRun = true;
    auto report = run(dir.path(), o);
    QCOMPARE(report.steps.at(0).transaction.mode, TransactionMode::Mode::AsWritten);
    QVERIFY2(report.steps.at(0).note.contains("its own BEGIN (line 2)"),
        qPrintable(report.steps.at(0).note));
    o.dryRun = false;
    report = run(dir.path(), o);
    QVERIFY(report.failed);
    QCOMPARE(report.failedLine, 7);
    // The report says what stayed: lines up to 4 committed, the transaction from line 5 undone.
    const QString hint = report.error.hint;
    QVERIFY2(!hint.contains("none of it stays applied"), qPrintable(hint));
    QVERIFY2(hint.contains("up to line 4 were committed and stay applied"), qPrintable(hint));
    QVERIFY2(hint.contains("transaction it opened at line 5 was rolled back"), qPrintable(hint));
    QVERIFY2(hint.contains("stays started and unfinished"), qPrintable(hint));
    QCOMPARE(
        TestServer::scalar(kDb, "SELECT string_agg(x::text, ',') FROM aw.t"), QStringLiteral("1"));
    QCOMPARE(TestServer::scalar(kDb,
                 "SELECT started_at IS NOT NULL AND finished_at IS NULL FROM "
                 "aw.schema_migrations WHERE version = '001_own'"),
        QStringLiteral("t"));
    // Fixed and re-run explicitly: it runs as written to the end.
    write(dir.filePath("001_own.sql"),
        "BEGIN;\nCREATE TABLE IF NOT EXISTS aw.t (x int);\n"
        "INSERT INTO aw.t VALUES (2);\nCOMMIT;\n");
    o.rerunUnfinished = true;
    report = run(dir.path(), o);
    QVERIFY2(!report.failed, qPrintable(report.error.toString()));
    QCOMPARE(TestServer::scalar(kDb, "SELECT string_agg(x::text, ',' ORDER BY x) FROM aw.t"),
        QStringLiteral("1,2"));
    // A file that leaves its transaction open is not reported as done.
    write(dir.filePath("002_open.sql"), "BEGIN;\nINSERT INTO aw.t VALUES (3);\n");
    report = run(dir.path(), o);
    QVERIFY(report.failed);
    QVERIFY2(report.error.message.contains("still open (begun at line 1)"),
        qPrintable(report.error.message));
    QCOMPARE(TestServer::scalar(kDb, "SELECT count(*) FROM aw.t WHERE x = 3"), QStringLiteral("0"));
}

void tst_MigrationRunner::callOfACommittingProcedureRunsOutsideATransaction()
{
    const QString e = TestServer::exec(kDb,
        "DROP SCHEMA IF EXISTS pc CASCADE; CREATE SCHEMA pc; CREATE TABLE pc.n (x int);"
        "CREATE PROCEDURE pc.\"Batched\"() LANGUAGE plpgsql AS $$ BEGIN "
        "INSERT INTO pc.n VALUES (1); COMMIT; INSERT INTO pc.n VALUES (2); END $$;");
    QVERIFY2(e.isEmpty(), qPrintable(e));
    QTemporaryDir dir;
    write(dir.filePath("001_call.sql"), "CALL pc.\"Batched\"();\n");
    RunOptions o;
    o.schema = "pc";
    o.dryRun = true;
    auto report = run(dir.path(), o);
    QCOMPARE(report.steps.at(0).transaction.mode, TransactionMode::Mode::NoTransaction);
    QVERIFY2(report.steps.at(0).note.contains("CALL at line 1 runs a procedure that commits"),
        qPrintable(report.steps.at(0).note));
    o.dryRun = false;
    report = run(dir.path(), o);
    QVERIFY2(!report.failed, qPrintable(report.error.toString()));
    QCOMPARE(TestServer::scalar(kDb, "SELECT count(*) FROM pc.n"), QStringLiteral("2"));
}

void tst_MigrationRunner::cancelInterruptsTheStatementAndRollsTheFileBack()
{
    TestServer::exec(kDb, "DROP SCHEMA IF EXISTS cx CASCADE; CREATE SCHEMA cx;");
    QTemporaryDir dir;
    write(dir.filePath("001_fast.sql"), "CREATE TABLE cx.fast (x int);\n");
    write(dir.filePath("002_slow.sql"),
        "CREATE TABLE cx.slow (x int);\nSELECT pg_sleep(60);\nCREATE TABLE cx.after_sleep (x "
        "int);\n");
    write(dir.filePath("003_never.sql"), "CREATE TABLE cx.never (x int);\n");
    SessionOptions so;
    so.readOnly = false;
    so.statementTimeoutMs = 0;
    so.applicationName = "tst cancel";
    Session s(TestServer::profile(kDb), {}, so);
    auto folder = FolderReader::read(dir.path());
    QVERIFY(folder.ok());
    RunOptions o;
    o.schema = "cx";
    const MigrationFolder f = folder.value();
    QElapsedTimer timer;
    timer.start();
    auto future = s.runWithPromise<RunReport>([f, o](QPromise<RunReport> &p, SessionContext &ctx) {
        p.addResult(SqlMigrationRunner::run(p, ctx, f, o));
    });
    QTRY_COMPARE_WITH_TIMEOUT(TestServer::scalar(kDb,
                                  "SELECT count(*) FROM pg_stat_activity WHERE "
                                  "application_name = 'tst cancel' AND query "
                                  "LIKE '%pg_sleep%'"),
        QStringLiteral("1"), 20000);
    QVERIFY(s.cancel().result());
    const RunReport report = future.result();
    QVERIFY2(timer.elapsed() < 30000, "the sleeping statement was interrupted");
    QVERIFY(report.cancelled);
    QVERIFY(report.failed);
    QCOMPARE(report.steps.at(0).status, RunStep::Status::Ran);
    QCOMPARE(report.steps.at(1).status, RunStep::Status::Cancelled);
    QCOMPARE(report.steps.at(2).status, RunStep::Status::NotRun);
    QVERIFY2(report.error.message.contains("Cancelled while running 002_slow.sql"),
        qPrintable(report.error.message));
    QVERIFY2(report.summary().startsWith("Cancelled"), qPrintable(report.summary()));
    QCOMPARE(TestServer::scalar(kDb,
                 "SELECT to_regclass('cx.slow') IS NULL AND "
                 "to_regclass('cx.after_sleep') IS NULL AND "
                 "to_regclass('cx.never') IS NULL AND "
                 "to_regclass('cx.fast') IS NOT NULL"),
        QStringLiteral("t"));
    QCOMPARE(TestServer::scalar(kDb, "SELECT string_agg(version, ',') FROM cx.schema_migrations"),
        QStringLiteral("001_fast"));
}

void tst_MigrationRunner::unreadableFileWouldFailAndStopsTheRun()
{
    TestServer::exec(kDb, "DROP SCHEMA IF EXISTS bad8 CASCADE; CREATE SCHEMA bad8;");
    QTemporaryDir dir;
    write(dir.filePath("001_ok.sql"), "CREATE TABLE bad8.ok (x int);\n");
    write(dir.filePath("002_latin1.sql"), "SELECT 'caf\xe9';\n");
    write(dir.filePath("003_after.sql"), "CREATE TABLE bad8.after (x int);\n");
    RunOptions o;
    o.schema = "bad8";
    o.dryRun = true;
    auto report = run(dir.path(), o);
    QCOMPARE(report.steps.size(), 3);
    QCOMPARE(report.steps.at(0).status, RunStep::Status::WouldRun);
    QCOMPARE(report.steps.at(1).status, RunStep::Status::WouldFail);
    QVERIFY2(report.steps.at(1).note.contains("would fail: "), qPrintable(report.steps.at(1).note));
    QCOMPARE(report.steps.at(2).status, RunStep::Status::NotRun);
    QVERIFY(report.wouldFail());
    QVERIFY2(report.summary().contains("stop at 002_latin1.sql"), qPrintable(report.summary()));
    o.dryRun = false;
    report = run(dir.path(), o);
    QVERIFY(report.failed);
    QCOMPARE(report.failedFile, QStringLiteral("002_latin1.sql"));
    QCOMPARE(TestServer::scalar(kDb,
                 "SELECT to_regclass('bad8.ok') IS NOT NULL AND "
                 "to_regclass('bad8.after') IS NULL"),
        QStringLiteral("t"));
}

void tst_MigrationRunner::selfRecordingFileGetsMeasuredTimings()
{
    TestServer::exec(kDb,
        "DROP SCHEMA IF EXISTS selfrec CASCADE; CREATE SCHEMA selfrec;"
        "CREATE TABLE selfrec.schema_migrations (version varchar NOT NULL PRIMARY "
        "KEY, started_at timestamp, finished_at timestamp);");
    QTemporaryDir dir;
    write(dir.filePath("001_stamps.sql"),
        "INSERT INTO selfrec.schema_migrations (version, started_at) VALUES ('001_stamps', now())\n"
        "  ON CONFLICT (version) DO UPDATE SET started_at = now(), finished_at = NULL;\n"
        "SELECT pg_sleep(0.4);\n"
        "UPDATE selfrec.schema_migrations SET finished_at = now() WHERE version = '001_stamps';\n");
    RunOptions o;
    o.schema = "selfrec";
    auto report = run(dir.path(), o);
    QVERIFY2(!report.failed, qPrintable(report.error.toString()));
    QCOMPARE(TestServer::scalar(kDb,
                 "SELECT finished_at - started_at >= interval '0.4 s' FROM "
                 "selfrec.schema_migrations WHERE version = '001_stamps'"),
        QStringLiteral("t"));
}

void tst_MigrationRunner::secondRunIsRefusedWhileTheLockIsHeld()
{
    TestServer::exec(kDb,
        "DROP SCHEMA IF EXISTS lk CASCADE; CREATE SCHEMA lk;"
        "CREATE TABLE lk.schema_migrations (version varchar NOT NULL PRIMARY "
        "KEY, started_at timestamp, finished_at timestamp);");
    QTemporaryDir dir;
    write(dir.filePath("001_a.sql"), "CREATE TABLE lk.a (x int);\n");
    // Another Strata holds the lock (the same statement, on its own connection).
    Session other(TestServer::profile(kDb));
    auto held = other
                    .run([](SessionContext &ctx) {
                        return ctx.exec("migrations/runner/try_lock",
                            { QStringLiteral("lk.schema_migrations") });
                    })
                    .result();
    QVERIFY(held.ok());
    QVERIFY(held->toBool(0, 0));
    RunOptions o;
    o.schema = "lk";
    auto report = run(dir.path(), o);
    QVERIFY(report.failed);
    QVERIFY2(report.error.message.contains("Another Strata is applying migrations to this "
                                           "database now"),
        qPrintable(report.error.message));
    QCOMPARE(TestServer::scalar(kDb, "SELECT to_regclass('lk.a') IS NULL"), QStringLiteral("t"));
    // A dry run needs no lock.
    o.dryRun = true;
    QVERIFY(!run(dir.path(), o).failed);
    o.dryRun = false;
    other
        .run([](SessionContext &ctx) {
            return ctx.exec("migrations/runner/unlock", { QStringLiteral("lk.schema_migrations") });
        })
        .waitForFinished();
    report = run(dir.path(), o);
    QVERIFY2(!report.failed, qPrintable(report.error.toString()));
    // The run released its lock when it ended, also after a failure.
    write(dir.filePath("002_bad.sql"), "SELECT 1/0;\n");
    QVERIFY(run(dir.path(), o).failed);
    QCOMPARE(TestServer::scalar(kDb,
                 "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                 "AND classid = 1400140385 AND database = (SELECT oid FROM "
                 "pg_database WHERE datname = current_database())"),
        QStringLiteral("0"));
}

void tst_MigrationRunner::settingsOfOneFileDoNotReachTheNext()
{
    // psql runs each file in a session of its own: a SET in one must not steer the next.
    TestServer::exec(kDb,
        "DROP SCHEMA IF EXISTS setreset CASCADE; DROP SCHEMA IF EXISTS elsewhere CASCADE;"
        "CREATE SCHEMA setreset; CREATE SCHEMA elsewhere;"
        "CREATE TABLE setreset.schema_migrations (version varchar NOT NULL PRIMARY "
        "KEY, started_at timestamp, finished_at timestamp);");
    QTemporaryDir dir;
    write(dir.filePath("001_elsewhere.sql"),
        "SET search_path = elsewhere;\n"
        "SET session_replication_role = replica;\n"
        "CREATE TABLE first_t (id int);\n");
    write(dir.filePath("002_default.sql"),
        "CREATE TABLE setreset.second_t AS SELECT current_setting('search_path') AS path,\n"
        "  current_setting('session_replication_role') AS srr;\n");
    RunOptions o;
    o.schema = "setreset";
    auto report = run(dir.path(), o);
    QVERIFY2(!report.failed, qPrintable(report.error.toString()));
    QCOMPARE(TestServer::scalar(kDb, "SELECT to_regclass('elsewhere.first_t') IS NOT NULL"),
        QStringLiteral("t"));
    QCOMPARE(TestServer::scalar(kDb, "SELECT path FROM setreset.second_t"),
        QStringLiteral("\"$user\", public"));
    QCOMPARE(
        TestServer::scalar(kDb, "SELECT srr FROM setreset.second_t"), QStringLiteral("origin"));
}

void tst_MigrationRunner::fileThatOnlyMentionsTheHistoryTableIsStillRecorded()
{
    // "UPDATE schema_migrations" in a comment looks like a file that records itself; it is not,
    // and must not be left unrecorded (it would run again on every apply).
    TestServer::exec(kDb,
        "DROP SCHEMA IF EXISTS mention CASCADE; CREATE SCHEMA mention;"
        "CREATE TABLE mention.schema_migrations (version varchar NOT NULL PRIMARY "
        "KEY, started_at timestamp, finished_at timestamp);");
    QTemporaryDir dir;
    write(dir.filePath("001_note.sql"),
        "-- Never UPDATE mention.schema_migrations by hand.\n"
        "CREATE TABLE mention.t (id int);\n");
    RunOptions o;
    o.schema = "mention";
    auto report = run(dir.path(), o);
    QVERIFY2(!report.failed, qPrintable(report.error.toString()));
    QCOMPARE(TestServer::scalar(kDb,
                 "SELECT count(*) FROM mention.schema_migrations WHERE version = '001_note' "
                 "AND finished_at IS NOT NULL"),
        QStringLiteral("1"));
    // Nothing pending the second time.
    report = run(dir.path(), o);
    QVERIFY2(!report.failed, qPrintable(report.error.toString()));
    QCOMPARE(report.toRun(), 0);
}

void tst_MigrationRunner::failedConcurrentIndexSaysItLeftAnInvalidIndex()
{
    TestServer::exec(kDb,
        "DROP SCHEMA IF EXISTS conc CASCADE; CREATE SCHEMA conc;"
        "CREATE TABLE conc.schema_migrations (version varchar NOT NULL PRIMARY "
        "KEY, started_at timestamp, finished_at timestamp);"
        "CREATE TABLE conc.t (v int); INSERT INTO conc.t VALUES (1), (1);");
    QTemporaryDir dir;
    write(dir.filePath("001_unique.sql"),
        "CREATE UNIQUE INDEX CONCURRENTLY t_v_key ON conc.t (v);\n");
    RunOptions o;
    o.schema = "conc";
    auto report = run(dir.path(), o);
    QVERIFY(report.failed);
    QCOMPARE(report.failedFile, QStringLiteral("001_unique.sql"));
    // The server keeps the half-built index; the report says so instead of "did nothing".
    QCOMPARE(TestServer::scalar(kDb,
                 "SELECT NOT indisvalid FROM pg_index WHERE indexrelid = 'conc.t_v_key'::regclass"),
        QStringLiteral("t"));
    QVERIFY2(report.error.hint.contains("INVALID index"), qPrintable(report.error.hint));
    QVERIFY(!report.error.hint.contains("did nothing"));
}

void tst_MigrationRunner::beginAtomicFileIsRefusedBeforeAnyOfItRuns()
{
    TestServer::exec(kDb,
        "DROP SCHEMA IF EXISTS atomicbody CASCADE; CREATE SCHEMA atomicbody;"
        "CREATE TABLE atomicbody.schema_migrations (version varchar NOT NULL PRIMARY "
        "KEY, started_at timestamp, finished_at timestamp);");
    QTemporaryDir dir;
    write(dir.filePath("001_fn.sql"),
        "CREATE TABLE atomicbody.before_fn (id int);\n"
        "CREATE FUNCTION atomicbody.one() RETURNS int LANGUAGE sql\n"
        "BEGIN ATOMIC\n  SELECT 1;\nEND;\n");
    RunOptions o;
    o.schema = "atomicbody";
    o.dryRun = true;
    auto report = run(dir.path(), o, true);
    QCOMPARE(report.steps.size(), 1);
    QCOMPARE(report.steps.first().status, RunStep::Status::WouldFail);
    QVERIFY2(
        report.steps.first().note.contains("BEGIN ATOMIC"), qPrintable(report.steps.first().note));
    o.dryRun = false;
    report = run(dir.path(), o);
    QVERIFY(report.failed);
    QVERIFY2(report.error.toString().contains("BEGIN ATOMIC"), qPrintable(report.error.toString()));
    // Nothing of it ran: not even the statement before the body.
    QCOMPARE(TestServer::scalar(kDb, "SELECT to_regclass('atomicbody.before_fn') IS NULL"),
        QStringLiteral("t"));
}

QTEST_GUILESS_MAIN(tst_MigrationRunner)
#include "tst_migrationrunner.moc"
