// Diagrams read from a real server: partitions folded into their root, views with what they
// read, self-references, composite keys, names that need quoting; a request cancelled half-way.
#include "db/connection.h"
#include "db/session.h"
#include "erd/diagramservice.h"
#include "erd/diagramstore.h"
#include "erd/erdlayout.h"
#include "erd/erdreader.h"
#include "testserver.h"

#include <QTemporaryDir>
#include <QTest>

using namespace strata::core;
using strata::test::TestServer;

namespace {

const char *kDb = "tst_erd";
const QString kSchema = QString::fromUtf8("Erd \"Sch\" Ünï");

const char *kSetup = R"SQL(
CREATE SCHEMA "Erd ""Sch"" Ünï";
SET search_path = "Erd ""Sch"" Ünï";
CREATE TABLE "Parent Täble" (id integer PRIMARY KEY, "Näme" text NOT NULL, note text);
CREATE TABLE "Child ""q"" Tab" (
    id bigint PRIMARY KEY,
    "parent ID" integer NOT NULL REFERENCES "Parent Täble" (id),
    created timestamp with time zone);
CREATE TABLE "Évents" (at timestamptz NOT NULL, parent integer REFERENCES "Parent Täble" (id),
    PRIMARY KEY (at)) PARTITION BY RANGE (at);
CREATE TABLE "Évents 2023" PARTITION OF "Évents" FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE "Évents 2024" PARTITION OF "Évents" FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')
    PARTITION BY RANGE (at);
CREATE TABLE "Évents 2024 H1" PARTITION OF "Évents 2024"
    FOR VALUES FROM ('2024-01-01') TO ('2024-07-01');
CREATE TABLE "Event notes" (at timestamptz NOT NULL REFERENCES "Évents" (at), body text);
CREATE TABLE "Trée" (id integer PRIMARY KEY, parent_id integer REFERENCES "Trée" (id));
CREATE TABLE "Order" (id integer, no text, PRIMARY KEY (id, no));
CREATE TABLE "Line" (order_id integer, order_no text, qty integer NOT NULL,
    FOREIGN KEY (order_no, order_id) REFERENCES "Order" (no, id));
CREATE VIEW "Vüe" AS SELECT p.id, c.created FROM "Parent Täble" p JOIN "Child ""q"" Tab" c
    ON c."parent ID" = p.id;
CREATE MATERIALIZED VIEW "Recent" AS SELECT at FROM "Évents 2024 H1";
CREATE SCHEMA other;
CREATE TABLE other.far (id integer PRIMARY KEY,
    tree integer REFERENCES "Erd ""Sch"" Ünï"."Trée" (id));
)SQL";

const ErdTable *find(const ErdCatalog &c, const QString &name)
{
    const int i = c.indexOf(ErdTableRef { kSchema, name });
    return i < 0 ? nullptr : &c.tables.at(i);
}

const ErdForeignKey *keyFrom(const ErdCatalog &c, const QString &from, const QString &to = {})
{
    for (const ErdForeignKey &k : c.keys) {
        const ErdTable &a = c.tables.at(c.indexOf(k.from));
        const ErdTable &b = c.tables.at(c.indexOf(k.to));
        if (a.name == from && (to.isEmpty() || b.name == to))
            return &k;
    }
    return nullptr;
}

} // namespace

class tst_Erd : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void partitionsAreFoldedIntoTheirRoot();
    void keysOfPartitionedTablesAppearOnce();
    void viewsComeWithWhatTheyRead();
    void selfReferencesAndCompositeKeysAreRead();
    void columnsCarryTheirMarkers();
    void namesThatNeedQuotingSurvive();
    void aNeighbourhoodCrossesSchemas();
    void tooLargeAsksFirst();
    void aRequestCancelledHalfWayEndsWithoutAResult();
    void aRequestLandsLaidOut();
    void theStoreKeepsNamedDiagramsAndPositions();

private:
    Result<ErdCatalog> catalog(const QStringList &schemas = {});
    std::unique_ptr<Session> m_session;
    std::shared_ptr<Connection> m_connection;
};

void tst_Erd::initTestCase()
{
    STRATA_REQUIRE_SERVER();
    TestServer::createDatabase(kDb);
    const QString err = TestServer::exec(kDb, QString::fromUtf8(kSetup));
    QVERIFY2(err.isEmpty(), qPrintable(err));
    m_session = std::make_unique<Session>(TestServer::profile(kDb));
    QString error;
    m_connection = TestServer::openConnection(TestServer::profile(kDb), {}, &error);
    QVERIFY2(m_connection, qPrintable(error));
}

Result<ErdCatalog> tst_Erd::catalog(const QStringList &schemas)
{
    auto r = m_session
                 ->run([schemas](SessionContext &ctx) { return ErdReader::catalog(ctx, schemas); })
                 .result();
    if (r)
        r->index();
    return r;
}

