#include "db/session.h"
#include "db/sqlregistry.h"
#include "testserver.h"

#include <QRegularExpression>
#include <QTest>

using namespace strata::core;
using strata::test::TestServer;

// Every statement in sql/ must at least parse and plan on the real server: PREPARE each one.
// Demo seed scripts (sql/demo/) are multi-statement scripts, checked by the demo test instead.
// A variant for a newer server than the test server (name.pg17.sql) cannot be checked here.
// A file that pastes quoted identifiers at run time says so with "-- strata:template" and
// names a statement to check instead in its test.
class tst_SqlFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyStatementPrepares_data();
    void everyStatementPrepares();
    void registryPicksTheNewestVariantNotNewerThanTheServer();

private:
    std::unique_ptr<Session> m_session;
    int m_major = 0;
};

void tst_SqlFiles::initTestCase()
{
    STRATA_REQUIRE_SERVER();
    TestServer::createDatabase("tst_sqlfiles");
    m_session = std::make_unique<Session>(TestServer::profile("tst_sqlfiles"));
    auto info = m_session->open().result();
    QVERIFY2(info.ok(), qPrintable(info.error().toString()));
    m_major = info->version.major();
}

void tst_SqlFiles::everyStatementPrepares_data()
{
    QTest::addColumn<QString>("path");
    const QStringList files = SqlRegistry::instance().allFiles();
    QVERIFY(!files.isEmpty());
    for (const QString &f : files) {
        if (f.startsWith(":/sql/demo/"))
            continue;
        QTest::newRow(qPrintable(f.mid(6))) << f;
    }
}

void tst_SqlFiles::everyStatementPrepares()
{
    QFETCH(QString, path);
    static const QRegularExpression variant(QStringLiteral("\\.pg(\\d+)\\.sql$"));
    if (auto m = variant.match(path); m.hasMatch() && m.captured(1).toInt() > m_major)
        QSKIP("a variant for a newer server than the test server");
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    if (text.contains(QLatin1String("-- strata:template")))
        QSKIP("pastes identifiers at run time; its own test runs it");
    if (text.contains(QLatin1String("-- strata:script")))
        QSKIP("utility statements, which PREPARE does not take; its own test runs it");
    auto r = m_session->run([text](SessionContext &ctx) -> Result<PgResult> {
                           ctx.execText(QStringLiteral("DEALLOCATE ALL"));
                           return ctx.execText(QStringLiteral("PREPARE strata_check AS ") + text);
                       }).result();
    QVERIFY2(r.ok(), qPrintable(path + QStringLiteral(": ") + r.error().toString()));
}

void tst_SqlFiles::registryPicksTheNewestVariantNotNewerThanTheServer()
{
    const SqlRegistry &reg = SqlRegistry::instance();
    QVERIFY(reg.contains("session/info"));
    QVERIFY(!reg.text("session/info", 15).isEmpty());
    QVERIFY(reg.text("no/such/statement", 15).isEmpty());
    // Any variant pair in the tree: the base for old servers, the variant from its version on.
    static const QRegularExpression variant(QStringLiteral("^:/sql/(.*)\\.pg(\\d+)\\.sql$"));
    int checked = 0;
    for (const QString &f : reg.allFiles()) {
        const auto m = variant.match(f);
        if (!m.hasMatch())
            continue;
        const QString name = m.captured(1);
        const int from = m.captured(2).toInt();
        QFile vf(f);
        QVERIFY(vf.open(QIODevice::ReadOnly));
        const QString variantText = QString::fromUtf8(vf.readAll());
        QCOMPARE(reg.text(name, 99).isEmpty(), false);
        QVERIFY(reg.text(name, from) == variantText || reg.text(name, from) != reg.text(name, from - 1));
        QVERIFY(reg.text(name, from - 1) != variantText);
        ++checked;
    }
    if (checked == 0)
        QSKIP("no version variants in sql/ yet");
}

QTEST_GUILESS_MAIN(tst_SqlFiles)
#include "tst_sqlfiles.moc"
