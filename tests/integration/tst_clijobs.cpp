#include "jobs/backupmanifest.h"
#include "testserver.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <libpq-fe.h>

#include <csignal>

using strata::test::TestServer;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &args, const QString &catalog, const QString &workingDir = {})
{
    QProcess p;
    if (!workingDir.isEmpty())
        p.setWorkingDirectory(workingDir);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("STRATA_BACKUP_CATALOG", catalog);
    p.setProcessEnvironment(env);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(TestServer::binaryDir() + "/strata-cli", args);
    p.waitForFinished(120000);
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
        QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()) };
}

// Processes whose command line holds `needle` (pg_dump writing a given file, say).
QStringList processesWith(const QByteArray &needle)
{
    QStringList found;
    QDirIterator it("/proc", {}, QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        const QString dir = it.next();
        QFile f(dir + "/cmdline");
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            found << dir;
    }
    return found;
}

QStringList partials(const QString &dir)
{
    return QDir(dir).entryList(
        { ".*partial*" }, QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
}

// A session that holds an ACCESS EXCLUSIVE lock on t's sequence until it is destroyed: pg_dump
// waits for it when it reads the sequence, its output file already open, so a test can
// interrupt a backup that is certainly still running. (Strata's own planning reads only the
// tables, so it is not held up.)
class SequenceLock
{
public:
    explicit SequenceLock(const QString &db)
        : m_conn(PQconnectdb(TestServer::connInfo(db).toUtf8().constData()))
    {
        PQclear(PQexec(m_conn, "BEGIN"));
        PQclear(PQexec(m_conn, "ALTER SEQUENCE public.t_id_seq OWNER TO postgres"));
    }
    ~SequenceLock() { PQfinish(m_conn); }

private:
    PGconn *m_conn;
};

} // namespace

class tst_CliJobs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void backupVerifyRestoreFromTheCommandLine();
    void failuresExitNonZeroWithAMessage();
    void jsonIsOneObjectOnStdoutWithTheSameExitStatus();
    void terminationSignalsCancelTheBackupAndCleanUp_data();
    void terminationSignalsCancelTheBackupAndCleanUp();
    void killedBackupLeavesNoToolRunningAndTheNextOneCleansUp();
    void sigtermDuringRestoreCreateLeavesNoNewDatabase();
    void directoryArchiveGivenByARelativePath();
    void numericOptionsRefuseNonsense_data();
    void numericOptionsRefuseNonsense();

private:
    QTemporaryDir m_dir;
};

void tst_CliJobs::initTestCase()
{
    STRATA_REQUIRE_SERVER();
    TestServer::createDatabase("tst_clijobs");
    QCOMPARE(TestServer::exec("tst_clijobs",
                 "CREATE TABLE t (id serial PRIMARY KEY, v text); "
                 "INSERT INTO t(v) SELECT md5(g::text) FROM "
                 "generate_series(1, 50000) g; ANALYZE t"),
        QString());
}

