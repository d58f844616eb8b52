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

#include <algorithm>
#include <optional>
#include <utility>

#include <time.h>

using namespace strata::core;
using strata::models::SchemaTreeModel;

namespace {

void report(const QString &name, double value, const char *unit)
{
    strata::bench::report(name, value, QString::fromLatin1(unit));
}

double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

// Watches the event loop: a 1 ms precise timer records the longest gap between two of its
// turns, i.e. the longest time the GUI thread was busy with something else, and how much CPU
// the GUI thread itself used in that gap (a long gap that used little CPU was the scheduler
// giving the core to another process of this shared machine, not work of the GUI thread).
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const double gap = m_clock.nsecsElapsed() / 1e6;
            const double cpu = threadCpuMs() - m_cpu;
            if (gap > m_max) {
                m_max = gap;
                m_maxCpuInLongest = cpu;
            }
            if (gap > m_phaseMax) {
                m_phaseMax = gap;
                m_phaseCpu = cpu;
            }
            m_maxCpu = std::max(m_maxCpu, cpu);
            m_clock.restart();
            m_cpu = threadCpuMs();
        });
    }
    void start()
    {
        m_clock.start();
        m_cpu = threadCpuMs();
        m_timer.start();
    }
    double maxMs() const { return m_max; }
    double cpuInLongestMs() const { return m_maxCpuInLongest; }
    double maxCpuMs() const { return m_maxCpu; }
    // The longest gap since the last call, and the GUI thread's CPU in it.
    std::pair<double, double> takePhase()
    {
        const std::pair<double, double> out { m_phaseMax, m_phaseCpu };
        m_phaseMax = m_phaseCpu = 0;
        return out;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_cpu = 0;
    double m_max = 0;
    double m_maxCpuInLongest = 0;
    double m_maxCpu = 0;
    double m_phaseMax = 0;
    double m_phaseCpu = 0;
};

struct Options
{
    QString conninfo;
    QString schema; // empty: the largest schema that is not internal
    bool expandAll = false;
};

const char *kUsage = "schema-tree CONNINFO [--schema NAME] [--expand-all]";

std::optional<Options> parse(const QStringList &args)
{
    Options o;
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--schema") && i + 1 < args.size())
            o.schema = args[++i];
        else if (args[i] == QLatin1String("--expand-all"))
            o.expandAll = true;
        else if (o.conninfo.isEmpty() && !args[i].startsWith(QLatin1String("--")))
            o.conninfo = args[i];
        else
            return std::nullopt;
    }
    if (o.conninfo.isEmpty())
        return std::nullopt;
    return o;
}

// The walk: connect, open the database, time the bare catalog query for the chosen schema's
// tables, expand the schema and its Tables group (every row into the model, a view attached),
// then either find and reveal a partition, or (--expand-all) expand every group of every schema,
// internal ones included.
class TreeBench : public QObject
{
public:
    TreeBench(Options options, std::shared_ptr<Session> session)
        : m_options(std::move(options)), m_session(std::move(session)),
          m_loader(std::make_shared<CatalogLoader>(m_session))
    {
        const int batch = qEnvironmentVariableIntValue("STRATA_TREE_BATCH");
        if (batch > 0)
            m_model.setBatchSize(batch);
        m_view.setUniformRowHeights(true);
        m_view.setHeaderHidden(true);
        m_view.setModel(&m_model);
        m_view.resize(500, 900);
        m_view.show();
        m_view.viewport()->installEventFilter(this);
        connect(&m_model, &SchemaTreeModel::loadFailed, this,
            [this](const QModelIndex &, const QString &msg) { fail(msg); });
        connect(&m_model, &SchemaTreeModel::nodeLoaded, this, &TreeBench::onLoaded);
        connect(&m_model, &SchemaTreeModel::revealed, this, &TreeBench::onRevealed);
        connect(&m_model, &SchemaTreeModel::revealFailed, this, &TreeBench::fail);
        connect(&m_model, &SchemaTreeModel::busyChanged, this, [this](bool busy) {
            if (!busy && m_step == Step::ExpandAll)
                QTimer::singleShot(0, this, &TreeBench::expandAllNext);
        });
    }

