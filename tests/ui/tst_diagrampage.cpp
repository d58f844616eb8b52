// The diagram page offscreen, and the exports (from the page and from strata-cli erd) opened by
// other programs' rules: SVG parses as XML, PNG decodes, PDF has a page, DOT goes through dot.
#include "appcontext.h"
#include "diagram/diagramcontrols.h"
#include "diagram/diagramitems.h"
#include "diagram/diagrampage.h"
#include "diagram/diagramscene.h"
#include "diagram/diagramview.h"
#include "erd/diagramstore.h"
#include "erd/erdexport.h"
#include "schema/schemapage.h"
#include "schema/schematreemodel.h"
#include "testserver.h"

#include <QGraphicsItem>
#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QXmlStreamReader>

using namespace strata::core;
using strata::test::TestServer;
using strata::ui::AppContext;
using strata::ui::DiagramPage;

namespace {

const char *kDb = "tst_diagrampage";
const QString kSchema = QString::fromUtf8("Dïag \"Q\" Sch");
const QString kParent = QString::fromUtf8("Pärent \"T\"");
const QString kChild = QString::fromUtf8("Child Ünï");

const char *kSetup = R"SQL(
CREATE SCHEMA "Dïag ""Q"" Sch";
SET search_path = "Dïag ""Q"" Sch";
CREATE TABLE "Pärent ""T""" (id integer PRIMARY KEY, "Nàme" text NOT NULL);
CREATE TABLE "Child Ünï" (id integer PRIMARY KEY,
    parent integer REFERENCES "Pärent ""T""" (id), up integer REFERENCES "Child Ünï" (id));
CREATE TABLE lone (x integer);
CREATE TABLE "Order" (id integer, no text, PRIMARY KEY (id, no));
CREATE TABLE line (order_id integer, order_no text, FOREIGN KEY (order_id, order_no)
    REFERENCES "Order" (id, no));
CREATE VIEW "Vüe" AS SELECT p.id FROM "Pärent ""T""" p JOIN "Child Ünï" c ON c.parent = p.id;
)SQL";

bool isXml(const QByteArray &bytes)
{
    QXmlStreamReader xml(bytes);
    while (!xml.atEnd())
        xml.readNext();
    return !xml.hasError();
}

} // namespace

class tst_DiagramPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void aSchemaFillsTheSceneWithEveryTableAndEdge();
    void zoomAndFitNeverTouchTheLayout();
    void clickingATableHighlightsItsNeighbours();
    void draggingATableMovesItsEdgesAndIsRemembered();
    void namedDiagramsKeepTheirScope();
    void aTooLargeDiagramAsksFirst();
    void findCentresATable();
    void doubleClickOpensTheTableInTheSchemaBrowser();
    void exportsOpenInOtherPrograms_data();
    void exportsOpenInOtherPrograms();
    void aPngTooLargeIsRefusedWithoutAFile();
    void theCommandLineWritesTheSameFiles();
    void screenshotsInLightAndDark();

private:
    bool draw(const QStringList &schemas);
    QTemporaryDir m_dir;
    std::unique_ptr<AppContext> m_context;
    std::unique_ptr<DiagramPage> m_page;
};

void tst_DiagramPage::initTestCase()
{
    STRATA_REQUIRE_SERVER();
    qputenv("STRATA_DIAGRAM_STORE", m_dir.filePath("diagrams.sqlite").toUtf8());
    TestServer::createDatabase(kDb);
    const QString err = TestServer::exec(kDb, QString::fromUtf8(kSetup));
    QVERIFY2(err.isEmpty(), qPrintable(err));
    QString error;
    auto connection = TestServer::openConnection(TestServer::profile(kDb), {}, &error);
    QVERIFY2(connection, qPrintable(error));
    m_context = std::make_unique<AppContext>(nullptr, nullptr);
    m_page = std::make_unique<DiagramPage>(m_context.get());
    m_page->resize(1200, 800);
    m_page->show();
    m_context->setConnection(connection);
}

void tst_DiagramPage::init()
{
    m_page->setAskAbove(2500);
    m_page->setDarkPalette(false);
}

bool tst_DiagramPage::draw(const QStringList &schemas)
{
    QSignalSpy landed(m_page.get(), &DiagramPage::layoutLanded);
    m_page->showSchemas(schemas);
    return landed.wait(20000) || !landed.isEmpty();
}

