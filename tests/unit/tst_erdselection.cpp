// What a diagram draws (ErdSelect) and how it is laid out (ErdLayouter), without a server.
#include "erd/erdgeometry.h"
#include "erd/erdlayout.h"
#include "erd/erdselection.h"

#include <QFuture>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace strata::core;

namespace {

ErdTable table(quint32 oid, const QString &schema, const QString &name,
    ErdKind kind = ErdKind::Table, int columns = 3)
{
    ErdTable t;
    t.oid = oid;
    t.schema = schema;
    t.name = name;
    t.kind = kind;
    for (int i = 0; i < columns; ++i) {
        ErdColumn c;
        c.name = i == 0 ? QStringLiteral("id") : QStringLiteral("col %1").arg(i);
        c.type = QStringLiteral("integer");
        c.primaryKey = i == 0;
        c.notNull = i < 2;
        t.columns << c;
    }
    return t;
}

ErdForeignKey key(quint32 oid, quint32 from, quint32 to, QStringList fromCols = { "col 1" },
    QStringList toCols = { "id" })
{
    ErdForeignKey k;
    k.oid = oid;
    k.name = QStringLiteral("fk%1").arg(oid);
    k.from = from;
    k.to = to;
    k.fromColumns = fromCols;
    k.toColumns = toCols;
    return k;
}

//      x (schema t) ─► a ◄── b ◄── c ◄── d ──► e ──► a        f: d ──► f ──► a (when added)
//      view v reads a and c; iso alone; self ──► self; b has a second, composite key to a
ErdCatalog sample(bool withF = false)
{
    ErdCatalog c;
    c.tables = { table(1, "s", "a"), table(2, "s", "b"), table(3, "s", "c"), table(4, "s", "d"),
        table(5, "s", "e"), table(6, "t", "x"), table(7, "s", "v", ErdKind::View),
        table(8, "s", "iso"), table(9, "s", "self") };
    c.keys = { key(101, 2, 1), key(102, 3, 2), key(103, 4, 3), key(104, 5, 1), key(105, 4, 5),
        key(106, 6, 1), key(107, 9, 9), key(108, 2, 1, { "col 1", "col 2" }, { "id", "col 1" }) };
    c.viewEdges = { { 7, 1 }, { 7, 3 } };
    if (withF) {
        c.tables << table(10, "s", "f");
        c.keys << key(109, 4, 10) << key(110, 10, 1);
    }
    c.index();
    return c;
}

QStringList names(const ErdCatalog &c, const ErdSelection &s)
{
    QStringList out;
    for (int i : s.tables)
        out << c.tables.at(i).name;
    out.sort();
    return out;
}

QList<quint32> keyOids(const ErdCatalog &c, const ErdSelection &s)
{
    QList<quint32> out;
    for (int k : s.keys)
        out << c.keys.at(k).oid;
    std::sort(out.begin(), out.end());
    return out;
}

// A diagram of n tables: a chain of keys through every other table, a self-reference, views.
ErdDiagram bigDiagram(int n)
{
    ErdCatalog c;
    for (int i = 0; i < n; ++i)
        c.tables << table(quint32(i + 1), "s", QStringLiteral("t%1").arg(i), ErdKind::Table, 4);
    for (int i = 2; i < n; i += 2)
        c.keys << key(quint32(1000 + i), quint32(i + 1), quint32(i / 2));
    c.keys << key(999, 1, 1);
    c.index();
    return ErdSelect::diagramOf(c, ErdSelect::schemas(c, {}, true));
}

} // namespace

class tst_ErdSelection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void schemasTakeEveryTableAndTheKeysBetweenThem();
    void neighbourhoodFollowsKeysBothWays_data();
    void neighbourhoodFollowsKeysBothWays();
    void neighbourhoodOfAViewReachesWhatItReads();
    void pathIsTheShortestChain();
    void everyShortestPathIsKept();
    void noPathIsSaidAndBothEndsShown();
    void selfReferencesAndCompositeKeysSurvive();
    void namesWithoutSchemaResolveWhenUnique();
    void unknownTablesAreReported();
    void scopeRoundTripsThroughJsonWithAwkwardNames();
    void typesAreShortened_data();
    void typesAreShortened();
    void keysOnlyListsKeyColumnsAndLongTablesAreCut();
    void layoutPlacesEveryTableAndDrawsEveryEdge();
    void movingATableRoutesItsEdgesAgain();
    void layoutsInSeveralThreadsAtOnceDoNotCrash();
    void aCancelledLayoutStopsBetweenParts();
};

