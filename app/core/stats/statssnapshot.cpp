#include "statssnapshot.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace strata::core {

QList<ActivityRow> StatsSnapshot::longRunning(double minSeconds) const
{
    QList<ActivityRow> out;
    for (const ActivityRow &a : activity.rows)
        if (a.isActive() && a.querySeconds >= minSeconds)
            out.append(a);
    std::sort(out.begin(), out.end(),
        [](const ActivityRow &a, const ActivityRow &b) { return a.querySeconds > b.querySeconds; });
    return out;
}

QList<ActivityRow> StatsSnapshot::idleInTransaction() const
{
    QList<ActivityRow> out;
    for (const ActivityRow &a : activity.rows)
        if (a.isIdleInTransaction())
            out.append(a);
    std::sort(out.begin(), out.end(),
        [](const ActivityRow &a, const ActivityRow &b) { return a.stateSeconds > b.stateSeconds; });
    return out;
}

namespace {

LockNode buildNode(const LockRow &row, const QHash<int, QList<int>> &children,
    const QHash<int, LockRow> &byPid, QSet<int> &path)
{
    LockNode node;
    node.row = row;
    path.insert(row.pid);
    for (int child : children.value(row.pid)) {
        if (path.contains(child)) // a deadlock about to be broken: do not loop
            continue;
        node.blocked.append(buildNode(byPid.value(child), children, byPid, path));
    }
    path.remove(row.pid);
    return node;
}

} // namespace

QList<LockNode> StatsSnapshot::lockTree() const
{
    QHash<int, LockRow> byPid;
    QHash<int, QList<int>> children;
    for (const LockRow &r : locks.rows)
        byPid.insert(r.pid, r);
    for (const LockRow &r : locks.rows)
        for (int blocker : r.blockedBy) {
            if (!byPid.contains(blocker)) { // ended between the two reads, or another database
                LockRow ghost;
                ghost.pid = blocker;
                byPid.insert(blocker, ghost);
            }
            children[blocker].append(r.pid);
        }
    QList<int> roots;
    for (auto it = byPid.cbegin(); it != byPid.cend(); ++it)
        if (it->blockedBy.isEmpty())
            roots.append(it.key());
    // Everyone blocked and no root: a cycle (deadlock); start from the lowest pid.
    if (roots.isEmpty() && !byPid.isEmpty())
        roots.append(*std::min_element(byPid.keyBegin(), byPid.keyEnd()));
    std::sort(roots.begin(), roots.end());
    QList<LockNode> out;
    for (int pid : roots) {
        QSet<int> path;
        out.append(buildNode(byPid.value(pid), children, byPid, path));
    }
    return out;
}

int StatsSnapshot::connectionCount() const
{
    int n = 0;
    for (const ConnectionStateRow &r : connections.rows)
        n += r.sessions;
    return n;
}

DatabaseCounters ActivitySample::total() const
{
    DatabaseCounters t;
    for (const DatabaseCounters &c : databases) {
        t.commits += c.commits;
        t.rollbacks += c.rollbacks;
        t.returned += c.returned;
        t.fetched += c.fetched;
        t.inserted += c.inserted;
        t.updated += c.updated;
        t.deleted += c.deleted;
        t.blocksRead += c.blocksRead;
        t.blocksHit += c.blocksHit;
        t.backends += c.backends;
    }
    return t;
}

const DatabaseCounters *ActivitySample::find(const QString &database) const
{
    for (const DatabaseCounters &c : databases)
        if (c.database == database)
            return &c;
    return nullptr;
}

Rates Rates::between(const ActivitySample &a, const ActivitySample &b, const QString &database)
{
    Rates r;
    const double seconds = b.serverEpoch - a.serverEpoch;
    if (seconds <= 0)
        return r;
    DatabaseCounters x, y;
    if (database.isEmpty()) {
        x = a.total();
        y = b.total();
    } else {
        const DatabaseCounters *px = a.find(database);
        const DatabaseCounters *py = b.find(database);
        if (!px || !py)
            return r;
        x = *px;
        y = *py;
    }
    // A reset (pg_stat_reset) makes counters go backwards: no rate rather than a negative one.
    if (y.commits < x.commits || y.rollbacks < x.rollbacks || y.returned < x.returned)
        return r;
    auto rate = [seconds](qint64 from, qint64 to) { return double(to - from) / seconds; };
    r.seconds = seconds;
    r.commits = rate(x.commits, y.commits);
    r.rollbacks = rate(x.rollbacks, y.rollbacks);
    r.transactions = r.commits + r.rollbacks;
    r.returned = rate(x.returned, y.returned);
    r.fetched = rate(x.fetched, y.fetched);
    r.inserted = rate(x.inserted, y.inserted);
    r.updated = rate(x.updated, y.updated);
    r.deleted = rate(x.deleted, y.deleted);
    return r;
}

} // namespace strata::core
