#include "statshealth.h"

#include <QLocale>

namespace strata::core::statshealth {

namespace {

QString percent(double fraction)
{
    return QString::number(qRound(fraction * 100)) + u'%';
}

QString qualified(const QString &schema, const QString &name)
{
    return schema + u'.' + name;
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

} // namespace

QList<HealthWarning> evaluate(const StatsSnapshot &s, const HealthThresholds &t)
{
    using Sev = HealthWarning::Severity;
    QList<HealthWarning> out;
    auto add = [&out](Sev sev, const char *cat, const QString &text) {
        out.append(HealthWarning { sev, QString::fromLatin1(cat), text });
    };
    const QDateTime now = s.server.ok() && !s.server.rows.isEmpty()
        ? QDateTime::fromMSecsSinceEpoch(qint64(s.server.rows.first().serverEpoch * 1000), Qt::UTC)
        : s.takenAt;

    // Sequences near their end, against the column they feed.
    QStringList nearEnd;
    bool critical = false;
    for (const SequenceRow &q : s.sequences.rows) {
        const double f = q.usedFraction();
        if (f >= t.sequenceFraction && !q.cycles) {
            QString what = QStringLiteral("%1 (%2").arg(qualified(q.schema, q.name), percent(f));
            if (q.limitedByColumn())
                what += QStringLiteral(" of %1 column %2.%3").arg(q.columnType, q.table, q.column);
            nearEnd << what + u')';
            critical = critical || f >= 0.95;
        }
    }
    if (!nearEnd.isEmpty())
        add(critical ? Sev::Critical : Sev::Warning, "sequences",
            (nearEnd.size() == 1 ? QStringLiteral("%1 sequence is above %2 of its range: %3.")
                                 : QStringLiteral("%1 sequences are above %2 of their range: %3."))
                .arg(nearEnd.size())
                .arg(percent(t.sequenceFraction), listSome(nearEnd)));

    // Dead tuples and vacuum that has not happened.
    for (const VacuumRow &v : s.vacuum.rows) {
        const QString name = qualified(v.schema, v.table);
        if (v.deadTuples >= t.deadTupleMinimum && v.deadRatio() >= t.deadTupleRatio)
            add(v.deadRatio() >= 0.5 ? Sev::Critical : Sev::Warning, "vacuum",
                QStringLiteral("Table %1 has %2 dead tuples (%3 of its rows)%4.")
                    .arg(name, QLocale().toString(v.deadTuples), percent(v.deadRatio()),
                        v.autovacuumEnabled ? QString()
                                            : QStringLiteral("; autovacuum is disabled for it")));
        if (v.deadTuples >= t.deadTupleMinimum && v.autovacuumEnabled) {
            const QDateTime last = v.lastAnyVacuum();
            if (!last.isValid())
                add(Sev::Warning, "vacuum",
                    QStringLiteral("Autovacuum has never run on %1, which has %2 dead tuples.")
                        .arg(name, QLocale().toString(v.deadTuples)));
            else if (last.daysTo(now) >= t.vacuumStaleDays)
                add(Sev::Warning, "vacuum",
                    QStringLiteral("Autovacuum has not run on %1 for %2 days.")
                        .arg(name)
                        .arg(last.daysTo(now)));
        }
    }

    // Transaction-ID wraparound.
    for (const DatabaseRow &d : s.databases.rows) {
        const double f = double(d.xidAge) / double(wraparoundLimit);
        if (f >= t.wraparoundFraction)
            add(f >= 0.75 ? Sev::Critical : Sev::Warning, "wraparound",
                QStringLiteral("Database %1 is %2 of the way to transaction-ID wraparound "
                               "(age %3): it needs a VACUUM FREEZE.")
                    .arg(d.name, percent(f), QLocale().toString(d.xidAge)));
    }
    for (const XidAgeRow &x : s.xidTables.rows) {
        const double f = double(x.xidAge) / double(wraparoundLimit);
        if (f >= t.wraparoundFraction)
            add(Sev::Warning, "wraparound",
                QStringLiteral("Table %1 is %2 of the way to transaction-ID wraparound.")
                    .arg(qualified(x.schema, x.table), percent(f)));
    }

    // Connections against the limit.
    if (s.server.ok() && !s.server.rows.isEmpty() && s.connections.ok()) {
        const ServerFacts &f = s.server.rows.first();
        const int usable = f.maxConnections - f.reservedConnections;
        const int used = s.connectionCount();
        if (usable > 0 && double(used) / usable >= t.connectionFraction)
            add(Sev::Warning, "connections",
                QStringLiteral("%1 of %2 connections are in use (max_connections %3).")
                    .arg(used)
                    .arg(usable)
                    .arg(f.maxConnections));
        if (!f.autovacuumOn)
            add(Sev::Warning, "vacuum", QStringLiteral("Autovacuum is turned off for the server."));
        if (!f.trackCounts)
            add(Sev::Warning, "statistics",
                QStringLiteral("track_counts is off: dead tuples and scans are not counted and "
                               "autovacuum cannot work."));
    }

    // Sessions that hold things up.
    const auto idle = s.idleInTransaction();
    QStringList idleOld;
    for (const ActivityRow &a : idle)
        if (a.stateSeconds >= t.idleInTransactionSeconds)
            idleOld << QStringLiteral("%1 (%2 s)").arg(a.pid).arg(qRound(a.stateSeconds));
    if (!idleOld.isEmpty())
        add(Sev::Warning, "activity",
            QStringLiteral("%1 %2 idle in a transaction for more than %3 s: %4.")
                .arg(idleOld.size())
                .arg(idleOld.size() == 1 ? QStringLiteral("session has been")
                                         : QStringLiteral("sessions have been"))
                .arg(qRound(t.idleInTransactionSeconds))
                .arg(listSome(idleOld)));
    const auto longOnes = s.longRunning(t.longRunningSeconds);
    if (!longOnes.isEmpty())
        add(Sev::Warning, "activity",
            QStringLiteral("%1 %2 running for more than %3 s (longest: pid %4, %5 s).")
                .arg(longOnes.size())
                .arg(longOnes.size() == 1 ? QStringLiteral("query has been")
                                          : QStringLiteral("queries have been"))
                .arg(qRound(t.longRunningSeconds))
                .arg(longOnes.first().pid)
                .arg(qRound(longOnes.first().querySeconds)));
    int blocked = 0;
    for (const LockRow &l : s.locks.rows)
        if (!l.blockedBy.isEmpty())
            ++blocked;
    if (blocked > 0)
        add(Sev::Warning, "locks",
            QStringLiteral("%1 %2 waiting for a lock held by another session.")
                .arg(blocked)
                .arg(blocked == 1 ? QStringLiteral("session is") : QStringLiteral("sessions are")));

    // Cache.
    if (s.cacheHit.ok() && !s.cacheHit.rows.isEmpty()) {
        const CacheHitRow &c = s.cacheHit.rows.first();
        if (c.heapHit + c.heapRead >= t.cacheHitMinimumBlocks && c.tableRatio() < t.cacheHitMinimum)
            add(Sev::Info, "cache",
                QStringLiteral("Only %1 of table reads come from the buffer cache; "
                               "shared_buffers may be too small for the working set.")
                    .arg(percent(c.tableRatio())));
    }

    // Indexes.
    if (!s.unusedIndexes.rows.isEmpty()) {
        qint64 bytes = 0;
        for (const UnusedIndexRow &u : s.unusedIndexes.rows)
            bytes += u.bytes;
        add(Sev::Info, "indexes",
            QStringLiteral("%1 %2 never been scanned since the statistics were reset (%3 in all).")
                .arg(s.unusedIndexes.rows.size())
                .arg(s.unusedIndexes.rows.size() == 1 ? QStringLiteral("index has")
                                                      : QStringLiteral("indexes have"))
                .arg(QLocale().formattedDataSize(bytes)));
    }
    for (const DuplicateIndexRow &d : s.duplicateIndexes.rows)
        add(Sev::Warning, "indexes",
            QStringLiteral("Table %1 has identical indexes: %2.")
                .arg(qualified(d.schema, d.table), d.indexes.join(QStringLiteral(", "))));

    // Materialized views without data fail every query.
    for (const MatViewRow &m : s.matviews.rows)
        if (!m.populated)
            add(Sev::Info, "matviews",
                QStringLiteral("Materialized view %1 holds no data yet (REFRESH it before use).")
                    .arg(qualified(m.schema, m.name)));

    // Replication slots that hold WAL back.
    for (const SlotRow &sl : s.slots.rows)
        if (!sl.active && sl.retainedBytes >= t.slotRetainedBytes)
            add(Sev::Warning, "replication",
                QStringLiteral("Inactive replication slot %1 holds back %2 of WAL.")
                    .arg(sl.name, QLocale().formattedDataSize(sl.retainedBytes)));

    // Sections that could not be read.
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
        add(Sev::Info, "statistics",
            QStringLiteral("%1 %2 of the dashboard could not be read; see the section for why.")
                .arg(failed)
                .arg(failed == 1 ? QStringLiteral("part") : QStringLiteral("parts")));
    return out;
}

} // namespace strata::core::statshealth
