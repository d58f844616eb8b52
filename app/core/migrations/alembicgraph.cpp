#include "alembicgraph.h"

#include <QMap>

namespace strata::core {

AlembicGraph::AlembicGraph(const QList<FolderMigration> &revisions)
{
    for (const auto &r : revisions)
        if (!r.version.isEmpty())
            m_byRevision.insert(r.version, r);
    // Kahn's algorithm; ties broken by revision id so the order is stable.
    QHash<QString, int> pendingParents;
    QHash<QString, QStringList> children;
    for (const auto &r : std::as_const(m_byRevision)) {
        int count = 0;
        for (const auto &p : r.downRevisions + r.dependsOn) {
            if (m_byRevision.contains(p)) {
                ++count;
                children[p].append(r.version);
            }
        }
        pendingParents.insert(r.version, count);
    }
    QMap<QString, bool> ready;
    for (auto it = pendingParents.cbegin(); it != pendingParents.cend(); ++it)
        if (it.value() == 0)
            ready.insert(it.key(), true);
    while (!ready.isEmpty()) {
        const QString next = ready.firstKey();
        ready.remove(next);
        m_ordered.append(m_byRevision.value(next));
        for (const auto &c : children.value(next))
            if (--pendingParents[c] == 0)
                ready.insert(c, true);
    }
    for (auto it = pendingParents.cbegin(); it != pendingParents.cend(); ++it)
        if (it.value() > 0) {
            m_cycle.append(it.key());
            FolderMigration m = m_byRevision.value(it.key());
            if (m.error.isEmpty())
                m.error = QStringLiteral("part of a cycle in down_revision");
            m_ordered.append(m);
        }
}

QStringList AlembicGraph::heads() const
{
    QSet<QString> revised;
    for (const auto &r : m_byRevision)
        for (const auto &p : r.downRevisions)
            revised.insert(p);
    QStringList out;
    for (const auto &r : m_ordered)
        if (!revised.contains(r.version))
            out.append(r.version);
    return out;
}

QStringList AlembicGraph::roots() const
{
    QStringList out;
    for (const auto &r : m_ordered)
        if (r.downRevisions.isEmpty())
            out.append(r.version);
    return out;
}

bool AlembicGraph::hasBranches() const
{
    if (heads().size() > 1 || roots().size() > 1)
        return true;
    for (const auto &r : m_byRevision)
        if (r.downRevisions.size() > 1)
            return true;
    return false;
}

QSet<QString> AlembicGraph::ancestors(
    const QStringList &revisions, QStringList *unknown, QStringList *blocked) const
{
    QSet<QString> seen;
    QStringList stack;
    for (const auto &r : revisions) {
        if (m_byRevision.contains(r))
            stack.append(r);
        else if (unknown)
            unknown->append(r);
    }
    while (!stack.isEmpty()) {
        const QString r = stack.takeLast();
        if (seen.contains(r))
            continue;
        seen.insert(r);
        const FolderMigration &m = m_byRevision[r];
        bool stopped = !m.parentsKnown;
        for (const auto &p : m.downRevisions + m.dependsOn) {
            if (!m_byRevision.contains(p))
                stopped = true;
            else if (!seen.contains(p))
                stack.append(p);
        }
        if (stopped && blocked && !blocked->contains(r))
            blocked->append(r);
    }
    return seen;
}

QSet<QString> AlembicGraph::descendants(const QString &revision) const
{
    QHash<QString, QStringList> children;
    for (const auto &r : m_byRevision)
        for (const auto &p : r.downRevisions + r.dependsOn)
            children[p].append(r.version);
    QSet<QString> seen;
    QStringList stack { revision };
    while (!stack.isEmpty()) {
        const QString r = stack.takeLast();
        if (seen.contains(r))
            continue;
        seen.insert(r);
        stack.append(children.value(r));
    }
    return seen;
}

QStringList AlembicGraph::danglingParents() const
{
    QStringList out;
    for (const auto &r : m_ordered)
        for (const auto &p : r.downRevisions + r.dependsOn)
            if (!m_byRevision.contains(p) && !out.contains(p))
                out.append(p);
    return out;
}

} // namespace strata::core
