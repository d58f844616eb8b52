// The overview page, offscreen, against the real server.
#include "appcontext.h"
#include "db/connection.h"
#include "overview/overviewpage.h"
#include "overview/overviewservice.h"
#include "testserver.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace strata;
using strata::test::TestServer;

class tst_OverviewPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void serviceReadsTheServersFacts();
    void theUptimeMovesOnWithoutARefresh();
    void refreshReadsTheDatabasesAgain();

private:
    std::shared_ptr<core::Connection> m_connection;
};

namespace {
QString upFor(const QString &facts)
{
    static const QRegularExpression re(QStringLiteral("Up for</b></td><td>([^<]*)<"));
    return re.match(facts).captured(1);
}
} // namespace

void tst_OverviewPage::initTestCase()
{
    STRATA_REQUIRE_SERVER();
    TestServer::createDatabase("tst_overviewpage");
    QString error;
    m_connection = TestServer::openConnection(TestServer::profile("tst_overviewpage"), {}, &error);
    QVERIFY2(m_connection, qPrintable(error));
}

void tst_OverviewPage::serviceReadsTheServersFacts()
{
    core::OverviewService service(m_connection);
    auto facts = service.server().result();
    QVERIFY2(facts.ok(), qPrintable(facts.error().toString()));
    QVERIFY(facts->maxConnections > 0);
    QVERIFY(facts->clientConnections >= 1);
    QVERIFY(facts->startedAt.isValid());
    QVERIFY(facts->uptimeSeconds(QDateTime::currentDateTimeUtc()) >= 0);
    QVERIFY(!facts->encoding.isEmpty());
    auto databases = service.databases().result();
    QVERIFY(databases.ok());
    bool found = false;
    for (const auto &d : databases.value())
        found = found || (d.name == "tst_overviewpage" && d.sizeBytes > 0);
    QVERIFY(found);
}

void tst_OverviewPage::theUptimeMovesOnWithoutARefresh()
{
    ui::AppContext context(nullptr, nullptr);
    context.setConnection(m_connection);
    ui::OverviewPage page(&context);
    page.show();
    QTRY_VERIFY_WITH_TIMEOUT(!upFor(page.factsText()).isEmpty(), 10000);
    const QString first = page.factsText();
    QVERIFY2(first.contains("Figures read"), qPrintable(first));
    // The clock moves the uptime on (and the figures' age) by itself.
    QTRY_VERIFY_WITH_TIMEOUT(upFor(page.factsText()) != upFor(first), 15000);
}

void tst_OverviewPage::refreshReadsTheDatabasesAgain()
{
    ui::AppContext context(nullptr, nullptr);
    context.setConnection(m_connection);
    ui::OverviewPage page(&context);
    QTRY_VERIFY_WITH_TIMEOUT(page.isLoaded(), 10000);
    TestServer::createDatabase("tst_overviewpage_more");
    QVERIFY(!page.databaseNames().contains("tst_overviewpage_more"));
    QSignalSpy loaded(&page, &ui::OverviewPage::loaded);
    page.refresh();
    QVERIFY(loaded.wait(10000));
    QVERIFY(page.databaseNames().contains("tst_overviewpage_more"));
    TestServer::dropDatabase("tst_overviewpage_more");
}

QTEST_MAIN(tst_OverviewPage)
#include "tst_overviewpage.moc"