void tst_ErdSelection::schemasTakeEveryTableAndTheKeysBetweenThem()
{
    const ErdCatalog c = sample();
    const ErdSelection s = ErdSelect::schemas(c, { "s" }, true);
    QCOMPARE(names(c, s), QStringList({ "a", "b", "c", "d", "e", "iso", "self", "v" }));
    // x (schema t) is not drawn, so its key to a is not either.
    QCOMPARE(keyOids(c, s), QList<quint32>({ 101, 102, 103, 104, 105, 107, 108 }));
    QCOMPARE(s.viewEdges.size(), 2);
    const ErdSelection noViews = ErdSelect::schemas(c, { "s" }, false);
    QVERIFY(!names(c, noViews).contains("v"));
    QVERIFY(noViews.viewEdges.isEmpty());
    QCOMPARE(ErdSelect::schemas(c, {}, true).tables.size(), c.tables.size());
}

void tst_ErdSelection::neighbourhoodFollowsKeysBothWays_data()
{
    QTest::addColumn<QString>("centre");
    QTest::addColumn<int>("depth");
    QTest::addColumn<bool>("views");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("a, 0") << "s.a" << 0 << false << QStringList { "a" };
    QTest::newRow("a, 1: referenced by b, e and x")
        << "s.a" << 1 << false << QStringList { "a", "b", "e", "x" };
    QTest::newRow("a, 1, with the view reading it")
        << "s.a" << 1 << true << QStringList { "a", "b", "e", "v", "x" };
    QTest::newRow("d, 1: both ways") << "s.d" << 1 << false << QStringList { "c", "d", "e" };
    QTest::newRow("d, 2") << "s.d" << 2 << false << QStringList { "a", "b", "c", "d", "e" };
    QTest::newRow("iso, 3") << "s.iso" << 3 << false << QStringList { "iso" };
}

void tst_ErdSelection::neighbourhoodFollowsKeysBothWays()
{
    QFETCH(QString, centre);
    QFETCH(int, depth);
    QFETCH(bool, views);
    QFETCH(QStringList, expected);
    const ErdCatalog c = sample();
    const ErdSelection s
        = ErdSelect::neighbourhood(c, { ErdTableRef::parse(centre) }, depth, views);
    QCOMPARE(names(c, s), expected);
    QVERIFY(s.problem.isEmpty());
}

void tst_ErdSelection::neighbourhoodOfAViewReachesWhatItReads()
{
    const ErdCatalog c = sample();
    const ErdSelection s = ErdSelect::neighbourhood(c, { { "s", "v" } }, 1, true);
    QCOMPARE(names(c, s), QStringList({ "a", "c", "v" }));
    QCOMPARE(s.viewEdges.size(), 2);
}

void tst_ErdSelection::pathIsTheShortestChain()
{
    const ErdCatalog c = sample();
    // d-e-a (2 keys), not d-c-b-a (3)
    const ErdSelection s = ErdSelect::paths(c, { "s", "d" }, { "s", "a" });
    QCOMPARE(names(c, s), QStringList({ "a", "d", "e" }));
    QCOMPARE(keyOids(c, s), QList<quint32>({ 104, 105 }));
    // Keys are followed against their direction too: x to c goes x-a-b-c.
    const ErdSelection back = ErdSelect::paths(c, { "t", "x" }, { "s", "c" });
    QCOMPARE(names(c, back), QStringList({ "a", "b", "c", "x" }));
    // b has two keys to a: both lie on the path.
    QCOMPARE(keyOids(c, back), QList<quint32>({ 101, 102, 106, 108 }));
}

void tst_ErdSelection::everyShortestPathIsKept()
{
    const ErdCatalog c = sample(true);
    const ErdSelection s = ErdSelect::paths(c, { "s", "d" }, { "s", "a" });
    QCOMPARE(names(c, s), QStringList({ "a", "d", "e", "f" }));
    QCOMPARE(keyOids(c, s), QList<quint32>({ 104, 105, 109, 110 }));
}

