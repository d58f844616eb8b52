// strata-bench schema-tree: the schema tree on a large catalog, with a real QTreeView attached.
// strata-bench schema-tree-setup: makes that catalog (see README-schema.md).
#include "bench.h"

#include "catalog/catalogloader.h"
#include "catalog/catalogreader.h"
#include "db/session.h"
#include "schema/schematreemodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <QTreeView>

using namespace strata::core;
using strata::models::SchemaTreeModel;

namespace {

Result<ConnectionProfile> profileFrom(const QStringList &args, const char *usage)
{
    if (args.isEmpty()) {
        std::fprintf(stderr, "usage: %s\n", usage);
        return Error(Error::Kind::InvalidInput, QStringLiteral("no CONNINFO"));
    }
    return ConnectionProfile::fromConnInfo(args.first());
}

// Watches the event loop: a 1 ms precise timer records the longest gap between two of its
// turns, i.e. the longest time the GUI thread was busy with something else.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const double gap = m_clock.nsecsElapsed() / 1e6;
            m_max = std::max(m_max, gap);
            m_clock.restart();
        });
    }
    void start()
    {
        m_clock.start();
        m_timer.start();
    }
    double maxMs() const { return m_max; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_max = 0;
};

int benchSchemaTree(const QStringList &args)
{
    auto profile = profileFrom(args, "strata-bench schema-tree CONNINFO");
    if (!profile)
        return 2;
    StallMeter stall;
    stall.start();
    QElapsedTimer total;
    total.start();

    auto session = std::make_shared<Session>(profile.value());
    auto loader = std::make_shared<CatalogLoader>(session);
    SchemaTreeModel model;
    model.setBatchSize(qEnvironmentVariableIntValue("STRATA_TREE_BATCH") > 0
            ? qEnvironmentVariableIntValue("STRATA_TREE_BATCH")
            : 1000);
    QTreeView view;
    view.setUniformRowHeights(true);
    view.setHeaderHidden(true);
    view.setModel(&model);
    view.resize(500, 900);
    view.show();
    model.setLoader(loader, profile->displayTarget());

    enum class Step { Server, Database, Schema, Group, Find, Done } step = Step::Server;
    QPersistentModelIndex largest, group;
    QElapsedTimer phase;
    double bareMs = 0; // the bare catalog query, for the ratio
    int rc = 0;
    auto fail = [&](const QString &msg) {
        std::fprintf(stderr, "schema-tree: %s\n", qPrintable(msg));
        rc = 1;
        QCoreApplication::exit(1);
    };

    QObject::connect(&model, &SchemaTreeModel::loadFailed, &model,
        [&](const QModelIndex &, const QString &msg) { fail(msg); });
    QObject::connect(&model, &SchemaTreeModel::nodeLoaded, &model, [&](const QModelIndex &idx) {
        switch (step) {
        case Step::Server:
            if (idx == model.serverIndex()) {
                step = Step::Database;
                view.expand(model.databaseIndex());
            }
            break;
        case Step::Database: {
            if (idx != model.databaseIndex())
                break;
            strata::bench::report(QStringLiteral("tree.connect_to_first_rows_ms"),
                total.nsecsElapsed() / 1e6, QStringLiteral("ms"));
            qint64 best = -1;
            for (int r = 0; r < model.rowCount(idx); ++r) {
                const QModelIndex s = model.index(r, 0, idx);
                const auto *n = model.nodeAt(s);
                if (n->count > best) {
                    best = n->count;
                    largest = s;
                }
            }
            if (!largest.isValid())
                return fail(QStringLiteral("no schema found"));
            // The bare catalog query for the same list, through libpq, for comparison.
            const quint32 oid = largest.data(SchemaTreeModel::OidRole).toUInt();
            // Three times, the middle one: a single run on a shared machine varies 2-5x.
            session
                ->run([oid](SessionContext &ctx) -> Result<double> {
                    QList<double> ms;
                    for (int i = 0; i < 3; ++i) {
                        QElapsedTimer t;
                        t.start();
                        auto r = ctx.exec(QStringLiteral("catalog/relations"),
                            { QString::number(oid), QStringLiteral("r") });
                        if (!r)
                            return r.error();
                        ms << t.nsecsElapsed() / 1e6;
                    }
                    std::sort(ms.begin(), ms.end());
                    return ms.at(1);
                })
                .then(&model, [&](Result<double> bare) {
                    if (!bare)
                        return fail(bare.error().toString());
                    strata::bench::report(QStringLiteral("catalog.list_largest_schema_ms"),
                        bare.value(), QStringLiteral("ms"));
                    bareMs = bare.value();
                    step = Step::Schema;
                    phase.start();
                    view.expand(largest);
                });
            break;
        }
        case Step::Schema:
            if (idx != largest)
                break;
            strata::bench::report(QStringLiteral("tree.open_largest_schema_groups_ms"),
                phase.nsecsElapsed() / 1e6, QStringLiteral("ms"));
            group = model.index(0, 0, largest); // Tables
            step = Step::Group;
            phase.restart();
            view.expand(group);
            break;
        case Step::Group: {
            if (idx != group)
                break;
            strata::bench::report(QStringLiteral("tree.expand_largest_schema_ms"),
                phase.nsecsElapsed() / 1e6, QStringLiteral("ms"));
            if (bareMs > 0)
                strata::bench::report(QStringLiteral("tree.expand_to_catalog_list_ratio"),
                    phase.nsecsElapsed() / 1e6 / bareMs, QStringLiteral("x"));
            strata::bench::report(QStringLiteral("tree.largest_schema_rows"), model.rowCount(group),
                QStringLiteral("rows"));
            view.scrollTo(model.index(model.rowCount(group) - 1, 0, group));
            step = Step::Find;
            phase.restart();
            // A name that only partitions and the last tables carry: searched in every schema.
            loader->find(QStringLiteral("p_1999"), 50, false)
                .then(&model, [&](Result<QList<FindMatch>> r) {
                    if (!r)
                        return fail(r.error().toString());
                    strata::bench::report(QStringLiteral("tree.find_ms"),
                        phase.nsecsElapsed() / 1e6, QStringLiteral("ms"));
                    if (r->isEmpty()) {
                        step = Step::Done;
                        QTimer::singleShot(100, qApp, [] { QCoreApplication::exit(0); });
                        return;
                    }
                    phase.restart();
                    model.reveal(r->first());
                });
            break;
        }
        default:
            break;
        }
    });
    QObject::connect(&model, &SchemaTreeModel::revealed, &model, [&](const QModelIndex &idx) {
        view.scrollTo(idx);
        view.setCurrentIndex(idx);
        strata::bench::report(QStringLiteral("tree.find_reveal_ms"), phase.nsecsElapsed() / 1e6,
            QStringLiteral("ms"));
        step = Step::Done;
        // Let a few more frames run so a late stall would still be seen.
        QTimer::singleShot(100, qApp, [] { QCoreApplication::exit(0); });
    });
    QObject::connect(
        &model, &SchemaTreeModel::revealFailed, &model, [&](const QString &msg) { fail(msg); });
    view.expand(model.serverIndex());
    QTimer::singleShot(300000, qApp, [&] { fail(QStringLiteral("did not finish in 5 minutes")); });
    QCoreApplication::exec();
    if (rc == 0) {
        strata::bench::report(
            QStringLiteral("gui.max_stall_ms"), stall.maxMs(), QStringLiteral("ms"));
        strata::bench::report(
            QStringLiteral("rss_mb"), strata::bench::rssMb(), QStringLiteral("MB"));
    }
    return rc;
}