    int run()
    {
        m_stall.start();
        m_total.start();
        // A named internal schema is shown: the toggle is on before the schemas are read.
        if (!m_options.schema.isEmpty() && isInternalSchemaName(m_options.schema))
            m_model.setShowInternal(true);
        m_model.setLoader(m_loader, m_session->profile().displayTarget());
        m_view.expand(m_model.serverIndex());
        QTimer::singleShot(600000, this, [this] { fail(QStringLiteral("no end in 10 minutes")); });
        QCoreApplication::exec();
        if (m_rc == 0) {
            report(QStringLiteral("gui.max_stall_ms"), m_stall.maxMs(), "ms");
            report(QStringLiteral("gui.max_stall_thread_cpu_ms"), m_stall.cpuInLongestMs(), "ms");
            report(QStringLiteral("gui.max_thread_cpu_in_a_gap_ms"), m_stall.maxCpuMs(), "ms");
            report(QStringLiteral("rss_mb"), strata::bench::rssMb(), "MB");
        }
        return m_rc;
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // The first paint that shows rows of the group being expanded.
        // (The model may insert the rest before the view paints: this can come after onGroup.)
        if (event->type() == QEvent::Paint && m_firstRowsMs < 0 && m_group.isValid()
            && m_model.rowCount(m_group) > 0)
            m_firstRowsMs = m_expandClock.nsecsElapsed() / 1e6;
        return QObject::eventFilter(watched, event);
    }

private:
    enum class Step { Server, Database, Schema, Group, Find, ExpandAll, Done };

    QString tag() const { return QStringLiteral("[%1]").arg(m_schemaName); }

    // The longest stall of the step that just ended (which step stalls matters more than the
    // run's longest).
    void reportStall(const char *step)
    {
        const auto [ms, cpu] = m_stall.takePhase();
        report(QStringLiteral("gui.max_stall_ms.%1").arg(QLatin1String(step)), ms, "ms");
        report(
            QStringLiteral("gui.max_stall_thread_cpu_ms.%1").arg(QLatin1String(step)), cpu, "ms");
    }

    void fail(const QString &msg)
    {
        std::fprintf(stderr, "schema-tree: %s\n", qPrintable(msg));
        m_rc = 1;
        QCoreApplication::exit(1);
    }

    void finishSoon()
    {
        m_step = Step::Done;
        report(QStringLiteral("tree.first_rows_painted_ms") + tag(), m_firstRowsMs, "ms");
        // Let a few more frames run so a late stall would still be seen.
        QTimer::singleShot(200, qApp, [] { QCoreApplication::exit(0); });
    }

    void onLoaded(const QModelIndex &idx)
    {
        switch (m_step) {
        case Step::Server:
            if (idx == m_model.serverIndex()) {
                m_step = Step::Database;
                m_view.expand(m_model.databaseIndex());
            }
            break;
        case Step::Database:
            if (idx == m_model.databaseIndex())
                onDatabase(idx);
            break;
        case Step::Schema:
            if (idx == m_schema)
                onSchema();
            break;
        case Step::Group:
            if (idx == m_group)
                onGroup();
            break;
        default:
            break;
        }
    }

    void onDatabase(const QModelIndex &db)
    {
        report(QStringLiteral("tree.connect_to_first_rows_ms"), m_total.nsecsElapsed() / 1e6, "ms");
        reportStall("connect");
        qint64 best = -1;
        for (int r = 0; r < m_model.rowCount(db); ++r) {
            const QModelIndex s = m_model.index(r, 0, db);
            const auto *n = m_model.nodeAt(s);
            const bool wanted = m_options.schema.isEmpty() ? !n->internal && n->count > best
                                                           : n->name == m_options.schema;
            if (wanted) {
                best = n->count;
                m_schema = s;
                m_schemaName = n->name;
            }
        }
        if (!m_schema.isValid())
            return fail(QStringLiteral("schema not found: %1").arg(m_options.schema));
        timeBareQuery(m_schema.data(SchemaTreeModel::OidRole).toUInt());
    }