void tst_ErdSelection::noPathIsSaidAndBothEndsShown()
{
    const ErdCatalog c = sample();
    const ErdSelection s = ErdSelect::paths(c, { "s", "iso" }, { "s", "a" });
    QVERIFY2(s.problem.contains("No chain of foreign keys"), qPrintable(s.problem));
    QCOMPARE(names(c, s), QStringList({ "a", "iso" }));
    QVERIFY(s.keys.isEmpty());
}

void tst_ErdSelection::selfReferencesAndCompositeKeysSurvive()
{
    const ErdCatalog c = sample();
    const ErdSelection near = ErdSelect::neighbourhood(c, { { "s", "self" } }, 2, true);
    QCOMPARE(names(c, near), QStringList({ "self" }));
    QCOMPARE(keyOids(c, near), QList<quint32>({ 107 }));
    const ErdDiagram d
        = ErdSelect::diagramOf(c, ErdSelect::tables(c, { { "s", "a" }, { "s", "b" } }, true));
    QCOMPARE(d.keys.size(), 2);
    const auto composite = std::find_if(
        d.keys.cbegin(), d.keys.cend(), [](const ErdForeignKey &k) { return k.oid == 108; });
    QVERIFY(composite != d.keys.cend());
    QCOMPARE(composite->fromColumns, QStringList({ "col 1", "col 2" }));
    QCOMPARE(composite->toColumns, QStringList({ "id", "col 1" }));
}

void tst_ErdSelection::namesWithoutSchemaResolveWhenUnique()
{
    const ErdCatalog c = sample();
    const ErdSelection s = ErdSelect::neighbourhood(c, { ErdTableRef::parse("x") }, 0, false);
    QCOMPARE(names(c, s), QStringList({ "x" }));
    QCOMPARE(
        ErdTableRef::parse(QStringLiteral("Sch \"q\".Täble")).schema, QStringLiteral("Sch \"q\""));
}

void tst_ErdSelection::unknownTablesAreReported()
{
    const ErdCatalog c = sample();
    const ErdSelection s = ErdSelect::tables(c, { { "s", "a" }, { "s", "nope" } }, true);
    QCOMPARE(names(c, s), QStringList({ "a" }));
    QVERIFY(s.problem.contains("s.nope"));
    QVERIFY(!ErdSelect::paths(c, { "s", "a" }, { "s", "gone" }).problem.isEmpty());
}

void tst_ErdSelection::scopeRoundTripsThroughJsonWithAwkwardNames()
{
    ErdScope s;
    s.kind = ErdScope::Kind::Path;
    s.schemas = { QStringLiteral("Mixed Case \"quoted\" ünïcode") };
    s.tables = { { QStringLiteral("a\"b"), QStringLiteral("Prices €/kg \"2024\"") } };
    s.from = { QStringLiteral("x y"), QStringLiteral("Ünï") };
    s.to = { QStringLiteral("s"), QStringLiteral("t.u") };
    s.depth = 3;
    s.keysOnly = true;
    s.views = false;
    QCOMPARE(ErdScope::fromJson(s.toJson()), s);
    QCOMPARE(ErdScope::fromJson(s.toJson()).to.name, QStringLiteral("t.u"));
}

void tst_ErdSelection::typesAreShortened_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("tz") << "timestamp with time zone"
                        << "timestamptz";
    QTest::newRow("tz(3)") << "timestamp(3) with time zone"
                           << "timestamptz(3)";
    QTest::newRow("no tz") << "timestamp without time zone"
                           << "timestamp";
    QTest::newRow("time tz") << "time with time zone"
                             << "timetz";
    QTest::newRow("varchar") << "character varying(20)"
                             << "varchar(20)";
    QTest::newRow("char") << "character(5)"
                          << "char(5)";
    QTest::newRow("float8") << "double precision"
                            << "float8";
    QTest::newRow("array") << "character varying[]"
                           << "varchar[]";
    QTest::newRow("as is") << "geometry(Point,4326)"
                           << "geometry(Point,4326)";
}

void tst_ErdSelection::typesAreShortened()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(erdgeometry::shortType(in), out);
}

