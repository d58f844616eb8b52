#include "db/session.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QTest>
#include <QtConcurrent>

#include <memory>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace strata::core;
using strata::test::TestServer;

class tst_Session : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void opensAndReportsServerVersion();
    void runsRegistryStatementsWithBindParameters();
    void browsingSessionIsReadOnly();
    void setsApplicationName();
    void cancelStopsARunningStatement();
    void cancelIsSentOnlyWhileAStatementRuns();
    void destroyingABusySessionStopsItsStatement();
    void statementTimeoutIsReportedAsTimeout();
    void reconnectsAfterTheConnectionIsLost();
    void scramRoleConnectsWithThePassword();
    void scramRoleWithoutPasswordAsksForOne();
    void scramRoleWithWrongPasswordSaysSo();
    void unreachableHostFailsWithinTheTimeout();
    void missingServiceNamesTheFilesRead();
    void workRunsOffTheCallingThread();
    void connectTimeoutOfTheConnectionStringIsTheOneReported();
    void libpqMessagesAreNotRepeated();
};

void tst_Session::initTestCase()
{
    STRATA_REQUIRE_SERVER();
    TestServer::createDatabase("tst_session");
}

void tst_Session::opensAndReportsServerVersion()
{
    Session s(TestServer::profile("tst_session"));
    auto r = s.open().result();
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->version.major(), TestServer::serverMajor());
    QCOMPARE(r->database, QStringLiteral("tst_session"));
    QCOMPARE(r->user, QStringLiteral("postgres"));
    QVERIFY(r->superuser);
    QVERIFY(r->versionString.startsWith("PostgreSQL"));
    // Servers older than 12 get a warning, not a refusal (the matrix runs 10 and 11).
    if (r->version.major() < 12)
        QVERIFY2(r->warning.contains(QString::number(r->version.major())), qPrintable(r->warning));
    else
        QVERIFY2(r->warning.isEmpty(), qPrintable(r->warning));
}

void tst_Session::runsRegistryStatementsWithBindParameters()
{
    Session s(TestServer::profile("tst_session"));
    auto r = s.run([](SessionContext &ctx) {
                  return ctx.execText("SELECT $1::text || '!', $2::int + 1, $3::text IS NULL",
                      { QString::fromUtf8("h'é\"llo"), 41, QVariant() });
              }).result();
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->text(0, 0), QString::fromUtf8("h'é\"llo!"));
    QCOMPARE(r->toInt(0, 1), 42);
    QVERIFY(r->toBool(0, 2));
}

void tst_Session::browsingSessionIsReadOnly()
{
    Session s(TestServer::profile("tst_session"));
    auto r = s.run([](SessionContext &ctx) {
                  return ctx.execText("CREATE TABLE should_fail(x int)");
              }).result();
    QVERIFY(!r.ok());
    QCOMPARE(r.error().sqlState, QStringLiteral("25006")); // read_only_sql_transaction

    SessionOptions rw;
    rw.readOnly = false;
    Session w(TestServer::profile("tst_session"), {}, rw);
    auto ok = w.run([](SessionContext &ctx) {
                   return ctx.execText("CREATE TABLE IF NOT EXISTS may_write(x int)");
               }).result();
    QVERIFY2(ok.ok(), qPrintable(ok.error().toString()));
}

void tst_Session::setsApplicationName()
{
    Session s(TestServer::profile("tst_session"));
    auto r = s.run([](SessionContext &ctx) {
                  return ctx.execText("SELECT current_setting('application_name'), "
                                      "current_setting('statement_timeout')");
              }).result();
    QVERIFY(r.ok());
    QCOMPARE(r->text(0, 0), QStringLiteral("strata"));
    QCOMPARE(r->text(0, 1), QStringLiteral("30s"));
}

