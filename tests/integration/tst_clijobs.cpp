#include "jobs/backupmanifest.h"
#include "testserver.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using strata::test::TestServer;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &args, const QString &catalog)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("STRATA_BACKUP_CATALOG", catalog);
    p.setProcessEnvironment(env);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(TestServer::binaryDir() + "/strata-cli", args);
    p.waitForFinished(120000);
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
        QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()) };
}

} // namespace

class tst_CliJobs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void backupVerifyRestoreFromTheCommandLine();
    void failuresExitNonZeroWithAMessage();

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

QTEST_GUILESS_MAIN(tst_CliJobs)
#include "tst_clijobs.moc"
