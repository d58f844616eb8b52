#include "statshealth.h"

#include <QLocale>

namespace strata::core::statshealth {

namespace {

using Sev = HealthWarning::Severity;

QString percent(double fraction)
{
    return QString::number(qRound(fraction * 100)) + u'%';
}

QString qualified(const QString &schema, const QString &name)
{
    return schema + u'.' + name;
}

QStringList key(const QString &schema, const QString &name)
{
    return { schema, name };
}

// "a.b, c.d and 3 more"
QString listSome(const QStringList &names, int shown = 3)
{
    if (names.size() <= shown)
        return names.join(QStringLiteral(", "));
    return QStringLiteral("%1 and %2 more")
        .arg(names.mid(0, shown).join(QStringLiteral(", ")))
        .arg(names.size() - shown);
}

// Collects the warnings of one snapshot, each with the section and row it is about.
struct Warnings
{
    QList<HealthWarning> out;
    void add(Sev sev, const char *category, const QString &text, const char *section = "",
        const QVariant &key = {})
    {
        out.append(HealthWarning {
            sev, QString::fromLatin1(category), text, QString::fromLatin1(section), key });
    }
};

QDateTime serverNow(const StatsSnapshot &s)
{
    return s.server.ok() && !s.server.rows.isEmpty()
        ? QDateTime::fromMSecsSinceEpoch(qint64(s.server.rows.first().serverEpoch * 1000), Qt::UTC)
        : s.takenAt;
}

// Sequences near their end, against the column they feed. Links to the fullest.
void sequences(Warnings &w, const StatsSnapshot &s, const HealthThresholds &t)
{
    QStringList nearEnd;
    bool critical = false;
    const SequenceRow *fullest = nullptr;
    for (const SequenceRow &q : s.sequences.rows) {
        const double f = q.usedFraction();
        if (f < t.sequenceFraction || q.cycles)
            continue;
        QString what = QStringLiteral("%1 (%2").arg(qualified(q.schema, q.name), percent(f));
        if (q.limitedByColumn())
            what += QStringLiteral(" of %1 column %2.%3").arg(q.columnType, q.table, q.column);
        nearEnd << what + u')';
        critical = critical || f >= 0.95;
        if (!fullest || f > fullest->usedFraction())
            fullest = &q;
    }
    if (nearEnd.isEmpty())
        return;
    w.add(critical ? Sev::Critical : Sev::Warning, "sequences",
        (nearEnd.size() == 1 ? QStringLiteral("%1 sequence is above %2 of its range: %3.")
                             : QStringLiteral("%1 sequences are above %2 of their range: %3."))
            .arg(nearEnd.size())
            .arg(percent(t.sequenceFraction), listSome(nearEnd)),
        "sequences", key(fullest->schema, fullest->name));
}

// Dead tuples, and vacuum that has not happened.
void vacuum(Warnings &w, const StatsSnapshot &s, const HealthThresholds &t)
{
    const QDateTime now = serverNow(s);
    for (const VacuumRow &v : s.vacuum.rows) {
        const QString name = qualified(v.schema, v.table);
        const QStringList row = key(v.schema, v.table);
        if (v.deadTuples >= t.deadTupleMinimum && v.deadRatio() >= t.deadTupleRatio)
            w.add(v.deadRatio() >= 0.5 ? Sev::Critical : Sev::Warning, "vacuum",
                QStringLiteral("Table %1 has %2 dead tuples (%3 of its rows)%4.")
                    .arg(name, QLocale().toString(v.deadTuples), percent(v.deadRatio()),
                        v.autovacuumEnabled ? QString()
                                            : QStringLiteral("; autovacuum is disabled for it")),
                "vacuum", row);
        if (v.deadTuples < t.deadTupleMinimum || !v.autovacuumEnabled)
            continue;
        const QDateTime last = v.lastAnyVacuum();
        if (!last.isValid())
            w.add(Sev::Warning, "vacuum",
                QStringLiteral("Autovacuum has never run on %1, which has %2 dead tuples.")
                    .arg(name, QLocale().toString(v.deadTuples)),
                "vacuum", row);
        else if (last.daysTo(now) >= t.vacuumStaleDays)
            w.add(Sev::Warning, "vacuum",
                QStringLiteral("Autovacuum has not run on %1 for %2 days.")
                    .arg(name)
                    .arg(last.daysTo(now)),
                "vacuum", row);
    }
}

// Transaction-ID wraparound, of databases and of tables.
void wraparound(Warnings &w, const StatsSnapshot &s, const HealthThresholds &t)
{
    for (const DatabaseRow &d : s.databases.rows) {
        const double f = double(d.xidAge) / double(wraparoundLimit);
        if (f >= t.wraparoundFraction)
            w.add(f >= 0.75 ? Sev::Critical : Sev::Warning, "wraparound",
                QStringLiteral("Database %1 is %2 of the way to transaction-ID wraparound "
                               "(age %3): it needs a VACUUM FREEZE.")
                    .arg(d.name, percent(f), QLocale().toString(d.xidAge)),
                "databases", d.name);
    }
    for (const XidAgeRow &x : s.xidTables.rows) {
        const double f = double(x.xidAge) / double(wraparoundLimit);
        if (f >= t.wraparoundFraction)
            w.add(Sev::Warning, "wraparound",
                QStringLiteral("Table %1 is %2 of the way to transaction-ID wraparound.")
                    .arg(qualified(x.schema, x.table), percent(f)),
                "xid_tables", key(x.schema, x.table));
    }
}

// Connections against the limit, and server settings that stop statistics or autovacuum.
void server(Warnings &w, const StatsSnapshot &s, const HealthThresholds &t)
{
    if (!s.server.ok() || s.server.rows.isEmpty() || !s.connections.ok())
        return;
    const ServerFacts &f = s.server.rows.first();
    const int usable = f.maxConnections - f.reservedConnections;
    const int used = s.connectionCount();
    if (usable > 0 && double(used) / usable >= t.connectionFraction)
        w.add(Sev::Warning, "connections",
            QStringLiteral("%1 of %2 connections are in use (max_connections %3).")
                .arg(used)
                .arg(usable)
                .arg(f.maxConnections),
            "connections");
    if (!f.autovacuumOn)
        w.add(Sev::Warning, "vacuum", QStringLiteral("Autovacuum is turned off for the server."),
            "vacuum");
    if (!f.trackCounts)
        w.add(Sev::Warning, "statistics",
            QStringLiteral("track_counts is off: dead tuples and scans are not counted and "
                           "autovacuum cannot work."));
}

// Sessions that hold things up. Each links to the longest such session.
void sessions(Warnings &w, const StatsSnapshot &s, const HealthThresholds &t)
{
    QStringList idleOld;
    int idlePid = 0;
    double idleLongest = -1;
    for (const ActivityRow &a : s.idleInTransaction()) {
        if (a.stateSeconds < t.idleInTransactionSeconds)
            continue;
        idleOld << QStringLiteral("%1 (%2 s)").arg(a.pid).arg(qRound(a.stateSeconds));
        if (a.stateSeconds > idleLongest) {
            idleLongest = a.stateSeconds;
            idlePid = a.pid;
        }
    }
    if (!idleOld.isEmpty())
        w.add(Sev::Warning, "activity",
            QStringLiteral("%1 %2 idle in a transaction for more than %3 s: %4.")
                .arg(idleOld.size())
                .arg(idleOld.size() == 1 ? QStringLiteral("session has been")
                                         : QStringLiteral("sessions have been"))
                .arg(qRound(t.idleInTransactionSeconds))
                .arg(listSome(idleOld)),
            "activity", idlePid);
    const auto longOnes = s.longRunning(t.longRunningSeconds);
    if (!longOnes.isEmpty())
        w.add(Sev::Warning, "activity",
            QStringLiteral("%1 %2 running for more than %3 s (longest: pid %4, %5 s).")
                .arg(longOnes.size())
                .arg(longOnes.size() == 1 ? QStringLiteral("query has been")
                                          : QStringLiteral("queries have been"))
                .arg(qRound(t.longRunningSeconds))
                .arg(longOnes.first().pid)
                .arg(qRound(longOnes.first().querySeconds)),
            "activity", longOnes.first().pid);
    int blocked = 0, firstBlocked = 0;
    for (const LockRow &l : s.locks.rows)
        if (!l.blockedBy.isEmpty() && blocked++ == 0)
            firstBlocked = l.pid;
    if (blocked > 0)
        w.add(Sev::Warning, "locks",
            QStringLiteral("%1 %2 waiting for a lock held by another session.")
                .arg(blocked)
                .arg(blocked == 1 ? QStringLiteral("session is") : QStringLiteral("sessions are")),
            "locks", firstBlocked);
}

// The buffer cache, and indexes that cost without helping.
void cacheAndIndexes(Warnings &w, const StatsSnapshot &s, const HealthThresholds &t)
{
    if (s.cacheHit.ok() && !s.cacheHit.rows.isEmpty()) {
        const CacheHitRow &c = s.cacheHit.rows.first();
        if (c.heapHit + c.heapRead >= t.cacheHitMinimumBlocks && c.tableRatio() < t.cacheHitMinimum)
            w.add(Sev::Info, "cache",
                QStringLiteral("Only %1 of table reads come from the buffer cache; "
                               "shared_buffers may be too small for the working set.")
                    .arg(percent(c.tableRatio())));
    }
    if (!s.unusedIndexes.rows.isEmpty()) {
        qint64 bytes = 0;
        const UnusedIndexRow *largest = nullptr;
        for (const UnusedIndexRow &u : s.unusedIndexes.rows) {
            bytes += u.bytes;
            if (!largest || u.bytes > largest->bytes)
                largest = &u;
        }
        w.add(Sev::Info, "indexes",
            QStringLiteral("%1 %2 never been scanned since the statistics were reset (%3 in all).")
                .arg(s.unusedIndexes.rows.size())
                .arg(s.unusedIndexes.rows.size() == 1 ? QStringLiteral("index has")
                                                      : QStringLiteral("indexes have"))
                .arg(QLocale().formattedDataSize(bytes)),
            "unused_indexes", key(largest->schema, largest->index));
    }
    for (const DuplicateIndexRow &d : s.duplicateIndexes.rows)
        w.add(Sev::Warning, "indexes",
            QStringLiteral("Table %1 has identical indexes: %2.")
                .arg(qualified(d.schema, d.table), d.indexes.join(QStringLiteral(", "))),
            "duplicate_indexes", key(d.schema, d.table));
}

// Materialized views without data (every query on them fails), slots that hold WAL back.
void matviewsAndSlots(Warnings &w, const StatsSnapshot &s, const HealthThresholds &t)
{
    for (const MatViewRow &m : s.matviews.rows)
        if (!m.populated)
            w.add(Sev::Info, "matviews",
                QStringLiteral("Materialized view %1 holds no data yet (REFRESH it before use).")
                    .arg(qualified(m.schema, m.name)),
                "matviews", key(m.schema, m.name));
    for (const SlotRow &sl : s.slots.rows)
        if (!sl.active && sl.retainedBytes >= t.slotRetainedBytes)
            w.add(Sev::Warning, "replication",
                QStringLiteral("Inactive replication slot %1 holds back %2 of WAL.")
                    .arg(sl.name, QLocale().formattedDataSize(sl.retainedBytes)),
                "slots", sl.name);
}

// Sections that could not be read.
void unreadSections(Warnings &w, const StatsSnapshot &s)
{
    int failed = 0;
    auto count = [&failed](const auto &sec) { failed += sec.collected && sec.error.isError(); };
    count(s.server);
    count(s.databases);
    count(s.relations);
    count(s.largestIndexes);
    count(s.cacheHit);
    count(s.connections);
    count(s.activity);
    count(s.locks);
    count(s.vacuum);
    count(s.xidTables);
    count(s.unusedIndexes);
    count(s.duplicateIndexes);
    count(s.sequences);
    count(s.matviews);
    count(s.replication);
    count(s.slots);
    count(s.statements);
    count(s.checkpoints);
    if (failed > 0)
        w.add(Sev::Info, "statistics",
            QStringLiteral("%1 %2 of the dashboard could not be read; see the section for why.")
                .arg(failed)
                .arg(failed == 1 ? QStringLiteral("part") : QStringLiteral("parts")));
}

} // namespace

QList<HealthWarning> evaluate(const StatsSnapshot &s, const HealthThresholds &t)
{
    Warnings w;
    sequences(w, s, t);
    vacuum(w, s, t);
    wraparound(w, s, t);
    server(w, s, t);
    sessions(w, s, t);
    cacheAndIndexes(w, s, t);
    matviewsAndSlots(w, s, t);
    unreadSections(w, s);
    return w.out;
}

} // namespace strata::core::statshealth
