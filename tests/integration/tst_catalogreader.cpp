#include "catalog/catalogreader.h"
#include "catalog/objectddl.h"
#include "catalog/previewreader.h"
#include "db/session.h"
#include "testserver.h"

#include <QTest>

using namespace strata::core;
using strata::test::TestServer;

namespace {

const char *kDb = "tst_catalogreader";
// Names with a quote, a space, capitals, a dot and non-ASCII letters.
const QString kSchema = QString::fromUtf8("Sch \"ë.1");
const QString kTable = QString::fromUtf8("Tab \"ü. X");
const QString kColumn = QString::fromUtf8("Col \"ö. Y");

const char *kSetup = R"SQL(
CREATE SCHEMA "Sch ""ë.1";
CREATE TABLE "Sch ""ë.1"."Tab ""ü. X" (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "Col ""ö. Y" text NOT NULL DEFAULT 'x',
    doubled integer DOUBLED
);
COMMENT ON TABLE "Sch ""ë.1"."Tab ""ü. X" IS 'nasty table';
COMMENT ON COLUMN "Sch ""ë.1"."Tab ""ü. X"."Col ""ö. Y" IS 'nasty column';
INSERT INTO "Sch ""ë.1"."Tab ""ü. X" ("Col ""ö. Y") SELECT 'row ' || g FROM generate_series(1, 250) g;
CREATE TABLE public.child (
    id serial PRIMARY KEY,
    parent_id integer REFERENCES "Sch ""ë.1"."Tab ""ü. X"(id)
);
CREATE TABLE public.measurements (ts date NOT NULL, v int) PARTITION BY RANGE (ts);
CREATE TABLE public.m_2024 PARTITION OF public.measurements
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.m_2025 PARTITION OF public.measurements
    FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE VIEW "Sch ""ë.1"."Vüe" AS SELECT id, "Col ""ö. Y" FROM "Sch ""ë.1"."Tab ""ü. X";
CREATE FUNCTION "Sch ""ë.1"."Fünc"(a int) RETURNS int LANGUAGE sql AS 'SELECT a + 1';
CREATE SEQUENCE public.small_seq AS smallint MAXVALUE 100;
SELECT nextval('public.small_seq') FROM generate_series(1, 40);
CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
CREATE FUNCTION public.trg() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
CREATE TRIGGER t_child BEFORE INSERT ON public.child FOR EACH ROW EXECUTE PROCEDURE public.trg();
ANALYZE;
)SQL";

} // namespace

class tst_CatalogReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listsSchemasWithCountsAndInternalFlag();
    void listsRelationsOfASchemaWithoutPartitions();
    void partitionsSitUnderTheirParentWithBounds();
    void detailsHaveColumnsConstraintsAndComments();
    void foreignKeysBothWays();
    void postgisGeometryTypeAndSrid();
    void sequenceCurrentValueAndHeadroom();
    void viewAndFunctionDefinitions();
    void findsAcrossSchemasWithLiteralWildcards();
    void droppedRelationGivesAShortMessage();
    void previewPagesThroughATable();
    void pgDumpShowsExactlyTheNastyTable();

private:
    template <typename F> auto run(F fn) { return m_session->run(std::move(fn)).result(); }
    quint32 schemaOid(const QString &name);
    quint32 relOid(const QString &schema, const QString &name);

    std::unique_ptr<Session> m_session;
};

void tst_CatalogReader::initTestCase()
{
    STRATA_REQUIRE_SERVER();
    TestServer::createDatabase(kDb);
    // Generated columns from 12 (the matrix runs 10 and 11 too); PostGIS where it is installed.
    QString setup = QString::fromUtf8(kSetup);
    setup.replace(QStringLiteral("DOUBLED"),
        TestServer::serverMajor() >= 12 ? QStringLiteral("GENERATED ALWAYS AS (id * 2) STORED")
                                        : QString());
    if (TestServer::hasPostgis(kDb))
        setup += QStringLiteral("CREATE TABLE public.places (id int PRIMARY KEY, "
                                "geom geometry(Point, 4326), area geometry(MultiPolygon, 3857));");
    const QString err = TestServer::exec(kDb, setup);
    QVERIFY2(err.isEmpty(), qPrintable(err));
    m_session = std::make_unique<Session>(TestServer::profile(kDb));
}

quint32 tst_CatalogReader::schemaOid(const QString &name)
{
    auto r = run([](SessionContext &ctx) { return CatalogReader::schemas(ctx); });
    if (!r)
        return 0;
    for (const SchemaInfo &s : r.value())
        if (s.name == name)
            return s.oid;
    return 0;
}

