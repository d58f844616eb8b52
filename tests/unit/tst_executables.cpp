#include <QProcess>
#include <QTest>

// Both faces of Strata answer --version and --help, without a display and without a server.
class tst_Executables : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void answersVersionAndHelp_data();
    void answersVersionAndHelp();
    void cliRejectsUnknownCommandsWithAHint();
    void cliReportsAMalformedConnectionString();
};

static QString bin(const QString &name)
{
    return qEnvironmentVariable("STRATA_BIN_DIR") + u'/' + name;
}

static QProcess *run(const QString &program, const QStringList &args)
{
    auto *p = new QProcess;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    env.remove("QT_QPA_PLATFORM");
    p->setProcessEnvironment(env);
    p->start(bin(program), args);
    p->waitForFinished(30000);
    return p;
}

void tst_Executables::answersVersionAndHelp_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("flag");
    QTest::addColumn<QString>("expected");
    QTest::newRow("strata --version") << "strata"
                                      << "--version"
                                      << "strata " STRATA_VERSION;
    QTest::newRow("strata --help") << "strata"
                                   << "--help"
                                   << "--screenshot";
    QTest::newRow("strata-cli --version") << "strata-cli"
                                          << "--version"
                                          << "strata-cli " STRATA_VERSION;
    QTest::newRow("strata-cli --help") << "strata-cli"
                                       << "--help"
                                       << "demo start|stop|status";
}

void tst_Executables::answersVersionAndHelp()
{
    QFETCH(QString, program);
    QFETCH(QString, flag);
    QFETCH(QString, expected);
    std::unique_ptr<QProcess> p(run(program, { flag }));
    QCOMPARE(p->exitStatus(), QProcess::NormalExit);
    QCOMPARE(p->exitCode(), 0);
    const QString out = QString::fromUtf8(p->readAllStandardOutput());
    QVERIFY2(out.contains(expected), qPrintable(out));
}

void tst_Executables::cliRejectsUnknownCommandsWithAHint()
{
    std::unique_ptr<QProcess> p(run("strata-cli", { "frobnicate" }));
    QCOMPARE(p->exitCode(), 2);
    QVERIFY(QString::fromUtf8(p->readAllStandardError()).contains("--help"));
}

void tst_Executables::cliReportsAMalformedConnectionString()
{
    std::unique_ptr<QProcess> p(run("strata-cli", { "check", "host=db colour=blue" }));
    QCOMPARE(p->exitCode(), 2);
    const QString err = QString::fromUtf8(p->readAllStandardError());
    QVERIFY2(err.contains("colour"), qPrintable(err));
}

QTEST_GUILESS_MAIN(tst_Executables)
#include "tst_executables.moc"