void tst_DiagramPage::aSchemaFillsTheSceneWithEveryTableAndEdge()
{
    QVERIFY(draw({ kSchema }));
    auto *scene = m_page->diagramScene();
    const ErdDiagram &d = scene->diagram();
    QCOMPARE(d.tables.size(), 6);
    QCOMPARE(d.keys.size(), 3); // child->parent, child->child, line->Order (composite)
    QCOMPARE(d.viewEdges.size(), 2);
    QCOMPARE(scene->filledTables(), 6);
    QCOMPARE(scene->filledEdges(), 5);
    QVERIFY(!scene->isFilling());
    QVERIFY2(m_page->statusText().contains("6 tables and views, 3 foreign keys"),
        qPrintable(m_page->statusText()));
    QVERIFY(m_page->messageText().isEmpty());
}

void tst_DiagramPage::zoomAndFitNeverTouchTheLayout()
{
    QVERIFY(draw({ kSchema }));
    auto *scene = m_page->diagramScene();
    const ErdLayout before = scene->layout();
    QList<QPointF> positions;
    for (QGraphicsItem *i : scene->items())
        positions << i->pos();
    auto *view = m_page->view();
    view->zoomBy(2);
    view->zoomBy(0.3);
    view->fit();
    view->zoomBy(1.25);
    QVERIFY(view->zoom() > 0);
    QCOMPARE(scene->layout().tables, before.tables);
    QCOMPARE(scene->layout().edges.size(), before.edges.size());
    for (int e = 0; e < before.edges.size(); ++e)
        QCOMPARE(scene->layout().edges.at(e).points, before.edges.at(e).points);
    QList<QPointF> after;
    for (QGraphicsItem *i : scene->items())
        after << i->pos();
    QCOMPARE(after, positions);
}

void tst_DiagramPage::clickingATableHighlightsItsNeighbours()
{
    QVERIFY(draw({ kSchema }));
    auto *scene = m_page->diagramScene();
    const int parent = scene->indexOf({ kSchema, kParent });
    const int child = scene->indexOf({ kSchema, kChild });
    const int lone = scene->indexOf({ kSchema, "lone" });
    QVERIFY(parent >= 0 && child >= 0 && lone >= 0);
    scene->tableClicked(parent);
    QCOMPARE(scene->focusedTable(), parent);
    QVERIFY(!scene->isDimmed(parent));
    QVERIFY(!scene->isDimmed(child));
    QVERIFY(!scene->isDimmed(scene->indexOf({ kSchema, QString::fromUtf8("Vüe") })));
    QVERIFY(scene->isDimmed(lone));
    scene->tableClicked(parent); // again: cleared
    QCOMPARE(scene->focusedTable(), -1);
    QVERIFY(!scene->isDimmed(lone));
}

void tst_DiagramPage::draggingATableMovesItsEdgesAndIsRemembered()
{
    QVERIFY(draw({ kSchema }));
    auto *scene = m_page->diagramScene();
    const int parent = scene->indexOf({ kSchema, kParent });
    QGraphicsItem *item = scene->tableItem(parent);
    QVERIFY(item);
    QCOMPARE(item->pos(), scene->layout().tables.at(parent).topLeft());
    const QPointF to(-600, -400);
    item->setPos(to); // what a drag does
    QCOMPARE(scene->layout().tables.at(parent).topLeft(), to);
    for (const ErdEdgePath &e : scene->layout().edges)
        if (e.key >= 0
            && scene->diagram().keys.at(e.key).to == scene->diagram().tables.at(parent).oid)
            QVERIFY(scene->layout().tables.at(parent).adjusted(-1, -1, 1, 1).contains(e.end));
    scene->tableDropped(parent);
    // Saved in a moment (in a worker); the same diagram asked again puts it back there.
    const QString target = DiagramStore::targetOf(TestServer::profile(kDb));
    ErdScope scope;
    scope.schemas = { kSchema };
    QTRY_VERIFY_WITH_TIMEOUT(
        DiagramStore().load(target, {}, scope)->positions.contains({ kSchema, kParent }), 10000);
    QVERIFY(draw({ kSchema }));
    QCOMPARE(m_page->diagramScene()->layout().tables.at(parent).topLeft(), to);
    QVERIFY(DiagramStore().save(target, { {}, scope, {} })); // and forget it again
}