quint32 tst_CatalogReader::relOid(const QString &schema, const QString &name)
{
    auto r = run([schema, name](SessionContext &ctx) {
        return ctx.execText("SELECT c.oid FROM pg_class c JOIN pg_namespace n "
                            "ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2",
            { schema, name });
    });
    return r && r->rows() ? r->text(0, 0).toUInt() : 0;
}

void tst_CatalogReader::listsSchemasWithCountsAndInternalFlag()
{
    auto r = run([](SessionContext &ctx) { return CatalogReader::schemas(ctx); });
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QHash<QString, SchemaInfo> byName;
    for (const SchemaInfo &s : r.value())
        byName.insert(s.name, s);
    QVERIFY(byName.contains(kSchema));
    QVERIFY(!byName[kSchema].internal);
    QCOMPARE(byName[kSchema].count(CatalogGroup::Tables), 1);
    QCOMPARE(byName[kSchema].count(CatalogGroup::Views), 1);
    QCOMPARE(byName[kSchema].count(CatalogGroup::Functions), 1);
    // identity column's sequence
    QCOMPARE(byName[kSchema].count(CatalogGroup::Sequences), 1);
    QVERIFY(byName[QStringLiteral("pg_catalog")].internal);
    QVERIFY(byName[QStringLiteral("information_schema")].internal);
    QVERIFY(!byName[QStringLiteral("public")].internal);
    // partitions are not counted as tables of public: child, and with PostGIS places and
    // spatial_ref_sys
    QCOMPARE(byName[QStringLiteral("public")].count(CatalogGroup::PartitionedTables), 1);
    QCOMPARE(byName[QStringLiteral("public")].count(CatalogGroup::Tables),
        TestServer::hasPostgis(kDb) ? 3 : 1);
    QVERIFY(byName[QStringLiteral("public")].count(CatalogGroup::Types) >= 1);
    QVERIFY(byName[QStringLiteral("public")].count(CatalogGroup::Extensions) >= 1); // postgis
    QVERIFY(isInternalSchemaName(QStringLiteral("pg_toast_temp_3")));
    QVERIFY(isInternalSchemaName(QStringLiteral("_timescaledb_internal")));
    QVERIFY(isInternalSchemaName(QStringLiteral("tiger_data")));
    QVERIFY(!isInternalSchemaName(kSchema));
}

void tst_CatalogReader::listsRelationsOfASchemaWithoutPartitions()
{
    const quint32 pub = schemaOid(QStringLiteral("public"));
    QVERIFY(pub);
    auto r = run([pub](SessionContext &ctx) {
        return CatalogReader::objects(ctx, pub, CatalogGroup::Tables);
    });
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QStringList names;
    for (const RelationInfo &o : r.value()) {
        names << o.name;
        QCOMPARE(o.kind, ObjectKind::Table);
        QCOMPARE(o.schemaOid, pub);
    }
    const QStringList expected = TestServer::hasPostgis(kDb)
        ? QStringList { "child", "places", "spatial_ref_sys" }
        : QStringList { "child" };
    QCOMPARE(names, expected);
    auto parted = run([pub](SessionContext &ctx) {
        return CatalogReader::objects(ctx, pub, CatalogGroup::PartitionedTables);
    });
    QVERIFY(parted.ok());
    QCOMPARE(parted->size(), 1);
    QCOMPARE(parted->first().name, QStringLiteral("measurements"));
    QCOMPARE(parted->first().partitionCount, 2);

    const quint32 nasty = schemaOid(kSchema);
    auto t = run([nasty](SessionContext &ctx) {
        return CatalogReader::objects(ctx, nasty, CatalogGroup::Tables);
    });
    QVERIFY(t.ok());
    QCOMPARE(t->size(), 1);
    QCOMPARE(t->first().name, kTable);
    QCOMPARE(t->first().estimatedRows, 250);
    QVERIFY(t->first().estimatedBytes > 0);
    auto f = run([nasty](SessionContext &ctx) {
        return CatalogReader::objects(ctx, nasty, CatalogGroup::Functions);
    });
    QVERIFY(f.ok());
    QCOMPARE(f->first().name, QString::fromUtf8("Fünc(a integer)"));
}