void tst_CliJobs::backupVerifyRestoreFromTheCommandLine()
{
    const QString catalog = m_dir.filePath("catalog.sqlite");
    const QString archive = m_dir.filePath("cli.dump");
    Run b = cli({ "backup", TestServer::connInfo("tst_clijobs"), "-o", archive, "--progress=plain",
                    "--compress", "3" },
        catalog);
    QVERIFY2(b.code == 0, qPrintable(b.err));
    QVERIFY(QFile::exists(archive));
    QVERIFY(QFile::exists(strata::core::BackupManifest::manifestPath(archive)));
    static const QRegularExpression line("^\\d{1,3}% \\S", QRegularExpression::MultilineOption);
    QVERIFY2(b.err.count(line) >= 3, qPrintable(b.err));
    QVERIFY(b.err.contains("100% done"));
    QVERIFY(b.err.contains("--compress=3"));

    Run v = cli({ "verify", archive }, catalog);
    QVERIFY2(v.code == 0, qPrintable(v.err));
    QVERIFY(v.out.contains("manifest: SHA-256 matches"));

    Run l = cli({ "restore", archive, "--list" }, catalog);
    QCOMPARE(l.code, 0);
    QVERIFY(l.out.contains("TABLE DATA public t"));

    TestServer::dropDatabase("tst_clijobs_copy");
    Run r = cli({ "restore", archive, TestServer::connInfo("tst_clijobs_copy"), "--create",
                    "--progress=plain" },
        catalog);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(
        TestServer::scalar("tst_clijobs_copy", "SELECT count(*) FROM t"), QStringLiteral("50000"));

    // Into a database that has tables: refused without --yes (no terminal to ask on) ...
    Run guarded
        = cli({ "restore", archive, TestServer::connInfo("tst_clijobs_copy"), "--clean" }, catalog);
    QCOMPARE(guarded.code, 1);
    QVERIFY(guarded.err.contains("Pass --yes"));
    // ... and done with it.
    Run yes = cli({ "restore", archive, TestServer::connInfo("tst_clijobs_copy"), "--clean",
                      "--yes", "--progress=log" },
        catalog);
    QVERIFY2(yes.code == 0, qPrintable(yes.err));
    // The log: pg_restore's messages and Strata's steps, each with the time since the start.
    static const QRegularExpression logged("^\\[ *\\d+\\.\\d\\d s\\] pg_restore: dropping TABLE t$",
        QRegularExpression::MultilineOption);
    QVERIFY2(yes.err.contains(logged), qPrintable(yes.err));
    QVERIFY2(yes.err.contains("s] finished in "), qPrintable(yes.err));
    QVERIFY(!yes.err.contains("% "));
}

void tst_CliJobs::jsonIsOneObjectOnStdoutWithTheSameExitStatus()
{
    const QString catalog = m_dir.filePath("json.sqlite");
    const QString archive = m_dir.filePath("json.dump");
    auto parse = [](const Run &r) {
        QJsonParseError e;
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8(), &e).object();
        return e.error == QJsonParseError::NoError ? o : QJsonObject();
    };
    Run c = cli({ "check", TestServer::connInfo("tst_clijobs"), "--json" }, catalog);
    QCOMPARE(c.code, 0);
    QCOMPARE(parse(c).value("database").toString(), QStringLiteral("tst_clijobs"));
    QVERIFY(parse(c).value("server_version_num").toInt() >= 100000);

    Run b
        = cli({ "backup", TestServer::connInfo("tst_clijobs"), "-o", archive, "--json" }, catalog);
    QVERIFY2(b.code == 0, qPrintable(b.err));
    const QJsonObject bo = parse(b);
    QVERIFY2(bo.value("ok").toBool(), qPrintable(b.out));
    QCOMPARE(bo.value("output").toString(), archive);
    QCOMPARE(qint64(bo.value("bytes").toDouble()), QFileInfo(archive).size());
    QVERIFY(bo.value("error").isNull());
    QVERIFY2(!b.err.contains(QStringLiteral("% ")), qPrintable(b.err)); // no progress lines

    Run v = cli({ "verify", archive, "--json" }, catalog);
    QCOMPARE(v.code, 0);
    QCOMPARE(parse(v).value("manifest").toString(), QStringLiteral("matches"));
    QCOMPARE(parse(v).value("data_entries").toInt(), 2); // t's rows and its sequence's value

    // A failure: still one object, the error's kind and hint in it, exit status 1.
    Run f = cli({ "backup", "host=127.0.0.1 port=1 dbname=x connect_timeout=2", "-o",
                    m_dir.filePath("never.dump"), "--json" },
        catalog);
    QCOMPARE(f.code, 1);
    const QJsonObject fo = parse(f);
    QCOMPARE(fo.value("ok").toBool(true), false);
    QCOMPARE(fo.value("error").toObject().value("kind").toString(), QStringLiteral("unreachable"));
    QVERIFY(!fo.value("error").toObject().value("hint").toString().isEmpty());
}

void tst_CliJobs::failuresExitNonZeroWithAMessage()
{
    const QString catalog = m_dir.filePath("catalog2.sqlite");
    Run bad = cli({ "backup", TestServer::connInfo("tst_clijobs"), "-o", m_dir.filePath("x.dump"),
                      "--format", "zip" },
        catalog);
    QCOMPARE(bad.code, 2);
    QVERIFY(bad.err.contains("Unknown format"));

    Run missing
        = cli({ "backup", TestServer::connInfo("no_such_db_here"), "-o", m_dir.filePath("y.dump") },
            catalog);
    QCOMPARE(missing.code, 1);
    QVERIFY(missing.err.contains("no_such_db_here"));
    QVERIFY(!QFile::exists(m_dir.filePath("y.dump")));

    const QString junk = m_dir.filePath("junk.dump");
    QFile f(junk);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray("PGDMP") + QByteArray(64, '\x01'));
    f.close();
    Run v = cli({ "verify", junk }, catalog);
    QCOMPARE(v.code, 1);
    QVERIFY(v.err.contains("damaged"));
}

