#include "catalog/catalogloader.h"
#include "db/session.h"
#include "icons.h"
#include "schema/schematreemodel.h"
#include "testserver.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace strata::core;
using strata::models::SchemaTreeModel;
using strata::test::TestServer;
namespace models = strata::models;
using Node = strata::models::SchemaTreeNode;

namespace {

const char *kDb = "tst_schematreemodel";
const QString kSchema = QString::fromUtf8("Sch \"ë.1");
const QString kTable = QString::fromUtf8("Tab \"ü. X");
const QString kColumn = QString::fromUtf8("Col \"ö. Y");

const char *kSetup = R"SQL(
CREATE SCHEMA "Sch ""ë.1";
CREATE TABLE "Sch ""ë.1"."Tab ""ü. X" (id int PRIMARY KEY, "Col ""ö. Y" text);
CREATE TABLE "Sch ""ë.1".other (id int);
CREATE SCHEMA many;
DO $$ BEGIN
  FOR i IN 1..1200 LOOP
    EXECUTE format('CREATE TABLE many.t%s (id int)', lpad(i::text, 4, '0'));
  END LOOP;
END $$;
CREATE TABLE public.measurements (ts date NOT NULL, v int) PARTITION BY RANGE (ts);
CREATE TABLE public.m_2024 PARTITION OF public.measurements
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.m_2025 PARTITION OF public.measurements
    FOR VALUES FROM ('2025-01-01') TO ('2026-01-01') PARTITION BY LIST (v);
CREATE TABLE public.m_2025_a PARTITION OF public.m_2025 FOR VALUES IN (1);
)SQL";

} // namespace

class tst_SchemaTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void loadsLazilyWithCountsAndNastyNames();
    void passesTheModelTesterWhileLoadingEverything();
    void insertsLongListsInBatches();
    void partitionsSitUnderTheirParent();
    void internalSchemasFollowTheToggle();
    void refreshKeepsRowsAndPicksUpChanges();
    void staleResultsAreDropped();
    void revealLoadsThePathToAPartition();
    void timedOutReadLeavesTheTreeUsable();
    void cancelledReadLeavesTheTreeUsable();
    void droppedRelationGivesAShortMessage();
    void functionsProceduresAndAggregatesHaveTheirIcons();

private:
    bool waitIdle(int ms = 15000);
    QModelIndex child(const QModelIndex &parent, const QString &name);
    QModelIndex expand(const QModelIndex &index);
    QModelIndex path(const QStringList &names);

    std::shared_ptr<Session> m_session;
    std::unique_ptr<SchemaTreeModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QTreeView> m_view;
};

void tst_SchemaTreeModel::initTestCase()
{
    STRATA_REQUIRE_SERVER();
    TestServer::createDatabase(kDb);
    const QString err = TestServer::exec(kDb, QString::fromUtf8(kSetup));
    QVERIFY2(err.isEmpty(), qPrintable(err));
}

void tst_SchemaTreeModel::init()
{
    SessionOptions opts;
    opts.statementTimeoutMs = 2000;
    m_session = std::make_shared<Session>(TestServer::profile(kDb), QString(), opts);
    m_model = std::make_unique<SchemaTreeModel>();
    m_view = std::make_unique<QTreeView>();
    m_view->setUniformRowHeights(true);
    m_view->setModel(m_model.get());
    m_view->resize(400, 600);
    m_view->show();
    m_model->setLoader(std::make_shared<CatalogLoader>(m_session), QStringLiteral("test server"));
}

void tst_SchemaTreeModel::cleanup()
{
    m_view.reset();
    m_tester.reset();
    m_model.reset();
    m_session.reset();
}

bool tst_SchemaTreeModel::waitIdle(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        QTest::qWait(10);
        if (!m_model->isBusy())
            return true;
    }
    return false;
}

static qint64 iconKey(const QModelIndex &index)
{
    return qvariant_cast<QIcon>(index.data(Qt::DecorationRole)).cacheKey();
}

QModelIndex tst_SchemaTreeModel::child(const QModelIndex &parent, const QString &name)
{
    for (int r = 0; r < m_model->rowCount(parent); ++r) {
        const QModelIndex i = m_model->index(r, 0, parent);
        if (i.data(SchemaTreeModel::NameRole).toString() == name || i.data().toString() == name
            || i.data().toString().startsWith(name + QStringLiteral(" (")))
            return i;
    }
    return {};
}

