// The window's process as a desktop session ends it: SIGTERM (logout, systemd, kill) quits the
// event loop like closing the window does, so nothing is left behind.
#include "testserver.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using strata::test::TestServer;

class tst_GuiLifecycle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sigtermQuitsCleanlyAndLeavesNoTemporaryFolder_data();
    void sigtermQuitsCleanlyAndLeavesNoTemporaryFolder();
};

void tst_GuiLifecycle::sigtermQuitsCleanlyAndLeavesNoTemporaryFolder_data()
{
    QTest::addColumn<int>("signal");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGHUP") << int(SIGHUP);
}

void tst_GuiLifecycle::sigtermQuitsCleanlyAndLeavesNoTemporaryFolder()
{
    QFETCH(int, signal);
    STRATA_REQUIRE_SERVER();
    const QString db = QStringLiteral("tst_guilifecycle");
    TestServer::createDatabase(db);
    QTemporaryDir tmp; // the window's TMPDIR: whatever it leaves there, the test sees
    QTemporaryDir config, runtime;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("TMPDIR", tmp.path());
    env.insert("XDG_CONFIG_HOME", config.path());
    env.insert("XDG_RUNTIME_DIR", runtime.path()); // else Qt makes TMPDIR/runtime-USER, on purpose
    env.insert("QT_QPA_PLATFORM", "offscreen");
    p.setProcessEnvironment(env);
    p.start(TestServer::binaryDir() + "/strata", { "--connect", TestServer::connInfo(db) });
    QVERIFY(p.waitForStarted());
    // Up and connected: its browsing session is on the server.
    QTRY_COMPARE_WITH_TIMEOUT(
        TestServer::scalar("postgres",
            QStringLiteral("SELECT count(*) > 0 FROM pg_stat_activity WHERE datname = '%1' "
                           "AND application_name = 'strata'")
                .arg(db)),
        QStringLiteral("t"), 60000);
    ::kill(pid_t(p.processId()), signal);
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
    const QStringList left
        = QDir(tmp.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    QVERIFY2(left.isEmpty(), qPrintable(left.join(',')));
    TestServer::dropDatabase(db);
}

QTEST_GUILESS_MAIN(tst_GuiLifecycle)
#include "tst_guilifecycle.moc"