void tst_CliJobs::terminationSignalsCancelTheBackupAndCleanUp_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGHUP") << int(SIGHUP);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void tst_CliJobs::terminationSignalsCancelTheBackupAndCleanUp()
{
    QFETCH(int, signal);
    QTemporaryDir dir;
    const QString archive = dir.filePath("signalled.dump");
    SequenceLock lock("tst_clijobs");
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("STRATA_BACKUP_CATALOG", m_dir.filePath("signal-catalog.sqlite"));
    p.setProcessEnvironment(env);
    p.start(TestServer::binaryDir() + "/strata-cli",
        { "backup", TestServer::connInfo("tst_clijobs"), "-o", archive, "--progress=none" });
    QVERIFY(p.waitForStarted());
    // pg_dump is running, its partial file open, waiting for the lock.
    QTRY_VERIFY_WITH_TIMEOUT(!partials(dir.path()).isEmpty(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!processesWith(QFile::encodeName(dir.path())).isEmpty(), 30000);
    ::kill(pid_t(p.processId()), signal);
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 128 + signal);
    QVERIFY2(QString::fromUtf8(p.readAllStandardError()).contains("Cancelled"),
        qPrintable(QString::fromUtf8(p.readAllStandardError())));
    QVERIFY2(partials(dir.path()).isEmpty(), qPrintable(partials(dir.path()).join(',')));
    QVERIFY(!QFile::exists(archive));
    QTRY_VERIFY_WITH_TIMEOUT(processesWith(QFile::encodeName(dir.path())).isEmpty(), 10000);
}

