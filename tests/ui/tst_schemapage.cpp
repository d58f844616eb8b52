#include "appcontext.h"
#include "db/session.h"
#include "icons.h"
#include "schema/previewmodel.h"
#include "schema/schemapage.h"
#include "schema/schematreemodel.h"
#include "testserver.h"

#include <QListWidget>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextLayout>
#include <QTreeView>

using namespace strata::core;
using strata::test::TestServer;
using strata::ui::AppContext;
using strata::ui::SchemaPage;

namespace {

const char *kDb = "tst_schemapage";
const QString kTable = QString::fromUtf8("Tab \"ü. X");
const QString kColumn = QString::fromUtf8("Col \"ö. Y");

const char *kSetup = R"SQL(
CREATE SCHEMA "Sch ""ë.1";
CREATE TABLE "Sch ""ë.1"."Tab ""ü. X" (
    id integer PRIMARY KEY, "Col ""ö. Y" text, geom geometry(Point, 4326));
INSERT INTO "Sch ""ë.1"."Tab ""ü. X" SELECT g, 'value ' || g, NULL FROM generate_series(1, 700) g;
ANALYZE "Sch ""ë.1"."Tab ""ü. X";
CREATE VIEW "Sch ""ë.1"."Vüe" AS SELECT id FROM "Sch ""ë.1"."Tab ""ü. X";
)SQL";

} // namespace

class tst_SchemaPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void findSelectsAndShowsDetails();
    void ddlComesFromPgDumpForATable();
    void ddlComesFromTheServerForAView();
    void previewPagesAsTheGridScrolls();
    void showObjectSelectsItWithItsDetails();
    void longNamesAreNotBrokenInsideAWord();
    void findResultsShowTheKindsIcon();

private:
    bool selectByFind(const QString &text);
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<SchemaPage> m_page;
};

void tst_SchemaPage::initTestCase()
{
    STRATA_REQUIRE_SERVER();
    TestServer::createDatabase(kDb);
    const QString err = TestServer::exec(kDb, QString::fromUtf8(kSetup));
    QVERIFY2(err.isEmpty(), qPrintable(err));
    ConnectionProfile profile = TestServer::profile(kDb);
    profile.toolsDir = TestServer::binDir();
    QString error;
    auto connection = TestServer::openConnection(profile, {}, &error);
    QVERIFY2(connection, qPrintable(error));
    m_context = std::make_unique<AppContext>(nullptr, nullptr);
    m_page = std::make_unique<SchemaPage>(m_context.get());
    m_page->resize(1200, 800);
    m_page->show();
    m_context->setConnection(connection);
    // The server and the connected database open by themselves.
    QTRY_VERIFY_WITH_TIMEOUT(m_page->treeModel()->databaseIndex().isValid(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_page->treeView()->isExpanded(m_page->treeModel()->databaseIndex()), 10000);
}

bool tst_SchemaPage::selectByFind(const QString &text)
{
    QSignalSpy details(m_page.get(), &SchemaPage::tabLoaded);
    m_page->showTab(QStringLiteral("details"));
    m_page->find(text);
    for (int i = 0; i < 100; ++i) {
        QTest::qWait(50);
        const QModelIndex cur = m_page->treeView()->currentIndex();
        if (cur.isValid() && cur.data(strata::models::SchemaTreeModel::NameRole).toString() == text
            && m_page->detailsText().contains(text) && !m_page->detailsText().contains("Loading"))
            return true;
    }
    return false;
}

void tst_SchemaPage::findSelectsAndShowsDetails()
{
    QVERIFY(selectByFind(kTable));
    QVERIFY(m_page->findResults().contains(QString::fromUtf8("Sch \"ë.1.") + kTable));
    const QString text = m_page->detailsText();
    QVERIFY2(text.contains(kColumn), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("PostGIS POINT, SRID 4326")));
    QVERIFY(text.contains(QStringLiteral("700"))); // estimated rows
    QVERIFY(text.contains(QStringLiteral("Heap")));
    QVERIFY(text.contains(QStringLiteral("primary key")));
}

void tst_SchemaPage::ddlComesFromPgDumpForATable()
{
    QVERIFY(selectByFind(kTable));
    QSignalSpy loaded(m_page.get(), &SchemaPage::tabLoaded);
    m_page->showTab(QStringLiteral("ddl"));
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() && loaded.last().first() == "ddl", 30000);
    const QString ddl = m_page->ddlText();
    QVERIFY2(ddl.contains(QString::fromUtf8("CREATE TABLE \"Sch \"\"ë.1\".\"Tab \"\"ü. X\"")),
        qPrintable(ddl));
    QVERIFY(ddl.contains(QStringLiteral("PRIMARY KEY")));
    m_page->showTab(QStringLiteral("details"));
}