QModelIndex tst_SchemaTreeModel::expand(const QModelIndex &index)
{
    m_view->expand(index); // the view calls fetchMore
    if (m_model->canFetchMore(index))
        m_model->fetchMore(index);
    waitIdle();
    return index;
}

QModelIndex tst_SchemaTreeModel::path(const QStringList &names)
{
    QModelIndex at = m_model->serverIndex();
    expand(at);
    for (const QString &n : names) {
        at = child(at, n);
        if (!at.isValid())
            return {};
        expand(at);
    }
    return at;
}

void tst_SchemaTreeModel::loadsLazilyWithCountsAndNastyNames()
{
    QCOMPARE(m_model->rowCount(), 1);
    const QModelIndex server = m_model->serverIndex();
    QVERIFY(m_model->hasChildren(server));
    QCOMPARE(m_model->rowCount(server), 0); // nothing read yet
    expand(server);
    const QModelIndex db = child(server, kDb);
    QVERIFY(db.isValid());
    QCOMPARE(db, m_model->databaseIndex());
    const QModelIndex postgres = child(server, QStringLiteral("postgres"));
    QVERIFY(postgres.isValid());
    QVERIFY(!m_model->hasChildren(postgres)); // only the connected database opens
    expand(db);
    const QModelIndex schema = child(db, kSchema);
    QVERIFY(schema.isValid());
    QCOMPARE(schema.data().toString(), kSchema + QStringLiteral(" (2)")); // two tables
    expand(schema);
    const QModelIndex tables = child(schema, QStringLiteral("Tables"));
    QCOMPARE(tables.data().toString(), QStringLiteral("Tables (2)"));
    expand(tables);
    const QModelIndex table = child(tables, kTable);
    QVERIFY(table.isValid());
    QCOMPARE(table.data(SchemaTreeModel::QualifiedNameRole).toString(),
        QString::fromUtf8("\"Sch \"\"ë.1\".\"Tab \"\"ü. X\""));
    expand(table);
    const QModelIndex cols = child(table, QStringLiteral("Columns"));
    QCOMPARE(cols.data().toString(), QStringLiteral("Columns (2)"));
    QVERIFY(child(table, QStringLiteral("Indexes")).isValid());
    QVERIFY(child(table, QStringLiteral("Constraints")).isValid());
    expand(cols);
    QCOMPARE(m_model->rowCount(cols), 2);
    QCOMPARE(m_model->index(1, 0, cols).data(SchemaTreeModel::NameRole).toString(), kColumn);
    QCOMPARE(m_model->index(0, 0, cols).data().toString(), QStringLiteral("id  integer not null"));
}

void tst_SchemaTreeModel::passesTheModelTesterWhileLoadingEverything()
{
    // The tester fetches every node it can, so it walks the whole tree of a small database
    // (nasty names, partitions, sub-partitions) while rows arrive in batches and refreshes run.
    const char *small = "tst_schematreemodel_small";
    TestServer::createDatabase(small);
    QString setup = QString::fromUtf8(kSetup);
    setup.replace(QStringLiteral("1..1200"), QStringLiteral("1..30"));
    QVERIFY(TestServer::exec(small, setup).isEmpty());
    auto session = std::make_shared<Session>(TestServer::profile(small));
    SchemaTreeModel model;
    model.setBatchSize(7);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setLoader(std::make_shared<CatalogLoader>(session), QStringLiteral("server"));
    QTRY_VERIFY_WITH_TIMEOUT(!model.isBusy(), 60000);
    const QModelIndex db = model.databaseIndex();
    QVERIFY(db.isValid());
    QVERIFY(model.rowCount(db) >= 3);
    model.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!model.isBusy(), 60000);
    model.setShowInternal(true);
    model.setShowInternal(false);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isBusy(), 60000);
    QVERIFY(model.rowCount(db) >= 3);
}