    // The bare catalog query for the same rows, through libpq on the same session: once to warm
    // up, then five times; the median is the figure (a single run on a shared machine varies
    // 2-5x).
    void timeBareQuery(quint32 schemaOid)
    {
        auto future = m_session->run([schemaOid](SessionContext &ctx) -> Result<QList<double>> {
            QList<double> ms;
            for (int i = 0; i < 6; ++i) {
                QElapsedTimer t;
                t.start();
                auto r = ctx.exec(QStringLiteral("catalog/relations"),
                    { QString::number(schemaOid), QStringLiteral("r") });
                if (!r)
                    return r.error();
                if (i > 0)
                    ms << t.nsecsElapsed() / 1e6;
            }
            std::sort(ms.begin(), ms.end());
            return ms;
        });
        future.then(this, [this](Result<QList<double>> bare) {
            if (!bare)
                return fail(bare.error().toString());
            m_bareMs = bare->at(2);
            report(QStringLiteral("catalog.query_ms") + tag(), m_bareMs, "ms");
            report(QStringLiteral("catalog.query_fastest_ms") + tag(), bare->first(), "ms");
            report(QStringLiteral("catalog.query_slowest_ms") + tag(), bare->last(), "ms");
            m_step = Step::Schema;
            m_stall.takePhase(); // the query ran on the session's thread: not the tree's
            m_phase.start();
            m_view.expand(m_schema);
        });
    }

    void onSchema()
    {
        report(QStringLiteral("tree.open_schema_groups_ms") + tag(), m_phase.nsecsElapsed() / 1e6,
            "ms");
        reportStall("open_schema");
        m_group = m_model.index(0, 0, m_schema); // Tables
        m_step = Step::Group;
        m_phase.restart();
        m_expandClock.start();
        m_view.expand(m_group);
    }

    void onGroup()
    {
        const double ms = m_phase.nsecsElapsed() / 1e6;
        report(QStringLiteral("tree.expand_ms") + tag(), ms, "ms");
        report(QStringLiteral("tree.expand_to_query_ratio") + tag(), ms / m_bareMs, "x");
        report(QStringLiteral("tree.rows") + tag(), m_model.rowCount(m_group), "rows");
        reportStall("expand");
        m_view.scrollTo(m_model.index(m_model.rowCount(m_group) - 1, 0, m_group));
        if (m_options.expandAll)
            return startExpandAll();
        find();
    }

    void find()
    {
        m_step = Step::Find;
        m_phase.restart();
        // A name that only partitions and the last tables carry: searched in every schema.
        m_loader->find(QStringLiteral("p_1999"), 50, false)
            .then(this, [this](Result<QList<FindMatch>> r) {
                if (!r)
                    return fail(r.error().toString());
                report(QStringLiteral("tree.find_ms"), m_phase.nsecsElapsed() / 1e6, "ms");
                if (r->isEmpty())
                    return finishSoon();
                m_phase.restart();
                m_model.reveal(r->first());
            });
    }

    void onRevealed(const QModelIndex &idx)
    {
        m_view.scrollTo(idx);
        m_view.setCurrentIndex(idx);
        report(QStringLiteral("tree.find_reveal_ms"), m_phase.nsecsElapsed() / 1e6, "ms");
        reportStall("find_reveal");
        finishSoon();
    }

    // Every schema (internal ones shown), then every group of each: all of the catalog's
    // objects in the tree at once. Each stage starts when the model is idle.
    void startExpandAll()
    {
        m_step = Step::ExpandAll;
        m_expandStage = 0;
        m_phase.restart();
        m_model.setShowInternal(true); // reloads the schema list (keeps what is expanded)
        if (!m_model.isBusy())
            expandAllNext();
    }