void tst_ErdSelection::keysOnlyListsKeyColumnsAndLongTablesAreCut()
{
    ErdTable t = table(1, "s", "wide", ErdKind::Table, 60);
    t.columns[30].foreignKey = true;
    t.columns[55].referenced = true;
    const erdgeometry::TableShape all = erdgeometry::shape(t, false, false);
    QCOMPARE(all.columns.size(), erdgeometry::kMaxRows);
    QCOMPARE(all.hidden, 20);
    QVERIFY(all.rowOf(t, "col 30") >= 0); // keys stay listed when the list is cut
    QVERIFY(all.rowOf(t, "col 55") >= 0);
    const erdgeometry::TableShape keys = erdgeometry::shape(t, true, false);
    QCOMPARE(keys.columns, QList<int>({ 0, 30, 55 }));
    QCOMPARE(keys.hidden, 57);
    QVERIFY(keys.height < all.height);
    // Wide text makes a wider box, up to the maximum.
    ErdTable named = table(2, "s", QString(200, u'W'));
    QCOMPARE(erdgeometry::shape(named, false, false).width, erdgeometry::kMaxWidth);
    QVERIFY(erdgeometry::shape(named, false, false).title.endsWith(u'…'));
}

void tst_ErdSelection::layoutPlacesEveryTableAndDrawsEveryEdge()
{
    const ErdCatalog c = sample();
    const ErdDiagram d = ErdSelect::diagramOf(c, ErdSelect::schemas(c, {}, true));
    auto laid = ErdLayouter::layout(d);
    QVERIFY2(laid, qPrintable(laid.error().toString()));
    QCOMPARE(laid->tables.size(), d.tables.size());
    for (int i = 0; i < d.tables.size(); ++i) {
        QVERIFY(laid->bounds.contains(laid->tables.at(i)));
        for (int j = i + 1; j < d.tables.size(); ++j)
            QVERIFY2(!laid->tables.at(i).intersects(laid->tables.at(j)),
                qPrintable(d.tables.at(i).name + " overlaps " + d.tables.at(j).name));
    }
    QCOMPARE(laid->edges.size(), d.keys.size() + d.viewEdges.size());
    for (const ErdEdgePath &e : laid->edges)
        QVERIFY(e.points.size() >= 4 && (e.points.size() - 1) % 3 == 0);
    // Two schemas: each in its own box.
    QVERIFY(!laid->clusters.isEmpty());
}

void tst_ErdSelection::movingATableRoutesItsEdgesAgain()
{
    const ErdCatalog c = sample();
    const ErdDiagram d = ErdSelect::diagramOf(c, ErdSelect::schemas(c, { "s" }, false));
    auto laid = ErdLayouter::layout(d);
    QVERIFY(laid);
    ErdLayout layout = laid.value();
    const int a = d.indexOf(1);
    const QPointF to(5000, 5000);
    ErdLayouter::moveTable(d, ErdLayouter::shapes(d), layout, a, to);
    QCOMPARE(layout.tables.at(a).topLeft(), to);
    for (const ErdEdgePath &e : layout.edges) {
        if (e.key < 0 || d.keys.at(e.key).to != 1)
            continue;
        // Every key into a now ends on a's left side.
        QCOMPARE(e.end.x(), to.x());
        QVERIFY(layout.tables.at(a).contains(QPointF(e.end.x() + 1, e.end.y())));
    }
    QVERIFY(layout.bounds.contains(layout.tables.at(a)));
}

void tst_ErdSelection::layoutsInSeveralThreadsAtOnceDoNotCrash()
{
    // Graphviz 2.42 crashes when two layouts run at once; GraphvizLock makes them take turns.
    const ErdDiagram d = bigDiagram(300);
    auto reference = ErdLayouter::layout(d);
    QVERIFY(reference);
    QList<QFuture<bool>> runs;
    for (int i = 0; i < 4; ++i)
        runs << QtConcurrent::run([&d, &reference] {
            auto r = ErdLayouter::layout(d);
            return r && r->tables == reference->tables;
        });
    for (auto &f : runs)
        QVERIFY(f.result());
}

void tst_ErdSelection::aCancelledLayoutStopsBetweenParts()
{
    const ErdDiagram d = bigDiagram(200);
    int asked = 0;
    auto r = ErdLayouter::layout(d, [&asked] { return ++asked > 3; });
    QVERIFY(!r);
    QCOMPARE(r.error().kind, Error::Kind::Canceled);
    QCOMPARE(asked, 4);
    QVERIFY(ErdLayouter::layout(d)); // and the next one runs (the lock was let go)
}

QTEST_GUILESS_MAIN(tst_ErdSelection)
#include "tst_erdselection.moc"