void tst_CatalogReader::partitionsSitUnderTheirParentWithBounds()
{
    const quint32 parent = relOid("public", "measurements");
    auto r = run([parent](SessionContext &ctx) { return CatalogReader::partitions(ctx, parent); });
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->size(), 2);
    QCOMPARE(r->at(0).name, QStringLiteral("m_2024"));
    QCOMPARE(r->at(0).parentOid, parent);
    QCOMPARE(r->at(0).partitionBound,
        QStringLiteral("FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"));
    auto d = run(
        [parent](SessionContext &ctx) { return CatalogReader::relationDetails(ctx, parent); });
    QVERIFY(d.ok());
    QCOMPARE(d->kind, ObjectKind::PartitionedTable);
    QCOMPARE(d->partitionKey, QStringLiteral("RANGE (ts)"));
    QCOMPARE(d->partitions.size(), 2);
    // No storage of its own: its sizes are those of its partitions (each has at least a page
    // once a row is in it).
    QVERIFY(TestServer::exec(kDb, "INSERT INTO public.measurements VALUES ('2024-05-01', 1)")
                .isEmpty());
    auto sized = run(
        [parent](SessionContext &ctx) { return CatalogReader::relationDetails(ctx, parent); });
    QVERIFY(sized.ok());
    QVERIFY(sized->heapBytes > 0);
    QVERIFY(sized->totalBytes >= sized->heapBytes + sized->indexBytes + sized->toastBytes);
    const quint32 part = relOid("public", "m_2025");
    auto p = run([part](SessionContext &ctx) { return CatalogReader::relationDetails(ctx, part); });
    QVERIFY(p.ok());
    QVERIFY(p->isPartition);
    QCOMPARE(p->parentOid, parent);
    QCOMPARE(p->parentName, QStringLiteral("public.measurements"));
}

void tst_CatalogReader::detailsHaveColumnsConstraintsAndComments()
{
    const quint32 oid = relOid(kSchema, kTable);
    QVERIFY(oid);
    auto d = run([oid](SessionContext &ctx) { return CatalogReader::relationDetails(ctx, oid); });
    QVERIFY2(d.ok(), qPrintable(d.error().toString()));
    QCOMPARE(d->schema, kSchema);
    QCOMPARE(d->name, kTable);
    QCOMPARE(d->comment, QStringLiteral("nasty table"));
    QCOMPARE(d->owner, QStringLiteral("postgres"));
    QCOMPARE(d->estimatedRows, 250);
    QVERIFY(d->heapBytes > 0);
    QVERIFY(d->indexBytes > 0);
    QVERIFY(d->totalBytes >= d->heapBytes + d->indexBytes);
    QCOMPARE(d->columns.size(), 3);
    QCOMPARE(d->columns[0].identity, QStringLiteral("ALWAYS"));
    QCOMPARE(d->columns[1].name, kColumn);
    QVERIFY(d->columns[1].notNull);
    QCOMPARE(d->columns[1].defaultExpr, QStringLiteral("'x'::text"));
    QCOMPARE(d->columns[1].comment, QStringLiteral("nasty column"));
    if (TestServer::serverMajor() >= 12)
        QCOMPARE(d->columns[2].generated, QStringLiteral("STORED"));
    QCOMPARE(d->constraints.size(), 1); // the primary key (NOT NULL is no pg_constraint row in 15)
    QCOMPARE(d->constraints[0].type, QChar(u'p'));
    QCOMPARE(d->indexes.size(), 1);
    QVERIFY(d->indexes[0].primary);
    QVERIFY(d->indexes[0].definition.contains(QStringLiteral("USING btree (id)")));
}

void tst_CatalogReader::foreignKeysBothWays()
{
    const quint32 nasty = relOid(kSchema, kTable);
    const quint32 child = relOid("public", "child");
    auto n
        = run([nasty](SessionContext &ctx) { return CatalogReader::relationDetails(ctx, nasty); });
    auto c
        = run([child](SessionContext &ctx) { return CatalogReader::relationDetails(ctx, child); });
    QVERIFY(n.ok() && c.ok());
    QCOMPARE(n->references.size(), 0);
    QCOMPARE(n->referencedBy.size(), 1);
    QCOMPARE(n->referencedBy[0].otherSchema, QStringLiteral("public"));
    QCOMPARE(n->referencedBy[0].otherTable, QStringLiteral("child"));
    QCOMPARE(c->references.size(), 1);
    QCOMPARE(c->references[0].otherSchema, kSchema);
    QCOMPARE(c->references[0].otherTable, kTable);
    QVERIFY(c->references[0].definition.contains(QStringLiteral("REFERENCES")));
    QCOMPARE(c->triggers.size(), 1); // the FK's internal triggers are not listed
    QCOMPARE(c->triggers[0].name, QStringLiteral("t_child"));
}