void tst_Erd::partitionsAreFoldedIntoTheirRoot()
{
    auto c = catalog({ kSchema });
    QVERIFY2(c, qPrintable(c.error().toString()));
    const ErdTable *events = find(c.value(), QString::fromUtf8("Évents"));
    QVERIFY(events);
    QCOMPARE(events->kind, ErdKind::PartitionedTable);
    QCOMPARE(events->partitions, 3); // two below it, and one below those
    QCOMPARE(events->partitionStrategy, QStringLiteral("range"));
    for (const ErdTable &t : c->tables)
        QVERIFY2(!t.name.startsWith(QString::fromUtf8("Évents ")), qPrintable(t.name));
}

void tst_Erd::keysOfPartitionedTablesAppearOnce()
{
    auto c = catalog({ kSchema });
    QVERIFY(c);
    int fromEvents = 0, toEvents = 0;
    for (const ErdForeignKey &k : c->keys) {
        fromEvents += c->tables.at(c->indexOf(k.from)).name == QString::fromUtf8("Évents");
        toEvents += c->tables.at(c->indexOf(k.to)).name == QString::fromUtf8("Évents");
    }
    QCOMPARE(fromEvents, 1); // declared once on the root, copied to three partitions
    QCOMPARE(toEvents, 1); // referencing the root, copied for each referenced partition
}

void tst_Erd::viewsComeWithWhatTheyRead()
{
    auto c = catalog({ kSchema });
    QVERIFY(c);
    QStringList edges;
    for (const ErdViewEdge &e : c->viewEdges)
        edges << c->tables.at(c->indexOf(e.view)).name + " > "
                + c->tables.at(c->indexOf(e.source)).name;
    edges.sort();
    QCOMPARE(edges,
        QStringList({ QString::fromUtf8("Recent > Évents"), // read through a partition
            QString::fromUtf8("Vüe > Child \"q\" Tab"), QString::fromUtf8("Vüe > Parent Täble") }));
    QCOMPARE(find(c.value(), "Recent")->kind, ErdKind::MaterializedView);
}

void tst_Erd::selfReferencesAndCompositeKeysAreRead()
{
    auto c = catalog({ kSchema });
    QVERIFY(c);
    const ErdForeignKey *self = keyFrom(c.value(), QString::fromUtf8("Trée"));
    QVERIFY(self);
    QCOMPARE(self->from, self->to);
    QCOMPARE(self->fromColumns, QStringList({ "parent_id" }));
    const ErdForeignKey *composite = keyFrom(c.value(), "Line", "Order");
    QVERIFY(composite);
    QCOMPARE(composite->fromColumns, QStringList({ "order_no", "order_id" })); // in key order
    QCOMPARE(composite->toColumns, QStringList({ "no", "id" }));
    QVERIFY(composite->definition.startsWith("FOREIGN KEY (order_no, order_id)"));
}

void tst_Erd::columnsCarryTheirMarkers()
{
    auto c = catalog({ kSchema });
    QVERIFY(c);
    QList<ErdTable> tables { *find(c.value(), QString::fromUtf8("Child \"q\" Tab")),
        *find(c.value(), QString::fromUtf8("Parent Täble")) };
    auto r
        = m_session->run([&tables](SessionContext &ctx) { return ErdReader::columns(ctx, tables); })
              .result();
    QVERIFY2(r, qPrintable(r.error().toString()));
    const QList<ErdColumn> &child = tables.at(0).columns;
    QCOMPARE(child.size(), 3);
    QVERIFY(child.at(0).primaryKey && child.at(0).notNull && !child.at(0).foreignKey);
    QCOMPARE(child.at(1).name, QStringLiteral("parent ID"));
    QVERIFY(child.at(1).foreignKey && child.at(1).notNull && !child.at(1).primaryKey);
    QCOMPARE(child.at(2).type, QStringLiteral("timestamptz"));
    QVERIFY(!child.at(2).notNull);
    const QList<ErdColumn> &parent = tables.at(1).columns;
    QVERIFY(parent.at(0).primaryKey && parent.at(0).referenced);
    QCOMPARE(parent.at(1).name, QString::fromUtf8("Näme"));
    QVERIFY(!parent.at(1).referenced);
}

void tst_Erd::namesThatNeedQuotingSurvive()
{
    ErdScope scope;
    scope.schemas = { kSchema };
    auto r
        = m_session->run([&scope](SessionContext &ctx) { return ErdReader::read(ctx, scope, 0); })
              .result();
    QVERIFY2(r, qPrintable(r.error().toString()));
    QStringList names;
    for (const ErdTable &t : r->diagram.tables) {
        QCOMPARE(t.schema, kSchema);
        names << t.name;
        QVERIFY2(!t.columns.isEmpty(), qPrintable(t.name));
    }
    QVERIFY(names.contains(QString::fromUtf8("Child \"q\" Tab")));
    QVERIFY(names.contains(QString::fromUtf8("Parent Täble")));
    QVERIFY(!names.contains("far")); // another schema
}