// 50,000 tables in one schema, a table with 2,000 partitions, 20 schemas of 1,000 tables with
// primary keys. Committed in chunks: one transaction would need a lock per table.
int benchSchemaTreeSetup(const QStringList &args)
{
    auto profile = profileFrom(args, "strata-bench schema-tree-setup CONNINFO");
    if (!profile)
        return 2;
    SessionOptions opts;
    opts.readOnly = false;
    opts.statementTimeoutMs = 0;
    Session session(profile.value(), {}, opts);
    const QStringList steps {
        QStringLiteral("CREATE SCHEMA IF NOT EXISTS big"),
        QStringLiteral("DO $$ BEGIN FOR i IN 1..50000 LOOP "
                       "EXECUTE format('CREATE TABLE IF NOT EXISTS big.t%s (id int, v text)', "
                       "lpad(i::text, 5, '0')); "
                       "IF i % 500 = 0 THEN COMMIT; END IF; END LOOP; END $$"),
        QStringLiteral("CREATE SCHEMA IF NOT EXISTS parted"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS parted.events (k int NOT NULL, v text) "
                       "PARTITION BY RANGE (k)"),
        QStringLiteral("DO $$ BEGIN FOR i IN 0..1999 LOOP "
                       "EXECUTE format('CREATE TABLE IF NOT EXISTS parted.p_%s PARTITION OF "
                       "parted.events FOR VALUES FROM (%s) TO (%s)', lpad(i::text, 4, '0'), "
                       "i * 1000, (i + 1) * 1000); "
                       "IF i % 200 = 0 THEN COMMIT; END IF; END LOOP; END $$"),
        QStringLiteral("DO $$ BEGIN FOR s IN 1..20 LOOP "
                       "EXECUTE format('CREATE SCHEMA IF NOT EXISTS s%s', lpad(s::text, 2, '0')); "
                       "FOR i IN 1..1000 LOOP "
                       "EXECUTE format('CREATE TABLE IF NOT EXISTS s%s.t%s (id int PRIMARY KEY, "
                       "v text)', lpad(s::text, 2, '0'), lpad(i::text, 4, '0')); "
                       "IF i % 500 = 0 THEN COMMIT; END IF; END LOOP; END LOOP; END $$"),
        QStringLiteral("ANALYZE pg_catalog.pg_class"),
    };
    QElapsedTimer t;
    t.start();
    for (const QString &sql : steps) {
        auto r = session.run([sql](SessionContext &ctx) { return ctx.execScript(sql); }).result();
        if (!r) {
            std::fprintf(stderr, "schema-tree-setup: %s\n", qPrintable(r.error().toString()));
            return 1;
        }
    }
    strata::bench::report(
        QStringLiteral("setup.large_catalog_s"), t.elapsed() / 1000.0, QStringLiteral("s"));
    return 0;
}

} // namespace

STRATA_BENCH("schema-tree", "schema-tree CONNINFO", benchSchemaTree);
STRATA_BENCH("schema-tree-setup", "schema-tree-setup CONNINFO", benchSchemaTreeSetup);
