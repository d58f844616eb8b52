// strata-bench stats CONNINFO [--in-place] [--tables N] [--pgbench SECONDS] [--refreshes N]
//                              [--watch SECONDS]
// One full dashboard refresh, end to end and as the sum of its statements' round trips, and
// the GUI thread's longest stall while the dashboard refreshes every second; first on a quiet
// server, then under a pgbench load. Meant for a throwaway server (./run bench): unless
// --in-place is given it creates the database strata_bench_stats there with N tables (default
// 10000) and the pgbench tables, and measures in it.
#include "bench.h"

#include "appcontext.h"
#include "db/connection.h"
#include "db/session.h"
#include "stats/statscollector.h"
#include "stats/statspage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>

#include <time.h>
#include <unistd.h>

using namespace strata;
using namespace strata::core;

namespace {

// CPU time this thread has used, in ms: a gap in the 1 ms timer that used little CPU was the
// scheduler (a loaded machine), one that used a lot was work on the GUI thread.
double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

QStringList pgbenchArgs(const ConnectionProfile &p)
{
    QStringList a;
    if (!p.host.isEmpty())
        a << QStringLiteral("-h") << p.host;
    if (p.port > 0)
        a << QStringLiteral("-p") << QString::number(p.port);
    if (!p.user.isEmpty())
        a << QStringLiteral("-U") << p.user;
    return a;
}

// Creates strata_bench_stats with `tables` small tables (a large catalog), once.
Result<ConnectionProfile> setUp(ConnectionProfile profile, const QString &password, int tables)
{
    SessionOptions rw;
    rw.readOnly = false;
    rw.statementTimeoutMs = 0;
    const QString name = QStringLiteral("strata_bench_stats");
    {
        Session admin(profile, password, rw);
        auto r
            = admin
                  .run([name](SessionContext &ctx) -> Result<PgResult> {
                      auto exists = ctx.execText(
                          QStringLiteral("SELECT 1 FROM pg_database WHERE datname = $1"), { name });
                      if (!exists || exists->rows() > 0)
                          return exists;
                      return ctx.execScript(
                          QStringLiteral("CREATE DATABASE ") + ctx.quoteIdentifier(name));
                  })
                  .result();
        if (!r)
            return r.error();
    }
    profile.database = name;
    Session s(profile, password, rw);
    auto r
        = s.run([tables](SessionContext &ctx) -> Result<PgResult> {
               auto have
                   = ctx.execText(QStringLiteral("SELECT count(*) FROM pg_class WHERE relname LIKE "
                                                 "'bench\\_t%' AND relkind = 'r'"));
               if (!have)
                   return have;
               // Batches of 1000: one transaction holds a lock per table created.
               for (int from = int(have->toLongLong(0, 0)) + 1; from <= tables; from += 1000) {
                   auto b = ctx.execScript(QStringLiteral(
                       "DO $$ BEGIN FOR i IN %1..%2 LOOP EXECUTE format("
                       "'CREATE TABLE bench_t%s(id int PRIMARY KEY, v text)', i); END LOOP; END $$")
                                               .arg(from)
                                               .arg(std::min(tables, from + 999)));
                   if (!b)
                       return b;
               }
               return have;
           }).result();
    if (!r)
        return r.error();
    return profile;
}

int measure(const ConnectionProfile &profileIn, const QString &password, int pgbenchSeconds,
    int refreshes, int watchSeconds)
{
    Result<ConnectionProfile> profile = profileIn;

    // Optional load, bounded by pgbench's own -T.
    QProcess load;
    if (pgbenchSeconds > 0) {
        QString pgbench = QStandardPaths::findExecutable(QStringLiteral("pgbench"));
        if (pgbench.isEmpty() && !profile->toolsDir.isEmpty())
            pgbench = profile->toolsDir + QStringLiteral("/pgbench");
        if (pgbench.isEmpty()) {
            std::fprintf(
                stderr, "pgbench not found: install postgresql-client or drop --pgbench\n");
            return 1;
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!password.isEmpty())
            env.insert(QStringLiteral("PGPASSWORD"), password);
        load.setProcessEnvironment(env);
        // The load runs in a session of its own, as a real one does (other clients, usually
        // other machines): on a desktop kernel with autogroup scheduling, pgbench in the
        // benchmark's own session would take its CPU share from the GUI thread being measured.
        load.setChildProcessModifier([] { ::setsid(); });
        QProcess init;
        init.setProcessEnvironment(env);
        init.start(pgbench,
            pgbenchArgs(profile.value())
                << QStringLiteral("-i") << QStringLiteral("-q") << QStringLiteral("-s")
                << QStringLiteral("5") << profile->database);
        if (!init.waitForFinished(300000) || init.exitCode() != 0) {
            std::fprintf(
                stderr, "pgbench -i failed: %s\n", init.readAllStandardError().constData());
            return 1;
        }
        load.start(pgbench,
            pgbenchArgs(profile.value())
                << QStringLiteral("-n") << QStringLiteral("-c") << QStringLiteral("4")
                << QStringLiteral("-j") << QStringLiteral("2") << QStringLiteral("-T")
                << QString::number(pgbenchSeconds) << profile->database);
        if (!load.waitForStarted(10000)) {
            std::fprintf(stderr, "pgbench did not start\n");
            return 1;
        }
        QThread::msleep(1000); // let the load settle
    }
    const QString suffix = pgbenchSeconds > 0 ? QStringLiteral("_under_pgbench") : QString();

    // 1. Full refreshes on a session of their own, measured from this (calling) thread.
    {
        Session session(profile.value(), password);
        if (auto r = session.open().result(); !r) {
            std::fprintf(stderr, "%s\n", qPrintable(r.error().toString()));
            return 1;
        }
        StatsCollector collector;
        session
            .run([collector](SessionContext &ctx) -> Result<StatsSnapshot> {
                return collector.collect(ctx);
            })
            .result(); // warm-up
        QList<double> endToEnd, statements, inside;
        QString slowest;
        qint64 slowestMs = -1;
        for (int i = 0; i < refreshes; ++i) {
            QElapsedTimer t;
            t.start();
            const StatsSnapshot s
                = session
                      .run([collector](SessionContext &ctx) -> Result<StatsSnapshot> {
                          return collector.collect(ctx);
                      })
                      .result()
                      .value();
            endToEnd << t.nsecsElapsed() / 1e6;
            statements << double(s.serverMs);
            inside << double(s.elapsedMs);
            auto track = [&](const char *name, qint64 ms) {
                if (ms > slowestMs) {
                    slowestMs = ms;
                    slowest = QString::fromLatin1(name);
                }
            };
            track("relations", s.relations.elapsedMs);
            track("activity", s.activity.elapsedMs);
            track("locks", s.locks.elapsedMs);
            track("vacuum", s.vacuum.elapsedMs);
            track("sequences", s.sequences.elapsedMs);
            track("duplicate_indexes", s.duplicateIndexes.elapsedMs);
            track("unused_indexes", s.unusedIndexes.elapsedMs);
            track("xid_tables", s.xidTables.elapsedMs);
            track("databases", s.databases.elapsedMs);
            track("statements", s.statements.elapsedMs);
            track("largest_indexes", s.largestIndexes.elapsedMs);
            track("cache_hit", s.cacheHit.elapsedMs);
            track("connections", s.connections.elapsedMs);
            track("matviews", s.matviews.elapsedMs);
            track("server", s.server.elapsedMs);
            if (i == refreshes - 1 && qEnvironmentVariableIsSet("STRATA_BENCH_VERBOSE"))
                std::fprintf(stderr,
                    "sections ms: server %lld databases %lld relations %lld indexes %lld "
                    "cache %lld connections %lld activity %lld locks %lld vacuum %lld "
                    "xid %lld unused %lld duplicates %lld sequences %lld matviews %lld "
                    "replication %lld slots %lld statements %lld checkpoints %lld\n",
                    s.server.elapsedMs, s.databases.elapsedMs, s.relations.elapsedMs,
                    s.largestIndexes.elapsedMs, s.cacheHit.elapsedMs, s.connections.elapsedMs,
                    s.activity.elapsedMs, s.locks.elapsedMs, s.vacuum.elapsedMs,
                    s.xidTables.elapsedMs, s.unusedIndexes.elapsedMs, s.duplicateIndexes.elapsedMs,
                    s.sequences.elapsedMs, s.matviews.elapsedMs, s.replication.elapsedMs,
                    s.slots.elapsedMs, s.statements.elapsedMs, s.checkpoints.elapsedMs);
        }
        auto median = [](QList<double> v) {
            std::sort(v.begin(), v.end());
            return v.at(v.size() / 2);
        };
        bench::report(QStringLiteral("stats.refresh_end_to_end_ms") + suffix, median(endToEnd),
            QStringLiteral("ms"));
        bench::report(QStringLiteral("stats.refresh_statements_ms") + suffix, median(statements),
            QStringLiteral("ms"));
        bench::report(QStringLiteral("stats.refresh_on_session_thread_ms") + suffix, median(inside),
            QStringLiteral("ms"));
        std::fprintf(stderr, "slowest section: %s (%lld ms)\n", qPrintable(slowest), slowestMs);
    }

    // 2a. The same 1 ms timer with nothing else to do: the machine's own scheduling noise,
    //     to read the dashboard's figure against.
    {
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0, longest = 0;
        QTimer tick;
        tick.setTimerType(Qt::PreciseTimer);
        tick.setInterval(1);
        QObject::connect(&tick, &QTimer::timeout, [&] {
            const qint64 now = clock.elapsed();
            longest = std::max(longest, now - last);
            last = now;
        });
        tick.start();
        QEventLoop idle;
        QTimer::singleShot(3000, &idle, &QEventLoop::quit);
        idle.exec();
        bench::report(QStringLiteral("stats.gui_idle_longest_gap_ms") + suffix, double(longest),
            QStringLiteral("ms"));
    }

    // 2. The dashboard refreshing every second and sampling every second; a 1 ms timer
    //    measures the gaps between its turns of the event loop.
    {
        auto opened = core::Connection::open(profile.value(), password).result();
        if (!opened) {
            std::fprintf(stderr, "%s\n", qPrintable(opened.error().toString()));
            return 1;
        }
        ui::AppContext ctx(nullptr, nullptr);
        ctx.setConnection(opened.value());
        ui::StatsPage page(&ctx);
        page.resize(1400, 900);
        page.show();
        page.setRefreshIntervalSeconds(1);
        page.setSampleIntervalMs(1000);
        {
            QEventLoop wait; // the benchmark's own loop, not the product's
            QObject::connect(&page, &ui::StatsPage::refreshed, &wait, &QEventLoop::quit);
            QTimer::singleShot(30000, &wait, &QEventLoop::quit);
            wait.exec();
        }
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0, longest = 0;
        double lastCpu = threadCpuMs(), longestCpu = 0, cpuOfLongest = 0;
        QList<qint64> gaps;
        QTimer tick;
        tick.setTimerType(Qt::PreciseTimer);
        tick.setInterval(1);
        QObject::connect(&tick, &QTimer::timeout, [&] {
            const qint64 now = clock.elapsed();
            const double cpu = threadCpuMs();
            gaps << now - last;
            if (now - last > longest) {
                longest = now - last;
                cpuOfLongest = cpu - lastCpu;
            }
            longestCpu = std::max(longestCpu, cpu - lastCpu);
            last = now;
            lastCpu = cpu;
        });
        const int before = page.refreshCount();
        const int samplesBefore = page.sampleCount();
        tick.start();
        QEventLoop watch;
        QTimer::singleShot(watchSeconds * 1000, &watch, &QEventLoop::quit);
        watch.exec();
        tick.stop();
        std::sort(gaps.begin(), gaps.end());
        bench::report(QStringLiteral("stats.gui_longest_stall_ms") + suffix, double(longest),
            QStringLiteral("ms"));
        bench::report(QStringLiteral("stats.gui_cpu_in_longest_stall_ms") + suffix, cpuOfLongest,
            QStringLiteral("ms"));
        bench::report(
            QStringLiteral("stats.gui_longest_busy_ms") + suffix, longestCpu, QStringLiteral("ms"));
        {
            QElapsedTimer g;
            g.start();
            page.grab();
            bench::report(QStringLiteral("stats.gui_full_repaint_ms") + suffix,
                g.nsecsElapsed() / 1e6, QStringLiteral("ms"));
        }
        bench::report(QStringLiteral("stats.gui_p99_gap_ms") + suffix,
            gaps.isEmpty() ? 0.0 : double(gaps.at(int(gaps.size() * 0.99))), QStringLiteral("ms"));
        bench::report(QStringLiteral("stats.gui_refreshes") + suffix,
            double(page.refreshCount() - before), QStringLiteral("count"));
        bench::report(QStringLiteral("stats.gui_samples") + suffix,
            double(page.sampleCount() - samplesBefore), QStringLiteral("count"));
        bench::report(QStringLiteral("stats.gui_skipped_refreshes") + suffix,
            double(page.skippedRefreshes()), QStringLiteral("count"));
    }
    if (load.state() != QProcess::NotRunning) {
        load.waitForFinished(pgbenchSeconds * 1000 + 30000);
        const QString out = QString::fromUtf8(load.readAllStandardOutput());
        for (const QString &line : out.split(u'\n'))
            if (line.startsWith(QLatin1String("tps")))
                std::fprintf(stderr, "pgbench: %s\n", qPrintable(line));
    }
    return 0;
}

int benchStats(const QStringList &argsIn)
{
    QString conninfo;
    int pgbenchSeconds = -1, refreshes = 5, watchSeconds = 10, tables = 10000;
    bool inPlace = false;
    for (int i = 0; i < argsIn.size(); ++i) {
        const QString &a = argsIn.at(i);
        if (a == QLatin1String("--pgbench") && i + 1 < argsIn.size())
            pgbenchSeconds = argsIn.at(++i).toInt();
        else if (a == QLatin1String("--refreshes") && i + 1 < argsIn.size())
            refreshes = std::max(1, argsIn.at(++i).toInt());
        else if (a == QLatin1String("--watch") && i + 1 < argsIn.size())
            watchSeconds = std::max(2, argsIn.at(++i).toInt());
        else if (a == QLatin1String("--tables") && i + 1 < argsIn.size())
            tables = std::max(0, argsIn.at(++i).toInt());
        else if (a == QLatin1String("--in-place"))
            inPlace = true;
        else
            conninfo = a;
    }
    if (conninfo.isEmpty()) {
        std::fprintf(stderr,
            "usage: strata-bench stats CONNINFO [--in-place] [--tables N] "
            "[--pgbench SECONDS] [--refreshes N] [--watch SECONDS]\n");
        return 2;
    }
    QString password;
    auto profile = ConnectionProfile::fromConnInfo(conninfo, &password);
    if (!profile) {
        std::fprintf(stderr, "%s\n", qPrintable(profile.error().toString()));
        return 2;
    }
    ConnectionProfile target = profile.value();
    if (!inPlace) {
        QElapsedTimer t;
        t.start();
        auto made = setUp(target, password, tables);
        if (!made) {
            std::fprintf(stderr, "setting up strata_bench_stats failed: %s\n",
                qPrintable(made.error().toString()));
            return 1;
        }
        target = made.value();
        std::fprintf(
            stderr, "catalog of %d tables ready in %.1f s\n", tables, t.elapsed() / 1000.0);
        if (pgbenchSeconds < 0)
            pgbenchSeconds
                = QStandardPaths::findExecutable(QStringLiteral("pgbench")).isEmpty() ? 0 : 20;
    }
    int rc = measure(target, password, 0, refreshes, watchSeconds);
    if (rc == 0 && pgbenchSeconds > 0)
        rc = measure(target, password, pgbenchSeconds, refreshes, watchSeconds);
    return rc;
}

} // namespace

STRATA_BENCH("stats",
    "stats CONNINFO [--in-place] [--tables N] [--pgbench SECONDS] [--refreshes N] "
    "[--watch SECONDS]",
    benchStats);