void tst_DiagramPage::namedDiagramsKeepTheirScope()
{
    const QString target = DiagramStore::targetOf(TestServer::profile(kDb));
    SavedDiagram area;
    area.name = QString::fromUtf8("Örders");
    area.scope.kind = ErdScope::Kind::Tables;
    area.scope.tables = { { kSchema, "Order" }, { kSchema, "line" } };
    area.positions.insert({ kSchema, "line" }, QPointF(900, 900));
    QVERIFY(DiagramStore().save(target, area));
    QSignalSpy landed(m_page.get(), &DiagramPage::layoutLanded);
    Q_EMIT m_page->controls()->diagramChosen(area.name);
    QVERIFY(landed.wait(20000));
    const auto *scene = m_page->diagramScene();
    QCOMPARE(scene->diagram().tables.size(), 2);
    QCOMPARE(scene->layout().tables.at(scene->indexOf({ kSchema, "line" })).topLeft(),
        QPointF(900, 900));
    QCOMPARE(m_page->controls()->scope().kind, ErdScope::Kind::Tables);
    QTRY_COMPARE(m_page->controls()->currentDiagram(), area.name);
    // Keys only is the same diagram drawn another way; other tables are not that diagram.
    ErdScope keys = area.scope;
    keys.keysOnly = true;
    Q_EMIT m_page->controls()->scopeRequested(keys);
    QCOMPARE(m_page->controls()->currentDiagram(), area.name);
    ErdScope other;
    other.schemas = { kSchema };
    Q_EMIT m_page->controls()->scopeRequested(other);
    QCOMPARE(m_page->controls()->currentDiagram(), QString());
    QVERIFY(landed.wait(20000));
    QVERIFY(DiagramStore().load(target, area.name)->scope == area.scope); // left as it was
    QVERIFY(DiagramStore().remove(target, area.name));
}

void tst_DiagramPage::aTooLargeDiagramAsksFirst()
{
    m_page->setAskAbove(3);
    QSignalSpy ended(m_page.get(), &DiagramPage::requestEnded);
    m_page->showSchemas({ kSchema });
    QVERIFY(ended.wait(20000));
    QVERIFY2(
        m_page->messageText().contains("6 tables and views"), qPrintable(m_page->messageText()));
    QCOMPARE(m_page->diagramScene()->filledTables(), 0); // nothing drawn unasked
    QSignalSpy landed(m_page.get(), &DiagramPage::layoutLanded);
    m_page->showAll(); // "Draw all 6 anyway"
    QVERIFY(landed.wait(20000));
    QCOMPARE(m_page->diagramScene()->filledTables(), 6);
}

void tst_DiagramPage::findCentresATable()
{
    QVERIFY(draw({ kSchema }));
    QVERIFY(m_page->findTable(QString::fromUtf8("child ünï")));
    QCOMPARE(m_page->diagramScene()->focusedTable(),
        m_page->diagramScene()->indexOf({ kSchema, kChild }));
    QVERIFY(!m_page->findTable("no such table"));
    QVERIFY(m_page->statusText().contains("no such table"));
}

void tst_DiagramPage::doubleClickOpensTheTableInTheSchemaBrowser()
{
    strata::ui::SchemaPage schema(m_context.get());
    schema.resize(900, 700);
    schema.show();
    QTRY_VERIFY_WITH_TIMEOUT(schema.treeModel()->databaseIndex().isValid(), 10000);
    QVERIFY(draw({ kSchema }));
    QSignalSpy asked(m_context.get(), &AppContext::objectRequested);
    m_page->diagramScene()->tableActivated(m_page->diagramScene()->indexOf({ kSchema, kParent }));
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.first().at(1).toString(), kParent);
    QTRY_VERIFY_WITH_TIMEOUT(
        schema.treeView()->currentIndex().data(strata::models::SchemaTreeModel::NameRole).toString()
            == kParent,
        20000);
}

void tst_DiagramPage::exportsOpenInOtherPrograms_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("svg") << "d.svg";
    QTest::newRow("png") << "d.png";
    QTest::newRow("pdf") << "d.pdf";
    QTest::newRow("dot") << "d.dot";
}