void tst_Session::cancelStopsARunningStatement()
{
    Session s(TestServer::profile("tst_session"));
    QVERIFY(s.open().result().ok());
    QElapsedTimer t;
    t.start();
    auto f = s.run([](SessionContext &ctx) { return ctx.execText("SELECT pg_sleep(20)"); });
    // Running on the server: the cancel interrupts it (rather than finding nothing to cancel).
    QTRY_COMPARE_WITH_TIMEOUT(TestServer::scalar("postgres",
                                  "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                                  "AND query = 'SELECT pg_sleep(20)'"),
        QStringLiteral("1"), 10000);
    QVERIFY(s.cancel().result());
    auto r = f.result();
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::Canceled);
    QVERIFY(t.elapsed() < 10000);
    // The session stays usable after a cancel.
    auto again = s.run([](SessionContext &ctx) { return ctx.execText("SELECT 1"); }).result();
    QVERIFY(again.ok());
}

void tst_Session::cancelIsSentOnlyWhileAStatementRuns()
{
    // Each cancel is a connection of its own (and a process on the server): none for an idle
    // session, as every session being destroyed would otherwise send one.
    Session s(TestServer::profile("tst_session"));
    QVERIFY(s.open().result().ok());
    QVERIFY(!s.cancel().result());
    auto r = s.run([](SessionContext &ctx) { return ctx.execText("SELECT 1"); }).result();
    QVERIFY2(r.ok(), "a cancel asked while idle must not touch the next statement");
}

void tst_Session::destroyingABusySessionStopsItsStatement()
{
    // The destructor returns at once (it may run on the GUI thread); the cancel is sent from
    // a thread of its own and the statement ends on the server.
    SessionOptions o;
    o.statementTimeoutMs = 0;
    o.applicationName = QStringLiteral("tst-session-destroyed");
    auto s = std::make_unique<Session>(TestServer::profile("tst_session"), QString(), o);
    QVERIFY(s->open().result().ok());
    auto f = s->run([](SessionContext &ctx) { return ctx.execText("SELECT pg_sleep(60)"); });
    const QString running = "SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                            "'tst-session-destroyed' AND state = 'active'";
    QTRY_COMPARE(TestServer::scalar("postgres", running), QStringLiteral("1"));
    s.reset();
    QTRY_COMPARE_WITH_TIMEOUT(TestServer::scalar("postgres", running), QStringLiteral("0"), 10000);
    f.waitForFinished();
}

void tst_Session::statementTimeoutIsReportedAsTimeout()
{
    SessionOptions o;
    o.statementTimeoutMs = 200;
    Session s(TestServer::profile("tst_session"), {}, o);
    auto r = s.run([](SessionContext &ctx) { return ctx.execText("SELECT pg_sleep(5)"); }).result();
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::Timeout);
    QVERIFY(!r.error().hint.isEmpty());
}

void tst_Session::reconnectsAfterTheConnectionIsLost()
{
    Session s(TestServer::profile("tst_session"));
    auto pid = s.run([](SessionContext &ctx) {
                    return ctx.execText("SELECT pg_backend_pid()");
                }).result();
    QVERIFY(pid.ok());
    TestServer::exec(
        "postgres", QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid->text(0, 0)));
    QTRY_COMPARE_WITH_TIMEOUT(
        TestServer::scalar("postgres",
            QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = %1")
                .arg(pid->text(0, 0))),
        QStringLiteral("0"), 10000);
    auto lost = s.run([](SessionContext &ctx) { return ctx.execText("SELECT 1"); }).result();
    if (!lost.ok())
        QCOMPARE(lost.error().kind, Error::Kind::ConnectionLost);
    // The next action reconnects.
    auto back = s.run([](SessionContext &ctx) {
                     return ctx.execText("SELECT pg_backend_pid()");
                 }).result();
    QVERIFY2(back.ok(), qPrintable(back.error().toString()));
    QVERIFY(back->text(0, 0) != pid->text(0, 0));
}