void tst_SchemaTreeModel::insertsLongListsInBatches()
{
    m_model->setBatchSize(100);
    const QModelIndex schema = path({ kDb, QStringLiteral("many") });
    QVERIFY(schema.isValid());
    QCOMPARE(schema.data().toString(), QStringLiteral("many (1,200)"));
    const QModelIndex tables = child(schema, QStringLiteral("Tables"));
    QCOMPARE(tables.data().toString(), QStringLiteral("Tables (1,200)"));
    QSignalSpy inserted(m_model.get(), &SchemaTreeModel::rowsInserted);
    int turnsSeen = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, [&] { ++turnsSeen; });
    ticker.start(0);
    m_model->fetchMore(tables);
    QVERIFY(waitIdle());
    ticker.stop();
    QCOMPARE(m_model->rowCount(tables), 1200);
    QCOMPARE(inserted.size(), 12);
    for (const auto &args : inserted)
        QCOMPARE(args.at(2).toInt() - args.at(1).toInt() + 1, 100);
    QVERIFY(turnsSeen >= 12); // the event loop ran between batches
    QCOMPARE(m_model->index(0, 0, tables).data().toString(), QStringLiteral("t0001"));
    QCOMPARE(m_model->index(1199, 0, tables).data().toString(), QStringLiteral("t1200"));
    // One icon per kind, shared by every row (the cache key of the same QIcon).
    const qint64 tableIcon = models::icons::icon(models::icons::Icon::Table).cacheKey();
    for (int row : { 0, 600, 1199 })
        QCOMPARE(iconKey(m_model->index(row, 0, tables)), tableIcon);
    QCOMPARE(iconKey(tables), models::icons::icon(models::icons::Icon::Folder).cacheKey());
    QCOMPARE(iconKey(schema), models::icons::icon(models::icons::Icon::Schema).cacheKey());
}

void tst_SchemaTreeModel::partitionsSitUnderTheirParent()
{
    const QModelIndex pub = path({ kDb, QStringLiteral("public") });
    const QModelIndex tables = child(pub, QStringLiteral("Tables"));
    expand(tables);
    QVERIFY(!child(tables, QStringLiteral("m_2024")).isValid());
    const QModelIndex parted = child(pub, QStringLiteral("Partitioned tables"));
    QCOMPARE(parted.data().toString(), QStringLiteral("Partitioned tables (1)"));
    expand(parted);
    const QModelIndex parent = child(parted, QStringLiteral("measurements"));
    QCOMPARE(parent.data().toString(), QStringLiteral("measurements (2 partitions)"));
    expand(parent);
    const QModelIndex parts = child(parent, QStringLiteral("Partitions"));
    QCOMPARE(parts.data().toString(), QStringLiteral("Partitions (2)"));
    expand(parts);
    QCOMPARE(m_model->rowCount(parts), 2);
    const QModelIndex p2024 = child(parts, QStringLiteral("m_2024"));
    QCOMPARE(p2024.data(SchemaTreeModel::ParentOidRole).toUInt(),
        parent.data(SchemaTreeModel::OidRole).toUInt());
    QVERIFY(p2024.data(SchemaTreeModel::DetailRole).toString().startsWith("FOR VALUES FROM"));
    using models::icons::Icon;
    QCOMPARE(iconKey(p2024), models::icons::icon(Icon::Partition).cacheKey());
    QCOMPARE(iconKey(parent), models::icons::icon(Icon::PartitionedTable).cacheKey());
    QVERIFY(!models::icons::icon(Icon::Partition).pixmap(16, 16).isNull()); // the bundled SVG
}

void tst_SchemaTreeModel::internalSchemasFollowTheToggle()
{
    const QModelIndex db = path({ kDb });
    QVERIFY(!child(db, QStringLiteral("pg_catalog")).isValid());
    QVERIFY(!child(db, QStringLiteral("information_schema")).isValid());
    const QPersistentModelIndex pub = child(db, QStringLiteral("public"));
    QVERIFY(pub.isValid());
    m_model->setShowInternal(true);
    QVERIFY(waitIdle());
    QVERIFY(child(db, QStringLiteral("pg_catalog")).isValid());
    QVERIFY(pub.isValid()); // kept across the refresh
    m_model->setShowInternal(false);
    QVERIFY(waitIdle());
    QVERIFY(!child(db, QStringLiteral("pg_catalog")).isValid());
    QVERIFY(pub.isValid());
}