void tst_SchemaPage::ddlComesFromTheServerForAView()
{
    QVERIFY(selectByFind(QString::fromUtf8("Vüe")));
    QSignalSpy loaded(m_page.get(), &SchemaPage::tabLoaded);
    m_page->showTab(QStringLiteral("ddl"));
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() && loaded.last().first() == "ddl", 30000);
    QVERIFY2(m_page->ddlText().startsWith(
                 QString::fromUtf8("CREATE OR REPLACE VIEW \"Sch \"\"ë.1\".\"Vüe\" AS")),
        qPrintable(m_page->ddlText()));
    m_page->showTab(QStringLiteral("details"));
}

void tst_SchemaPage::previewPagesAsTheGridScrolls()
{
    QVERIFY(selectByFind(kTable));
    QSignalSpy loaded(m_page.get(), &SchemaPage::tabLoaded);
    m_page->showTab(QStringLiteral("data"));
    QVERIFY(m_page->previewEstimateText().contains(QStringLiteral("About 700 rows")));
    QTRY_VERIFY_WITH_TIMEOUT(m_page->previewModel()->rowCount() > 0, 10000);
    auto *preview = m_page->previewModel();
    QCOMPARE(preview->headerData(1, Qt::Horizontal).toString(), kColumn);
    QCOMPARE(preview->rowCount(), 200); // one page
    QCOMPARE(preview->index(0, 2).data().toString(), QStringLiteral("NULL"));
    // Fetch the rest the way a scrolling view does.
    for (int i = 0; i < 10 && preview->canFetchMore({}); ++i) {
        const int before = preview->rowCount();
        preview->fetchMore({});
        QTRY_VERIFY_WITH_TIMEOUT(preview->rowCount() > before || preview->atEnd(), 10000);
    }
    QTRY_VERIFY_WITH_TIMEOUT(preview->atEnd(), 10000);
    QCOMPARE(preview->rowCount(), 700);
    m_page->showTab(QStringLiteral("details"));
}

void tst_SchemaPage::showObjectSelectsItWithItsDetails()
{
    // A name that needs quoting, beside a partition whose name contains it.
    QVERIFY(TestServer::exec(kDb,
        "CREATE SCHEMA \"Äis x\"; CREATE TABLE \"Äis x\".\"Positions\" (id int, at timestamptz) "
        "PARTITION BY RANGE (at); CREATE TABLE \"Äis x\".\"Positions_2024\" PARTITION OF "
        "\"Äis x\".\"Positions\" FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')")
                .isEmpty());
    QSignalSpy shown(m_page.get(), &SchemaPage::objectShown);
    m_page->showObject(QStringLiteral("Äis x"), QStringLiteral("Positions"));
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 20000);
    QCOMPARE(shown.first().first().toBool(), true);
    const QModelIndex cur = m_page->treeView()->currentIndex();
    QCOMPARE(cur.data(strata::models::SchemaTreeModel::NameRole).toString(),
        QStringLiteral("Positions"));
    QVERIFY2(m_page->detailsText().contains(QStringLiteral("Positions")),
        qPrintable(m_page->detailsText()));

    m_page->showObject(QStringLiteral("Äis x"), QStringLiteral("no such table"));
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 2, 20000);
    QCOMPARE(shown.last().first().toBool(), false);
}

void tst_SchemaPage::longNamesAreNotBrokenInsideAWord()
{
    QVERIFY(TestServer::exec(kDb,
        "CREATE TABLE narrow_t (id int CONSTRAINT "
        "narrow_t_a_very_long_constraint_name_that_needs_room_check CHECK (id > 0))")
                .isEmpty());
    m_page->resize(700, 600);
    QVERIFY(selectByFind(QStringLiteral("narrow_t")));
    auto *details = m_page->findChild<QTextBrowser *>();
    QVERIFY(details);
    QTRY_VERIFY(details->toPlainText().contains("needs_room_check"));
    // Every line of the laid-out text ends between words: no name is cut in two.
    QTextDocument *doc = details->document();
    doc->setTextWidth(details->viewport()->width());
    QStringList cuts;
    auto wordChar = [](QChar c) { return c.isLetterOrNumber() || c == u'_'; };
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        QTextLayout *layout = b.layout();
        for (int i = 0; layout && i + 1 < layout->lineCount(); ++i) {
            const int end = layout->lineAt(i).textStart() + layout->lineAt(i).textLength();
            const QString text = b.text();
            if (end > 0 && end < text.size() && wordChar(text.at(end - 1))
                && wordChar(text.at(end)))
                cuts << text;
        }
    }
    m_page->resize(1200, 800);
    QVERIFY2(cuts.isEmpty(), qPrintable(cuts.join(u'\n')));
}

void tst_SchemaPage::findResultsShowTheKindsIcon()
{
    QSignalSpy found(m_page.get(), &SchemaPage::findFinished);
    m_page->find(QString::fromUtf8("Vüe"));
    QVERIFY(found.wait(10000));
    QCOMPARE(found.last().first().toInt(), 1);
    auto *list = m_page->findChild<QListWidget *>();
    QVERIFY(list && list->count() == 1);
    namespace icons = strata::models::icons;
    QCOMPARE(list->item(0)->icon().cacheKey(), icons::icon(icons::Icon::View).cacheKey());
}

QTEST_MAIN(tst_SchemaPage)
#include "tst_schemapage.moc"