void tst_DiagramPage::exportsOpenInOtherPrograms()
{
    QFETCH(QString, file);
    QVERIFY(draw({ kSchema }));
    const QString path = m_dir.filePath(file);
    QSignalSpy done(m_page.get(), &DiagramPage::exported);
    m_page->exportTo(path);
    QVERIFY(done.wait(20000));
    QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(!bytes.isEmpty());
    if (file.endsWith("svg")) {
        QVERIFY(isXml(bytes));
        // Names survive, escaped for XML.
        QVERIFY(bytes.contains(QString(kParent).toHtmlEscaped().toUtf8())
            || bytes.contains(QString(kParent).replace("\"", "&#34;").toUtf8()));
        QVERIFY(bytes.contains(kChild.toUtf8()));
    } else if (file.endsWith("png")) {
        QImage image;
        QVERIFY(image.loadFromData(bytes, "PNG"));
        QVERIFY(image.width() > 200 && image.height() > 100);
    } else if (file.endsWith("pdf")) {
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.contains("/Type /Page"));
    } else {
        const QString dot = QStandardPaths::findExecutable("dot");
        if (dot.isEmpty())
            QSKIP("Graphviz's dot is not installed (the graphviz package)");
        QProcess p;
        p.start(dot, { "-Tsvg", path });
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray svg = p.readAllStandardOutput();
        QVERIFY(isXml(svg));
        QVERIFY(svg.contains(kChild.toUtf8()));
    }
}

void tst_DiagramPage::aPngTooLargeIsRefusedWithoutAFile()
{
    QVERIFY(draw({ kSchema }));
    const QString path = m_dir.filePath("huge.png");
    ErdExportOptions o;
    o.maxImageBytes = 1000; // nothing fits
    auto r = ErdExport::write(
        m_page->diagramScene()->diagram(), m_page->diagramScene()->layout(), path, o);
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains("pixels"), qPrintable(r.error().message));
    QVERIFY(r.error().hint.contains("SVG or PDF"));
    QVERIFY(!QFile::exists(path));
}

void tst_DiagramPage::theCommandLineWritesTheSameFiles()
{
    const QString cli = TestServer::binaryDir() + "/strata-cli";
    for (const QString &ext : QStringList { "svg", "png", "pdf", "dot" }) {
        const QString path = m_dir.filePath("cli." + ext);
        QProcess p;
        p.start(cli,
            { "erd", TestServer::connInfo(kDb), "--table", kSchema + "." + kChild, "--depth", "1",
                "--keys-only", "-o", path });
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QVERIFY(p.readAllStandardOutput().contains("3 tables"));
        QVERIFY(QFileInfo(path).size() > 0);
    }
    QImage image(m_dir.filePath("cli.png"));
    QVERIFY(!image.isNull());
    QFile svg(m_dir.filePath("cli.svg"));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QVERIFY(isXml(svg.readAll()));
    // A path between two tables, and a refusal that names what to do.
    QProcess path;
    path.start(cli,
        { "erd", TestServer::connInfo(kDb), "--path", kSchema + ".line", kSchema + "." + kParent,
            "-o", m_dir.filePath("path.dot") });
    QVERIFY(path.waitForFinished(60000));
    QCOMPARE(path.exitCode(), 1);
    QVERIFY(path.readAllStandardError().contains("No chain of foreign keys"));
    QProcess bad;
    bad.start(cli, { "erd", TestServer::connInfo(kDb), "-o", m_dir.filePath("x.jpg") });
    QVERIFY(bad.waitForFinished(60000));
    QCOMPARE(bad.exitCode(), 2);
    QVERIFY(bad.readAllStandardError().contains(".svg, .png, .pdf or .dot"));
}

void tst_DiagramPage::screenshotsInLightAndDark()
{
    // STRATA_SHOTS_DIR keeps the pictures to look at; either way each palette renders.
    const QString dir = qEnvironmentVariable("STRATA_SHOTS_DIR", m_dir.path());
    for (bool dark : { false, true }) {
        m_page->setDarkPalette(dark);
        QVERIFY(draw({ kSchema }));
        const QImage shot = m_page->grab().toImage();
        QVERIFY(!shot.isNull());
        QVERIFY(shot.save(dir + (dark ? "/diagram-dark.png" : "/diagram-light.png")));
        // The view's middle is the palette's background, not the other one's.
        const QColor bg = m_page->diagramScene()->backgroundBrush().color();
        QCOMPARE(bg.lightness() < 128, dark);
    }
}

QTEST_MAIN(tst_DiagramPage)
#include "tst_diagrampage.moc"