void tst_CatalogReader::postgisGeometryTypeAndSrid()
{
    if (!TestServer::hasPostgis(kDb))
        QSKIP("PostGIS is not installed on this server (the matrix's builds have none).");
    const quint32 oid = relOid("public", "places");
    auto d = run([oid](SessionContext &ctx) { return CatalogReader::relationDetails(ctx, oid); });
    QVERIFY2(d.ok(), qPrintable(d.error().toString()));
    QCOMPARE(d->columns.size(), 3);
    QCOMPARE(d->columns[0].srid, -1);
    QCOMPARE(d->columns[1].geometryType, QStringLiteral("POINT"));
    QCOMPARE(d->columns[1].srid, 4326);
    QCOMPARE(d->columns[2].geometryType, QStringLiteral("MULTIPOLYGON"));
    QCOMPARE(d->columns[2].srid, 3857);
}

void tst_CatalogReader::sequenceCurrentValueAndHeadroom()
{
    const quint32 oid = relOid("public", "small_seq");
    auto d = run([oid](SessionContext &ctx) { return CatalogReader::relationDetails(ctx, oid); });
    QVERIFY2(d.ok(), qPrintable(d.error().toString()));
    QVERIFY(d->sequence.has_value());
    QCOMPARE(d->sequence->dataType, QStringLiteral("smallint"));
    QCOMPARE(d->sequence->lastValue.value_or(-1), 40);
    QCOMPARE(d->sequence->maxValue, 100);
    QCOMPARE(d->sequence->remaining(), 60);
}

void tst_CatalogReader::viewAndFunctionDefinitions()
{
    const quint32 view = relOid(kSchema, QString::fromUtf8("Vüe"));
    auto v = run([view](SessionContext &ctx) {
        return ObjectDdl::serverDefinition(ctx, ObjectKind::View, view);
    });
    QVERIFY2(v.ok(), qPrintable(v.error().toString()));
    QVERIFY2(v->startsWith(QString::fromUtf8("CREATE OR REPLACE VIEW \"Sch \"\"ë.1\".\"Vüe\" AS")),
        qPrintable(v.value()));
    QVERIFY(v->contains(QString::fromUtf8("\"Col \"\"ö. Y\"")));
    auto f = run([](SessionContext &ctx) {
        return ctx.execText(
            QString::fromUtf8("SELECT p.oid FROM pg_proc p WHERE proname = 'Fünc'"));
    });
    const quint32 fn = f->text(0, 0).toUInt();
    auto fd = run([fn](SessionContext &ctx) { return CatalogReader::functionDetails(ctx, fn); });
    QVERIFY(fd.ok());
    QCOMPARE(fd->source, QStringLiteral("SELECT a + 1"));
    QCOMPARE(fd->language, QStringLiteral("sql"));
    QVERIFY(fd->definition.contains(QStringLiteral("CREATE OR REPLACE FUNCTION")));
}

void tst_CatalogReader::findsAcrossSchemasWithLiteralWildcards()
{
    auto r = run([](SessionContext &ctx) {
        return CatalogReader::find(ctx, QString::fromUtf8("ü. x"), 50, false);
    });
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QCOMPARE(r->size(), 2); // the table and its identity column's sequence, shortest first
    QCOMPARE(r->first().name, kTable);
    QCOMPARE(r->first().kind, ObjectKind::Table);
    QCOMPARE(r->at(1).kind, ObjectKind::Sequence);
    QCOMPARE(r->first().schemaName, kSchema);
    auto part
        = run([](SessionContext &ctx) { return CatalogReader::find(ctx, "m_2024", 50, false); });
    QVERIFY(part.ok());
    QCOMPARE(part->size(), 1);
    QCOMPARE(part->first().ancestorPath.size(), 2);
    QCOMPARE(part->first().ancestorPath.first(), relOid("public", "measurements"));
    QCOMPARE(part->first().ancestorPath.last(), part->first().oid);
    // "_" is literal: m_2024 and m_2025 match "m_", "measurements" does not.
    auto us = run([](SessionContext &ctx) { return CatalogReader::find(ctx, "m_", 50, false); });
    QVERIFY(us.ok());
    for (const FindMatch &m : us.value())
        QVERIFY2(m.name.contains(QStringLiteral("m_")), qPrintable(m.name));
    auto limited = run([](SessionContext &ctx) { return CatalogReader::find(ctx, "a", 3, true); });
    QVERIFY(limited.ok());
    QCOMPARE(limited->size(), 3);
    auto noInternal
        = run([](SessionContext &ctx) { return CatalogReader::find(ctx, "pg_class", 10, false); });
    QVERIFY(noInternal.ok());
    QCOMPARE(noInternal->size(), 0);
}