void tst_Erd::aNeighbourhoodCrossesSchemas()
{
    ErdScope scope;
    scope.kind = ErdScope::Kind::Neighbourhood;
    scope.tables = { { "other", "far" } };
    scope.depth = 1;
    auto r
        = m_session->run([&scope](SessionContext &ctx) { return ErdReader::read(ctx, scope, 0); })
              .result();
    QVERIFY(r);
    QStringList names;
    for (const ErdTable &t : r->diagram.tables)
        names << t.schema + "." + t.name;
    names.sort();
    QCOMPARE(names, QStringList({ kSchema + QString::fromUtf8(".Trée"), "other.far" }));
    QCOMPARE(r->diagram.keys.size(), 2); // far -> Trée, and Trée's key to itself
    QVERIFY(r->diagram.multiSchema());
}

void tst_Erd::tooLargeAsksFirst()
{
    ErdScope scope; // every schema
    auto r
        = m_session->run([&scope](SessionContext &ctx) { return ErdReader::read(ctx, scope, 3); })
              .result();
    QVERIFY(r);
    QVERIFY(r->tooLarge);
    QVERIFY(r->wouldDraw > 3);
    QVERIFY(r->diagram.tables.isEmpty()); // nothing read beyond the count
}

void tst_Erd::aRequestCancelledHalfWayEndsWithoutAResult()
{
    // A schema large enough that reading and laying it out takes a while.
    const QString err = TestServer::exec(kDb,
        QStringLiteral(
            "CREATE SCHEMA IF NOT EXISTS wide; DO $$ BEGIN FOR i IN 1..300 LOOP EXECUTE format("
            "'CREATE TABLE IF NOT EXISTS wide.t%s (id int PRIMARY KEY, up int REFERENCES wide.t%s "
            "(id), a text, b text, c date)', i, greatest(1, i / 2)); END LOOP; END $$"));
    QVERIFY2(err.isEmpty(), qPrintable(err));
    DiagramService service(m_connection);
    ErdScope scope;
    scope.schemas = { "wide" };
    QFuture<Result<ErdResult>> f = service.request(scope, 0);
    QTest::qWait(30); // the read has started, maybe the layout too
    f.cancel();
    f.waitForFinished();
    QVERIFY(f.isCanceled());
    QCOMPARE(f.resultCount(), 0);
    // The service (and Graphviz's lock) are free for the next request.
    auto next = service.request(scope, 0).result();
    QVERIFY2(next, qPrintable(next.error().toString()));
    QCOMPARE(next->diagram.tables.size(), 300);
    QCOMPARE(next->layout.tables.size(), 300);
    QCOMPARE(next->layout.edges.size(), 300); // 299 keys to a parent, t1's key to itself
}

void tst_Erd::aRequestLandsLaidOut()
{
    DiagramService service(m_connection);
    ErdScope scope;
    scope.schemas = { kSchema };
    auto r = service.request(scope).result();
    QVERIFY2(r, qPrintable(r.error().toString()));
    QCOMPARE(r->layout.tables.size(), r->diagram.tables.size());
    QCOMPARE(r->layout.edges.size(), r->diagram.keys.size() + r->diagram.viewEdges.size());
    QVERIFY(r->layout.bounds.width() > 0);
}

void tst_Erd::theStoreKeepsNamedDiagramsAndPositions()
{
    QTemporaryDir dir;
    DiagramStore store(dir.filePath("diagrams.sqlite"));
    const QString target = DiagramStore::targetOf(TestServer::profile(kDb));
    SavedDiagram d;
    d.name = QString::fromUtf8("Sübject \"area\"");
    d.scope.kind = ErdScope::Kind::Tables;
    d.scope.tables = { { kSchema, QString::fromUtf8("Trée") } };
    d.positions.insert({ kSchema, QString::fromUtf8("Trée") }, QPointF(12.5, -40));
    QVERIFY(store.save(target, d));
    SavedDiagram unnamed { {}, d.scope, { { { kSchema, "Line" }, QPointF(1, 2) } } };
    const Status saved = store.save(target, unnamed);
    QVERIFY2(saved, qPrintable(saved.error().toString()));
    QCOMPARE(store.names(target).value(), QStringList({ d.name })); // the unnamed one is not listed
    auto back = store.load(target, d.name);
    QVERIFY(back);
    QCOMPARE(back->scope, d.scope);
    QCOMPARE(back->positions, d.positions);
    QCOMPARE(store.load(target, {}, d.scope)->positions, unnamed.positions);
    QVERIFY(store.load("other:5432/db", d.name)->positions.isEmpty());
    QVERIFY(store.remove(target, d.name));
    QVERIFY(store.names(target)->isEmpty());
}

QTEST_GUILESS_MAIN(tst_Erd)
#include "tst_erd.moc"