    void expandAllNext()
    {
        if (m_step != Step::ExpandAll)
            return;
        while (m_expandStage < 2) {
            ++m_expandStage;
            expandLevel(m_expandStage);
            if (m_model.isBusy())
                return; // busyChanged(false) calls again
        }
        const QModelIndex db = m_model.databaseIndex();
        qint64 rows = 0;
        for (int r = 0; r < m_model.rowCount(db); ++r) {
            const QModelIndex s = m_model.index(r, 0, db);
            for (int g = 0; g < m_model.rowCount(s); ++g)
                rows += m_model.rowCount(m_model.index(g, 0, s));
        }
        report(QStringLiteral("tree.expand_all_ms"), m_phase.nsecsElapsed() / 1e6, "ms");
        report(QStringLiteral("tree.expand_all_schemas"), m_model.rowCount(db), "schemas");
        report(QStringLiteral("tree.expand_all_rows"), double(rows), "rows");
        reportStall("expand_all");
        finishSoon();
    }

    // The view fetches what it expands only once its pending layout has run; the model is asked
    // at once.
    void expand(const QModelIndex &index)
    {
        m_view.expand(index);
        if (m_model.canFetchMore(index))
            m_model.fetchMore(index);
    }

    // 1: every schema; 2: every group of every schema.
    void expandLevel(int level)
    {
        const QModelIndex db = m_model.databaseIndex();
        for (int r = 0; r < m_model.rowCount(db); ++r) {
            const QModelIndex s = m_model.index(r, 0, db);
            if (level == 1)
                expand(s);
            for (int g = 0; level == 2 && g < m_model.rowCount(s); ++g)
                expand(m_model.index(g, 0, s));
        }
    }

    Options m_options;
    std::shared_ptr<Session> m_session;
    std::shared_ptr<CatalogLoader> m_loader;
    StallMeter m_stall;
    SchemaTreeModel m_model;
    QTreeView m_view;
    Step m_step = Step::Server;
    QPersistentModelIndex m_schema, m_group;
    QString m_schemaName;
    QElapsedTimer m_total, m_phase, m_expandClock;
    double m_bareMs = 0;
    double m_firstRowsMs = -1;
    int m_expandStage = 0;
    int m_rc = 0;
};

int benchSchemaTree(const QStringList &args)
{
    const auto options = parse(args);
    if (!options) {
        std::fprintf(stderr, "usage: strata-bench %s\n", kUsage);
        return 2;
    }
    auto profile = ConnectionProfile::fromConnInfo(options->conninfo);
    if (!profile) {
        std::fprintf(stderr, "schema-tree: %s\n", qPrintable(profile.error().toString()));
        return 2;
    }
    TreeBench bench(*options, std::make_shared<Session>(profile.value()));
    return bench.run();
}

