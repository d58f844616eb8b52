// strata-cli stats: the dashboard's figures as text or JSON, from the same collector.
#include "command.h"
#include "numberoption.h"

#include "db/session.h"
#include "stats/statscollector.h"
#include "stats/statsjson.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLocale>
#include <QThread>

using namespace strata::core;

namespace {

QString size(qint64 b)
{
    return b < 0 ? QStringLiteral("no access") : QLocale::c().formattedDataSize(b);
}

QString pct(double f)
{
    return f < 0 ? QStringLiteral("n/a") : QString::number(f * 100, 'f', 1) + u'%';
}

QString secs(double s)
{
    if (s < 0)
        return QStringLiteral("-");
    if (s < 120)
        return QString::number(s, 'f', 1) + QStringLiteral(" s");
    if (s < 7200)
        return QString::number(s / 60, 'f', 1) + QStringLiteral(" min");
    return QString::number(s / 3600, 'f', 1) + QStringLiteral(" h");
}

QString oneLine(QString q, int max = 70)
{
    q = q.simplified();
    return q.size() > max ? q.left(max - 1) + QChar(0x2026) : q;
}

template <typename T> bool header(const QString &title, const StatsSection<T> &s)
{
    strata::cli::out(QStringLiteral("\n== %1 ==").arg(title));
    if (!s.note.isEmpty())
        strata::cli::out(QStringLiteral("note: ") + s.note);
    if (s.error.isError()) {
        strata::cli::out(QStringLiteral("error: ") + s.error.toString());
        return false;
    }
    return true;
}

void printLockNode(const LockNode &n, int depth)
{
    const QString indent(depth * 2, u' ');
    QString line = QStringLiteral("%1pid %2 %3@%4 %5")
                       .arg(indent)
                       .arg(n.row.pid)
                       .arg(n.row.user, n.row.database, n.row.state);
    if (!n.row.wantedMode.isEmpty())
        line += QStringLiteral(" waits for %1 on %2")
                    .arg(n.row.wantedMode,
                        n.row.wantedRelation.isEmpty() ? n.row.wantedLockType
                                                       : n.row.wantedRelation);
    line += QStringLiteral(": ") + oneLine(n.row.query, 50);
    strata::cli::out(line);
    for (const LockNode &c : n.blocked)
        printLockNode(c, depth + 1);
}

// The server, the health warnings and the rates.
void printSummary(const StatsSnapshot &s, const Rates &rates)
{
    using strata::cli::out;
    if (s.server.ok() && !s.server.rows.isEmpty()) {
        const ServerFacts &f = s.server.rows.first();
        out(QStringLiteral("database %1, server %2, max_connections %3%4")
                .arg(f.database)
                .arg(f.versionNum)
                .arg(f.maxConnections)
                .arg(f.inRecovery ? QStringLiteral(", standby") : QString()));
    }
    out(QStringLiteral("refresh took %1 ms (statements %2 ms)").arg(s.elapsedMs).arg(s.serverMs));

    out(QStringLiteral("\n== Health =="));
    if (s.warnings.isEmpty())
        out(QStringLiteral("no warnings"));
    for (const HealthWarning &w : s.warnings) {
        const char *sev = w.severity == HealthWarning::Severity::Critical ? "CRITICAL"
            : w.severity == HealthWarning::Severity::Warning              ? "warning"
                                                                          : "info";
        out(QStringLiteral("%1: %2").arg(QLatin1String(sev), w.text));
    }

    out(QStringLiteral("\n== Rates =="));
    if (rates.valid())
        out(QStringLiteral("over %1 s: %2 transactions/s (%3 rollbacks/s), tuples/s: "
                           "%4 returned, %5 fetched, %6 inserted, %7 updated, %8 deleted")
                .arg(rates.seconds, 0, 'f', 2)
                .arg(rates.transactions, 0, 'f', 1)
                .arg(rates.rollbacks, 0, 'f', 1)
                .arg(rates.returned, 0, 'f', 0)
                .arg(rates.fetched, 0, 'f', 0)
                .arg(rates.inserted, 0, 'f', 0)
                .arg(rates.updated, 0, 'f', 0)
                .arg(rates.deleted, 0, 'f', 0));
    else
        out(QStringLiteral("not measured (use --interval SECONDS > 0)"));
}

// Connections, the cache, databases, relations and indexes.
void printSizes(const StatsSnapshot &s, const ActivitySample *sample)
{
    using strata::cli::out;
    if (header(QStringLiteral("Connections"), s.connections)) {
        QStringList parts;
        for (const ConnectionStateRow &c : s.connections.rows)
            parts << QStringLiteral("%1 %2")
                         .arg(c.sessions)
                         .arg(c.state.isEmpty() ? QStringLiteral("(hidden)") : c.state);
        const int max = s.server.rows.isEmpty() ? 0 : s.server.rows.first().maxConnections;
        out(QStringLiteral("%1 of %2: %3")
                .arg(s.connectionCount())
                .arg(max)
                .arg(parts.join(QStringLiteral(", "))));
        if (sample)
            out(QStringLiteral("waiting on a lock: %1").arg(sample->waitingOnLock));
    }
    if (header(QStringLiteral("Cache hit ratio"), s.cacheHit) && !s.cacheHit.rows.isEmpty()) {
        const CacheHitRow &c = s.cacheHit.rows.first();
        out(QStringLiteral("tables %1, indexes %2, database %3")
                .arg(pct(c.tableRatio()), pct(c.indexRatio()), pct(c.databaseRatio())));
    }
    if (header(QStringLiteral("Databases"), s.databases))
        for (const DatabaseRow &d : s.databases.rows)
            out(QStringLiteral("%1  %2  xid age %3 (%4 of wraparound)")
                    .arg(d.name, -24)
                    .arg(size(d.bytes), 10)
                    .arg(d.xidAge)
                    .arg(pct(double(d.xidAge) / 2147483647.0)));
    if (header(QStringLiteral("Largest tables"), s.relations))
        for (const RelationSizeRow &r : s.relations.rows)
            out(QStringLiteral("%1  total %2  heap %3  toast %4  indexes %5%6")
                    .arg(r.schema + u'.' + r.name, -40)
                    .arg(size(r.totalBytes), 10)
                    .arg(size(r.heapBytes), 10)
                    .arg(size(r.toastBytes), 10)
                    .arg(size(r.indexBytes), 10)
                    .arg(r.kind == u'p'
                            ? QStringLiteral("  (partitioned: %1 partitions)").arg(r.partitions)
                            : r.isPartition() ? QStringLiteral("  (partition of %1.%2)")
                                                    .arg(r.parentSchema, r.parentName)
                                              : QString()));
    if (header(QStringLiteral("Largest indexes"), s.largestIndexes))
        for (const IndexSizeRow &r : s.largestIndexes.rows)
            out(QStringLiteral("%1  %2  on %3")
                    .arg(r.schema + u'.' + r.index, -40)
                    .arg(size(r.bytes), 10)
                    .arg(r.table));
}

// Each session, and who blocks whom.
void printSessions(const StatsSnapshot &s)
{
    using strata::cli::out;
    if (header(QStringLiteral("Sessions"), s.activity))
        for (const ActivityRow &a : s.activity.rows)
            out(QStringLiteral("pid %1 %2@%3 %4 xact %5 query %6: %7")
                    .arg(a.pid)
                    .arg(a.user, a.database,
                        a.state.isEmpty() ? QStringLiteral("(hidden)") : a.state,
                        secs(a.transactionSeconds), secs(a.querySeconds),
                        a.queryHidden ? QStringLiteral("(query hidden)") : oneLine(a.query)));
    if (header(QStringLiteral("Blocked sessions"), s.locks)) {
        const auto tree = s.lockTree();
        if (tree.isEmpty())
            out(QStringLiteral("none"));
        for (const LockNode &n : tree)
            printLockNode(n, 0);
    }
}

// Vacuum, transaction-ID age and indexes.
void printUpkeep(const StatsSnapshot &s)
{
    using strata::cli::out;
    if (header(QStringLiteral("Vacuum"), s.vacuum)) {
        int shown = 0;
        for (const VacuumRow &v : s.vacuum.rows) {
            if (shown++ >= 20)
                break;
            auto t = [](const QDateTime &d) {
                return d.isValid() ? d.toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                   : QStringLiteral("never");
            };
            out(QStringLiteral("%1 dead %2 (%3) live %4  vacuum %5  analyze %6%7")
                    .arg(v.schema + u'.' + v.table, -36)
                    .arg(v.deadTuples)
                    .arg(pct(v.deadRatio()))
                    .arg(v.liveTuples)
                    .arg(t(v.lastAnyVacuum()), t(v.lastAnyAnalyze()),
                        v.autovacuumEnabled ? QString() : QStringLiteral("  autovacuum off")));
        }
    }
    if (header(QStringLiteral("Oldest tables (transaction-ID age)"), s.xidTables))
        for (const XidAgeRow &x : s.xidTables.rows.mid(0, 10))
            out(QStringLiteral("%1 %2 (%3)%4")
                    .arg(x.schema + u'.' + x.table, -40)
                    .arg(x.xidAge)
                    .arg(pct(double(x.xidAge) / 2147483647.0))
                    .arg(x.system ? QStringLiteral("  system catalog, past "
                                                   "autovacuum_freeze_max_age")
                                  : QString()));
    if (header(QStringLiteral("Unused indexes"), s.unusedIndexes))
        for (const UnusedIndexRow &u : s.unusedIndexes.rows)
            out(QStringLiteral("%1 %2 on %3")
                    .arg(u.schema + u'.' + u.index, -40)
                    .arg(size(u.bytes), 10)
                    .arg(u.table));
    if (header(QStringLiteral("Duplicate indexes"), s.duplicateIndexes))
        for (const DuplicateIndexRow &d : s.duplicateIndexes.rows)
            out(QStringLiteral("%1: %2").arg(
                d.schema + u'.' + d.table, d.indexes.join(QStringLiteral(", "))));
}

// Sequences and materialized views.
void printObjects(const StatsSnapshot &s)
{
    using strata::cli::out;
    if (header(QStringLiteral("Sequences"), s.sequences))
        for (const SequenceRow &q : s.sequences.rows)
            out(QStringLiteral("%1 %2 used of %3%4")
                    .arg(q.schema + u'.' + q.name, -40)
                    .arg(!q.readable ? QStringLiteral("no access") : pct(q.usedFraction()), 8)
                    .arg(q.limit)
                    .arg(q.limitedByColumn() ? QStringLiteral(" (%1 column %2.%3)")
                                                   .arg(q.columnType, q.table, q.column)
                                             : QString()));
    if (header(QStringLiteral("Materialized views"), s.matviews))
        for (const MatViewRow &m : s.matviews.rows)
            out(QStringLiteral("%1 %2 %3")
                    .arg(m.schema + u'.' + m.name, -40)
                    .arg(size(m.bytes), 10)
                    .arg(m.populated ? QStringLiteral("populated")
                                     : QStringLiteral("NOT populated")));
}

// Standbys, slots, top statements and checkpoints.
void printReplication(const StatsSnapshot &s)
{
    using strata::cli::out;
    if (header(QStringLiteral("Replication"), s.replication)) {
        if (s.replication.rows.isEmpty())
            out(QStringLiteral("no standbys"));
        for (const ReplicationRow &r : s.replication.rows)
            out(QStringLiteral("%1 %2 %3 lag %4")
                    .arg(r.application, r.clientAddress, r.state, size(r.lagBytes)));
    }
    if (header(QStringLiteral("Replication slots"), s.slots)) {
        if (s.slots.rows.isEmpty())
            out(QStringLiteral("no slots"));
        for (const SlotRow &r : s.slots.rows)
            out(QStringLiteral("%1 %2 %3 retains %4")
                    .arg(r.name, r.type,
                        r.active ? QStringLiteral("active") : QStringLiteral("inactive"),
                        size(r.retainedBytes)));
    }
    if (header(QStringLiteral("Top statements (pg_stat_statements)"), s.statements))
        for (const StatementRow &r : s.statements.rows)
            out(QStringLiteral("%1 ms total, %2 calls, %3 ms mean: %4")
                    .arg(r.totalMs, 10, 'f', 1)
                    .arg(r.calls, 8)
                    .arg(r.meanMs, 8, 'f', 2)
                    .arg(oneLine(r.query, 60)));
    if (header(QStringLiteral("Checkpoints"), s.checkpoints) && !s.checkpoints.rows.isEmpty()) {
        const CheckpointRow &c = s.checkpoints.rows.first();
        out(QStringLiteral("%1 timed, %2 requested, %3 buffers written")
                .arg(c.timed)
                .arg(c.requested)
                .arg(c.buffersWritten));
    }
}

void printText(const StatsSnapshot &s, const Rates &rates, const ActivitySample *sample)
{
    printSummary(s, rates);
    printSizes(s, sample);
    printSessions(s);
    printUpkeep(s);
    printObjects(s);
    printReplication(s);
}

int runStats(const QStringList &argsIn)
{
    QStringList args = argsIn;
    bool json = false;
    double interval = 1.0;
    StatsCollector::Options options;
    QString conninfo;
    QString problem;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        auto next = [&](const char *what) -> QString {
            if (i + 1 >= args.size()) {
                strata::cli::err(
                    QStringLiteral("strata-cli stats: %1 needs a value").arg(QLatin1String(what)));
                return {};
            }
            return args.at(++i);
        };
        if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--interval")) {
            interval = strata::cli::decimalNumber(
                QStringLiteral("--interval"), next("--interval"), 0, 3600, &problem)
                           .value_or(0);
        } else if (a == QLatin1String("--timeout")) {
            options.sectionTimeoutMs = strata::cli::wholeNumber(
                QStringLiteral("--timeout"), next("--timeout"), 1, 3600 * 1000, &problem)
                                           .value_or(options.sectionTimeoutMs);
        } else if (a == QLatin1String("--top")) {
            options.topRelations = strata::cli::wholeNumber(
                QStringLiteral("--top"), next("--top"), 1, 100000, &problem)
                                       .value_or(options.topRelations);
        } else if (a.startsWith(QLatin1String("--"))) {
            strata::cli::err(QStringLiteral("strata-cli stats: unknown option %1").arg(a));
            return 2;
        } else if (conninfo.isEmpty()) {
            conninfo = a;
        }
    }
    if (!problem.isEmpty()) {
        strata::cli::err(QStringLiteral("strata-cli stats: ") + problem);
        return 2;
    }
    if (conninfo.isEmpty()) {
        strata::cli::err(
            QStringLiteral("Usage: strata-cli stats CONNINFO [--json] [--interval SECONDS] "
                           "[--timeout MS] [--top N]"));
        return 2;
    }
    QString password;
    auto profile = ConnectionProfile::fromConnInfo(conninfo, &password);
    if (!profile) {
        strata::cli::err(profile.error().toString());
        return 2;
    }
    SessionOptions so;
    so.applicationName = QStringLiteral("strata-cli stats");
    Session session(profile.value(), password, so);
    auto opened = session.open().result();
    if (!opened) {
        strata::cli::err(opened.error().toString());
        return 1;
    }
    auto first
        = session.run([](SessionContext &ctx) { return StatsCollector::sample(ctx); }).result();
    QElapsedTimer t;
    t.start();
    StatsCollector collector(options);
    const StatsSnapshot snap = session
                                   .run([collector](SessionContext &ctx) -> Result<StatsSnapshot> {
                                       return collector.collect(ctx);
                                   })
                                   .result()
                                   .value();
    Rates rates;
    Result<ActivitySample> second = Error(Error::Kind::Internal, QStringLiteral("not sampled"));
    if (interval > 0 && first) {
        const qint64 left = qint64(interval * 1000) - t.elapsed();
        if (left > 0)
            QThread::msleep(left);
        second
            = session.run([](SessionContext &ctx) { return StatsCollector::sample(ctx); }).result();
        if (second)
            rates = Rates::between(first.value(), second.value());
    }
    const ActivitySample *last = second ? &second.value() : first ? &first.value() : nullptr;
    if (json)
        strata::cli::out(QString::fromUtf8(
            QJsonDocument(statsjson::toJson(snap, rates.valid() ? &rates : nullptr, last))
                .toJson(QJsonDocument::Indented)));
    else
        printText(snap, rates, last);
    if (!first)
        strata::cli::err(
            QStringLiteral("warning: sampling the counters failed: ") + first.error().toString());
    return 0;
}

} // namespace

STRATA_CLI_COMMAND("stats", "stats CONNINFO [--json] [--interval SECONDS] [--timeout MS] [--top N]",
    "Print the statistics dashboard: health warnings, rates, sizes, sessions, "
    "locks, vacuum, indexes, sequences, replication, top statements.",
    runStats);