void tst_CliJobs::killedBackupLeavesNoToolRunningAndTheNextOneCleansUp()
{
    QTemporaryDir dir;
    const QString archive = dir.filePath("killed.dump");
    {
        SequenceLock lock("tst_clijobs");
        QProcess p;
        p.start(TestServer::binaryDir() + "/strata-cli",
            { "backup", TestServer::connInfo("tst_clijobs"), "-o", archive, "--progress=none" });
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(!partials(dir.path()).isEmpty(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!processesWith(QFile::encodeName(dir.path())).isEmpty(), 30000);
        p.kill(); // SIGKILL: nothing of strata-cli runs any more
        QVERIFY(p.waitForFinished(10000));
        // pg_dump does not outlive it ...
        QTRY_VERIFY_WITH_TIMEOUT(processesWith(QFile::encodeName(dir.path())).isEmpty(), 10000);
        // ... and its partial file is still there: nobody was left to remove it.
        QVERIFY(!partials(dir.path()).isEmpty());
    }
    // The next backup to the same place removes it: its owner is provably gone.
    Run again
        = cli({ "backup", TestServer::connInfo("tst_clijobs"), "-o", archive, "--progress=log" },
            m_dir.filePath("killed-catalog.sqlite"));
    QVERIFY2(again.code == 0, qPrintable(again.err));
    QVERIFY2(again.err.contains("removed the partial file of an interrupted backup"),
        qPrintable(again.err));
    QVERIFY2(partials(dir.path()).isEmpty(), qPrintable(partials(dir.path()).join(',')));
}

void tst_CliJobs::sigtermDuringRestoreCreateLeavesNoNewDatabase()
{
    // An archive whose restore certainly takes a while: an index whose expression sleeps 10 ms
    // a row, so pg_restore is still building it when the signal comes.
    TestServer::createDatabase("tst_clijobs_slow");
    QCOMPARE(TestServer::exec("tst_clijobs_slow",
                 "CREATE FUNCTION public.slow(int) RETURNS int IMMUTABLE LANGUAGE plpgsql "
                 "AS $$ BEGIN PERFORM pg_catalog.pg_sleep(0.01); RETURN $1; END $$; "
                 "CREATE TABLE public.s (x int); "
                 "INSERT INTO public.s SELECT generate_series(1, 1500)"),
        QString());
    const QString archive = m_dir.filePath("slow.dump");
    QCOMPARE(TestServer::exec("tst_clijobs_slow", "CREATE INDEX ON public.s (public.slow(x))"),
        QString());
    Run withIndex = cli({ "backup", TestServer::connInfo("tst_clijobs_slow"), "-o", archive }, {});
    QVERIFY2(withIndex.code == 0, qPrintable(withIndex.err));
    TestServer::dropDatabase("tst_clijobs_sigterm");
    QProcess p;
    p.start(TestServer::binaryDir() + "/strata-cli",
        { "restore", archive, TestServer::connInfo("tst_clijobs_sigterm"), "--create",
            "--progress=log" });
    QVERIFY(p.waitForStarted());
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT(
        (err += p.readAllStandardError()).contains("creating INDEX \"public.s_slow_idx\""), 60000);
    p.terminate(); // SIGTERM
    QVERIFY(p.waitForFinished(30000));
    err += p.readAllStandardError();
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QVERIFY2(p.exitCode() == 128 + SIGTERM, err.constData());
    QVERIFY2(err.contains("was removed again"), err.constData());
    QCOMPARE(TestServer::scalar("postgres",
                 "SELECT count(*) FROM pg_database WHERE datname = 'tst_clijobs_sigterm'"),
        QStringLiteral("0"));
    TestServer::dropDatabase("tst_clijobs_slow");
}

void tst_CliJobs::directoryArchiveGivenByARelativePath()
{
    const QString catalog = m_dir.filePath("relative-catalog.sqlite");
    Run b = cli({ "backup", TestServer::connInfo("tst_clijobs"), "-o", "relative.dir", "--format",
                    "directory" },
        catalog, m_dir.path());
    QVERIFY2(b.code == 0, qPrintable(b.err));
    QVERIFY(QFileInfo(m_dir.filePath("relative.dir")).isDir());
    Run v = cli({ "verify", "relative.dir" }, catalog, m_dir.path());
    QVERIFY2(v.code == 0, qPrintable(v.err + v.out));
    QVERIFY(v.out.contains("manifest: SHA-256 matches"));
    TestServer::dropDatabase("tst_clijobs_rel");
    Run r = cli({ "restore", "relative.dir", TestServer::connInfo("tst_clijobs_rel"), "--create" },
        catalog, m_dir.path());
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QCOMPARE(
        TestServer::scalar("tst_clijobs_rel", "SELECT count(*) FROM t"), QStringLiteral("50000"));
    TestServer::dropDatabase("tst_clijobs_rel");
}

void tst_CliJobs::numericOptionsRefuseNonsense_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    const QString c = TestServer::connInfo("tst_clijobs");
    const QString out = m_dir.filePath("never-written.dump");
    QTest::newRow("backup -j") << QStringList { "backup", c, "-o", out, "-j", "many" } << "-j";
    QTest::newRow("backup --compress")
        << QStringList { "backup", c, "-o", out, "--compress", "fast" } << "--compress";
    QTest::newRow("backup --compress 99")
        << QStringList { "backup", c, "-o", out, "--compress", "99" } << "--compress";
    QTest::newRow("restore -j") << QStringList { "restore", out, c, "-j", "0x" } << "-j";
    QTest::newRow("stats --top") << QStringList { "stats", c, "--top", "ten" } << "--top";
    QTest::newRow("stats --top 0") << QStringList { "stats", c, "--top", "0" } << "--top";
    QTest::newRow("stats --interval")
        << QStringList { "stats", c, "--interval", "-1" } << "--interval";
    QTest::newRow("stats --interval nan")
        << QStringList { "stats", c, "--interval", "nan" } << "--interval";
    QTest::newRow("stats --timeout")
        << QStringList { "stats", c, "--timeout", "soon" } << "--timeout";
}

void tst_CliJobs::numericOptionsRefuseNonsense()
{
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    Run r = cli(args, m_dir.filePath("numeric-catalog.sqlite"));
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(says), qPrintable(r.err));
    QVERIFY(!QFile::exists(m_dir.filePath("never-written.dump")));
}

QTEST_GUILESS_MAIN(tst_CliJobs)
#include "tst_clijobs.moc"