void tst_Session::scramRoleConnectsWithThePassword()
{
    ConnectionProfile p = TestServer::profile("tst_session");
    p.user = TestServer::scramUser();
    Session s(p, TestServer::scramPassword());
    auto r = s.open().result();
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->user, TestServer::scramUser());
    auto method
        = s.run([](SessionContext &ctx) {
               return ctx.execText("SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid "
                                   "WHERE rolname = current_user");
           }).result();
    // Non-superusers cannot read pg_authid: the login itself is the proof.
    Q_UNUSED(method);
}

void tst_Session::scramRoleWithoutPasswordAsksForOne()
{
    qunsetenv("PGPASSWORD");
    qputenv("PGPASSFILE", "/nonexistent/pgpass");
    ConnectionProfile p = TestServer::profile("tst_session");
    p.user = TestServer::scramUser();
    Session s(p);
    auto r = s.open().result();
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::PasswordRequired);
}

void tst_Session::scramRoleWithWrongPasswordSaysSo()
{
    ConnectionProfile p = TestServer::profile("tst_session");
    p.user = TestServer::scramUser();
    Session s(p, "wrong password");
    auto r = s.open().result();
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::AuthFailed);
    QVERIFY2(r.error().message.contains("password"), qPrintable(r.error().message));
    QVERIFY(!r.error().toString().contains("wrong password"));
}

void tst_Session::unreachableHostFailsWithinTheTimeout()
{
    ConnectionProfile p;
    p.host = "127.0.0.1";
    p.port = 1; // nothing listens: refused at once
    p.database = "x";
    SessionOptions o;
    o.connectTimeoutSec = 2;
    Session s(p, {}, o);
    QElapsedTimer t;
    t.start();
    auto r = s.open().result();
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::Unreachable);
    QVERIFY(t.elapsed() < 5000);
    QVERIFY(!r.error().hint.isEmpty());
}

void tst_Session::missingServiceNamesTheFilesRead()
{
    const QByteArray file = QFile::encodeName(QDir::tempPath() + "/strata-tst-services.conf");
    QFile f(QString::fromLocal8Bit(file));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[other]\nhost=localhost\n");
    f.close();
    qputenv("PGSERVICEFILE", file);
    ConnectionProfile p;
    p.service = "nosuchservice";
    Session s(p);
    auto r = s.open().result();
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::ServiceNotFound);
    QVERIFY2(r.error().hint.contains(QString::fromLocal8Bit(file)), qPrintable(r.error().hint));
    qunsetenv("PGSERVICEFILE");
}

void tst_Session::workRunsOffTheCallingThread()
{
    Session s(TestServer::profile("tst_session"));
    QThread *caller = QThread::currentThread();
    auto r = s.run([caller](SessionContext &) -> Result<bool> {
                  return QThread::currentThread() != caller;
              }).result();
    QVERIFY(r.ok());
    QVERIFY(r.value());
}

void tst_Session::connectTimeoutOfTheConnectionStringIsTheOneReported()
{
    // A port that accepts the connection and never answers: libpq waits for connect_timeout.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    const auto closeIt = qScopeGuard([fd] { ::close(fd); });
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a), 0);
    QCOMPARE(::listen(fd, 4), 0);
    QCOMPARE(::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len), 0);
    QString password;
    auto profile = ConnectionProfile::fromConnInfo(
        QStringLiteral("host=127.0.0.1 port=%1 dbname=x connect_timeout=2").arg(ntohs(a.sin_port)),
        &password);
    QVERIFY(profile.ok());
    Session s(profile.value());
    auto r = s.open().result();
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::Unreachable);
    QVERIFY2(r.error().message.contains("within 2 seconds"), qPrintable(r.error().message));
}

void tst_Session::libpqMessagesAreNotRepeated()
{
    // libpq tries each address and says the same thing for each; one copy is enough.
    ConnectionProfile p;
    p.host = "127.0.0.1,127.0.0.1";
    p.port = 1;
    p.database = "x";
    Session s(p);
    auto r = s.open().result();
    QVERIFY(!r.ok());
    const QString text = r.error().toString();
    QCOMPARE(text.count("Is the server running on that host"), 1);
}

QTEST_GUILESS_MAIN(tst_Session)
#include "tst_session.moc"