void tst_CatalogReader::droppedRelationGivesAShortMessage()
{
    QVERIFY(TestServer::exec(kDb, "CREATE TABLE public.doomed (x int)").isEmpty());
    const quint32 oid = relOid("public", "doomed");
    QVERIFY(TestServer::exec(kDb, "DROP TABLE public.doomed").isEmpty());
    auto d = run([oid](SessionContext &ctx) { return CatalogReader::relationDetails(ctx, oid); });
    QVERIFY(!d.ok());
    QVERIFY(d.error().message.contains(QStringLiteral("no longer exists")));
    QVERIFY(d.error().hint.contains(QStringLiteral("Refresh")));
    auto c = run([oid](SessionContext &ctx) { return CatalogReader::relationCounts(ctx, oid); });
    QVERIFY(!c.ok());
    auto p = run([](SessionContext &ctx) {
        return PreviewReader::page(ctx, "public", "doomed", ObjectKind::Table, {}, 10);
    });
    QVERIFY(!p.ok());
    QVERIFY(p.error().message.contains(QStringLiteral("no longer exists")));
}

void tst_CatalogReader::previewPagesThroughATable()
{
    QList<QVector<QString>> all;
    PreviewCursor cursor;
    QStringList columns;
    for (int guard = 0; guard < 10; ++guard) {
        auto p = run([cursor](SessionContext &ctx) {
            return PreviewReader::page(ctx, kSchema, kTable, ObjectKind::Table, cursor, 100);
        });
        QVERIFY2(p.ok(), qPrintable(p.error().toString()));
        columns = p->columns;
        all += p->rows;
        cursor.afterCtid = p->nextCtid;
        cursor.offset = p->nextOffset;
        if (p->atEnd)
            break;
    }
    QCOMPARE(columns, (QStringList { "id", kColumn, "doubled" }));
    QCOMPARE(all.size(), 250);
    QSet<QString> ids;
    for (const auto &row : all)
        ids.insert(row[0]);
    QCOMPARE(ids.size(), 250); // no row twice across pages
    // A view pages by offset.
    auto v = run([](SessionContext &ctx) {
        return PreviewReader::page(ctx, kSchema, QString::fromUtf8("Vüe"), ObjectKind::View,
            PreviewCursor { {}, 240 }, 100);
    });
    QVERIFY2(v.ok(), qPrintable(v.error().toString()));
    QCOMPARE(v->rows.size(), 10);
    QVERIFY(v->atEnd);
}

void tst_CatalogReader::pgDumpShowsExactlyTheNastyTable()
{
    QCOMPARE(ObjectDdl::exactTablePattern("a\"b", "c.d"), QStringLiteral("\"a\"\"b\".\"c.d\""));
    ObjectDdl::DumpRequest req;
    req.profile = TestServer::profile(kDb);
    req.serverMajor = TestServer::serverMajor();
    req.schema = kSchema;
    req.name = kTable;
    req.preferredBinDir = TestServer::binDir();
    auto r = ObjectDdl::dumpRelation(req);
    if (TestServer::serverMajor() > 15) {
        // Debian's pg_dump 15 cannot dump a newer server: the message says what to install.
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(
                     QStringLiteral("postgresql-client-%1").arg(TestServer::serverMajor()))
                || r.error().hint.contains(
                    QStringLiteral("postgresql-client-%1").arg(TestServer::serverMajor())),
            qPrintable(r.error().toString()));
        return;
    }
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    QVERIFY2(r->contains(QString::fromUtf8("CREATE TABLE \"Sch \"\"ë.1\".\"Tab \"\"ü. X\"")),
        qPrintable(r.value()));
    QVERIFY(r->contains(QString::fromUtf8("\"Col \"\"ö. Y\" text")));
    QVERIFY(!r->contains(QStringLiteral("CREATE TABLE public.child")));
    QVERIFY(!r->contains(QStringLiteral("SET statement_timeout")));
    req.serverMajor = 99;
    auto tooNew = ObjectDdl::dumpRelation(req);
    QVERIFY(!tooNew.ok());
    QVERIFY(tooNew.error().message.contains(QStringLiteral("cannot dump")));
}

QTEST_GUILESS_MAIN(tst_CatalogReader)
#include "tst_catalogreader.moc"