// The catalog of the tree benchmarks, about 155,000 relations (pg_class rows) in all:
// - big: 50,000 tables;
// - _timescaledb_internal: 50,000 chunk tables of the hypertable public.conditions, as
//   TimescaleDB makes them (inheritance children with a CHECK on their time range and an index
//   on time), with a small _timescaledb_catalog beside it; TimescaleDB itself is not needed;
// - parted: a table with 2,000 partitions;
// - s01 .. s20: 64 tables each, every one with a primary key.
// Committed in chunks: one transaction would need a lock per table. Idempotent.
QStringList setupSteps()
{
    return {
        QStringLiteral("CREATE SCHEMA IF NOT EXISTS big"),
        QStringLiteral("DO $$ BEGIN FOR i IN 1..50000 LOOP "
                       "EXECUTE format('CREATE TABLE IF NOT EXISTS big.t%s (id int, v int)', "
                       "lpad(i::text, 5, '0')); "
                       "IF i % 500 = 0 THEN COMMIT; END IF; END LOOP; END $$"),
        QStringLiteral("CREATE SCHEMA IF NOT EXISTS parted"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS parted.events (k int NOT NULL, v int) "
                       "PARTITION BY RANGE (k)"),
        QStringLiteral("DO $$ BEGIN FOR i IN 0..1999 LOOP "
                       "EXECUTE format('CREATE TABLE IF NOT EXISTS parted.p_%s PARTITION OF "
                       "parted.events FOR VALUES FROM (%s) TO (%s)', lpad(i::text, 4, '0'), "
                       "i * 1000, (i + 1) * 1000); "
                       "IF i % 200 = 0 THEN COMMIT; END IF; END LOOP; END $$"),
        QStringLiteral("CREATE SCHEMA IF NOT EXISTS _timescaledb_catalog; "
                       "CREATE TABLE IF NOT EXISTS _timescaledb_catalog.hypertable "
                       "(id int PRIMARY KEY, schema_name name, table_name name); "
                       "CREATE TABLE IF NOT EXISTS _timescaledb_catalog.chunk "
                       "(id int PRIMARY KEY, hypertable_id int, schema_name name, "
                       "table_name name); "
                       "CREATE SCHEMA IF NOT EXISTS _timescaledb_internal; "
                       "CREATE TABLE IF NOT EXISTS public.conditions "
                       "(time timestamptz NOT NULL, device int, value double precision)"),
        QStringLiteral(
            "DO $$ BEGIN FOR i IN 1..50000 LOOP "
            "EXECUTE format('CREATE TABLE IF NOT EXISTS _timescaledb_internal._hyper_1_%s_chunk "
            "(CONSTRAINT constraint_%s CHECK (\"time\" >= %L AND \"time\" < %L)) "
            "INHERITS (public.conditions)', i, i, "
            "timestamptz '2020-01-01 00:00+00' + (i - 1) * interval '1 hour', "
            "timestamptz '2020-01-01 00:00+00' + i * interval '1 hour'); "
            "EXECUTE format('CREATE INDEX IF NOT EXISTS _hyper_1_%s_chunk_conditions_time_idx "
            "ON _timescaledb_internal._hyper_1_%s_chunk (\"time\" DESC)', i, i); "
            "IF i % 250 = 0 THEN COMMIT; END IF; END LOOP; END $$"),
        QStringLiteral("DO $$ BEGIN FOR s IN 1..20 LOOP "
                       "EXECUTE format('CREATE SCHEMA IF NOT EXISTS s%s', lpad(s::text, 2, '0')); "
                       "FOR i IN 1..64 LOOP "
                       "EXECUTE format('CREATE TABLE IF NOT EXISTS s%s.t%s (id int PRIMARY KEY, "
                       "v int)', lpad(s::text, 2, '0'), lpad(i::text, 4, '0')); "
                       "END LOOP; COMMIT; END LOOP; END $$"),
        QStringLiteral("ANALYZE pg_catalog.pg_class"),
    };
}

int benchSchemaTreeSetup(const QStringList &args)
{
    if (args.isEmpty()) {
        std::fprintf(stderr, "usage: strata-bench schema-tree-setup CONNINFO\n");
        return 2;
    }
    auto profile = ConnectionProfile::fromConnInfo(args.first());
    if (!profile)
        return 2;
    SessionOptions opts;
    opts.readOnly = false;
    opts.statementTimeoutMs = 0;
    Session session(profile.value(), {}, opts);
    QElapsedTimer t;
    t.start();
    for (const QString &sql : setupSteps()) {
        auto r = session.run([sql](SessionContext &ctx) { return ctx.execScript(sql); }).result();
        if (!r) {
            std::fprintf(stderr, "schema-tree-setup: %s\n", qPrintable(r.error().toString()));
            return 1;
        }
    }
    report(QStringLiteral("setup.large_catalog_s"), t.elapsed() / 1000.0, "s");
    auto count = session
                     .run([](SessionContext &ctx) {
                         return ctx.execText(QStringLiteral("SELECT count(*) FROM pg_class"));
                     })
                     .result();
    if (count)
        report(QStringLiteral("setup.relations"), double(count->toLongLong(0, 0)), "relations");
    return 0;
}

} // namespace

STRATA_BENCH("schema-tree", kUsage, benchSchemaTree);
STRATA_BENCH("schema-tree-setup", "schema-tree-setup CONNINFO", benchSchemaTreeSetup);