void tst_SchemaTreeModel::refreshKeepsRowsAndPicksUpChanges()
{
    const QModelIndex tables = path({ kDb, kSchema, QStringLiteral("Tables") });
    const QPersistentModelIndex table = child(tables, kTable);
    QVERIFY(table.isValid());
    expand(table);
    m_view->setCurrentIndex(table);
    QVERIFY(m_view->isExpanded(table));
    QVERIFY(TestServer::exec(kDb,
        QString::fromUtf8("CREATE TABLE \"Sch \"\"ë.1\".\"Néw\" (x int); "
                          "DROP TABLE \"Sch \"\"ë.1\".other"))
                .isEmpty());
    m_model->refresh();
    QVERIFY(waitIdle());
    QVERIFY(table.isValid());
    QCOMPARE(table.data(SchemaTreeModel::NameRole).toString(), kTable);
    QVERIFY(m_view->isExpanded(table));
    QCOMPARE(m_view->currentIndex(), QModelIndex(table));
    QVERIFY(child(tables, QString::fromUtf8("Néw")).isValid());
    QVERIFY(!child(tables, QStringLiteral("other")).isValid());
    QCOMPARE(QModelIndex(tables).data().toString(), QStringLiteral("Tables (2)"));
    QVERIFY(TestServer::exec(kDb,
        QString::fromUtf8("DROP TABLE \"Sch \"\"ë.1\".\"Néw\"; "
                          "CREATE TABLE \"Sch \"\"ë.1\".other (id int)"))
                .isEmpty());
}

void tst_SchemaTreeModel::staleResultsAreDropped()
{
    const QModelIndex tables = path({ kDb, QStringLiteral("many"), QStringLiteral("Tables") });
    QCOMPARE(m_model->rowCount(tables), 1200);
    m_model->refresh(tables);
    m_model->refresh(tables);
    m_model->refresh(tables);
    QVERIFY(waitIdle());
    QCOMPARE(m_model->rowCount(tables), 1200);
}

void tst_SchemaTreeModel::revealLoadsThePathToAPartition()
{
    CatalogLoader loader(m_session);
    auto found = loader.find(QStringLiteral("m_2025_a"), 10, false).result();
    QVERIFY2(found.ok(), qPrintable(found.error().toString()));
    QCOMPARE(found->size(), 1);
    QSignalSpy revealed(m_model.get(), &SchemaTreeModel::revealed);
    m_model->reveal(found->first());
    QTRY_COMPARE_WITH_TIMEOUT(revealed.size(), 1, 15000);
    const QModelIndex at = revealed.first().first().toModelIndex();
    QCOMPARE(at.data(SchemaTreeModel::NameRole).toString(), QStringLiteral("m_2025_a"));
    QCOMPARE(
        at.parent().parent().data(SchemaTreeModel::NameRole).toString(), QStringLiteral("m_2025"));

    auto nasty = loader.find(QString::fromUtf8("ü. x"), 10, false).result();
    QVERIFY(nasty.ok() && !nasty->isEmpty());
    m_model->reveal(nasty->first());
    QTRY_COMPARE_WITH_TIMEOUT(revealed.size(), 2, 15000);
    QCOMPARE(
        revealed.at(1).first().toModelIndex().data(SchemaTreeModel::NameRole).toString(), kTable);
}

namespace {

// Holds an exclusive lock on pg_inherits, so reading partitions waits.
struct CatalogLock
{
    Session session;
    CatalogLock()
        : session(TestServer::profile(kDb), {}, [] {
              SessionOptions o;
              o.readOnly = false;
              o.statementTimeoutMs = 0;
              return o;
          }())
    {
    }
    bool take()
    {
        return session
            .run([](SessionContext &ctx) {
                return ctx.execScript("BEGIN; LOCK TABLE pg_catalog.pg_inherits IN "
                                      "ACCESS EXCLUSIVE MODE;");
            })
            .result()
            .ok();
    }
    void release()
    {
        session.run([](SessionContext &ctx) { return ctx.execScript("ROLLBACK"); })
            .waitForFinished();
    }
};

} // namespace

void tst_SchemaTreeModel::timedOutReadLeavesTheTreeUsable()
{
    const QModelIndex parent = path({ kDb, QStringLiteral("public"),
        QStringLiteral("Partitioned tables"), QStringLiteral("measurements") });
    const QPersistentModelIndex parts = child(parent, QStringLiteral("Partitions"));
    QVERIFY(parts.isValid());
    CatalogLock lock;
    QVERIFY(lock.take());
    QSignalSpy failed(m_model.get(), &SchemaTreeModel::loadFailed);
    m_model->fetchMore(parts);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    lock.release();
    QVERIFY(failed.first().at(1).toString().contains(QStringLiteral("statement timeout")));
    QVERIFY(parts.data().toString().endsWith(QStringLiteral("(could not load)")));
    QCOMPARE(m_model->rowCount(parts), 0);
    // The rest still works, and the failed node loads when retried.
    QVERIFY(path({ kDb, kSchema, QStringLiteral("Tables") }).isValid());
    m_model->refresh(parts);
    QVERIFY(waitIdle());
    QCOMPARE(m_model->rowCount(parts), 2);
}

void tst_SchemaTreeModel::cancelledReadLeavesTheTreeUsable()
{
    const QModelIndex parent = path({ kDb, QStringLiteral("public"),
        QStringLiteral("Partitioned tables"), QStringLiteral("measurements") });
    const QPersistentModelIndex parts = child(parent, QStringLiteral("Partitions"));
    CatalogLock lock;
    QVERIFY(lock.take());
    QSignalSpy failed(m_model.get(), &SchemaTreeModel::loadFailed);
    m_model->fetchMore(parts);
    // The read is waiting for the lock: a cancel now interrupts a running statement.
    QTRY_COMPARE_WITH_TIMEOUT(TestServer::scalar(QStringLiteral("postgres"),
                                  QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE "
                                                 "datname = '%1' AND wait_event_type = 'Lock'")
                                      .arg(kDb)),
        QStringLiteral("1"), 10000);
    m_model->loader()->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    lock.release();
    QVERIFY2(failed.first().at(1).toString().contains(QStringLiteral("Cancel")),
        qPrintable(failed.first().at(1).toString()));
    m_model->refresh(parts);
    QVERIFY(waitIdle());
    QCOMPARE(m_model->rowCount(parts), 2);
}

void tst_SchemaTreeModel::droppedRelationGivesAShortMessage()
{
    QVERIFY(TestServer::exec(kDb, "CREATE TABLE public.doomed (x int)").isEmpty());
    const QModelIndex tables = path({ kDb, QStringLiteral("public"), QStringLiteral("Tables") });
    const QModelIndex doomed = child(tables, QStringLiteral("doomed"));
    QVERIFY(doomed.isValid());
    QVERIFY(TestServer::exec(kDb, "DROP TABLE public.doomed").isEmpty());
    QSignalSpy failed(m_model.get(), &SchemaTreeModel::loadFailed);
    m_model->fetchMore(doomed);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    const QString msg = failed.first().at(1).toString();
    QVERIFY2(msg.contains(QStringLiteral("no longer exists")), qPrintable(msg));
    QVERIFY(msg.size() < 200);
    m_model->refresh(tables);
    QVERIFY(waitIdle());
    QVERIFY(!child(tables, QStringLiteral("doomed")).isValid());
}

void tst_SchemaTreeModel::functionsProceduresAndAggregatesHaveTheirIcons()
{
    if (TestServer::serverMajor() < 11)
        QSKIP("procedures came in PostgreSQL 11");
    QVERIFY(TestServer::exec(kDb,
        "CREATE SCHEMA IF NOT EXISTS routines;"
        "CREATE OR REPLACE FUNCTION routines.f() RETURNS int LANGUAGE sql AS 'SELECT 1';"
        "CREATE OR REPLACE PROCEDURE routines.p() LANGUAGE sql AS 'SELECT 1';"
        "CREATE OR REPLACE AGGREGATE routines.a(int) (SFUNC = int4pl, STYPE = int);")
                .isEmpty());
    const QModelIndex functions
        = path({ kDb, QStringLiteral("routines"), QStringLiteral("Functions") });
    QVERIFY(functions.isValid());
    using models::icons::Icon;
    QCOMPARE(iconKey(child(functions, "f")), models::icons::icon(Icon::Function).cacheKey());
    QCOMPARE(iconKey(child(functions, "p")), models::icons::icon(Icon::Procedure).cacheKey());
    QCOMPARE(iconKey(child(functions, "a")), models::icons::icon(Icon::Aggregate).cacheKey());
}

QTEST_MAIN(tst_SchemaTreeModel)
#include "tst_schematreemodel.moc"
