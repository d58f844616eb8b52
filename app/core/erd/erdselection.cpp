#include "erd/erdselection.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace strata::core::ErdSelect {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("erd", text);
}

// Adds the keys and view edges whose ends are both chosen.
void connect(const ErdCatalog &c, ErdSelection &s)
{
    QSet<int> chosen(s.tables.cbegin(), s.tables.cend());
    for (int k = 0; k < c.keys.size(); ++k)
        if (chosen.contains(c.indexOf(c.keys.at(k).from))
            && chosen.contains(c.indexOf(c.keys.at(k).to)))
            s.keys.append(k);
    for (int v = 0; v < c.viewEdges.size(); ++v)
        if (chosen.contains(c.indexOf(c.viewEdges.at(v).view))
            && chosen.contains(c.indexOf(c.viewEdges.at(v).source)))
            s.viewEdges.append(v);
}

// Tables joined by a foreign key either way: index -> neighbours (self-references left out).
QList<QList<int>> keyGraph(const ErdCatalog &c)
{
    QList<QList<int>> adj(c.tables.size());
    for (const ErdForeignKey &k : c.keys) {
        const int a = c.indexOf(k.from), b = c.indexOf(k.to);
        if (a < 0 || b < 0 || a == b)
            continue;
        adj[a].append(b);
        adj[b].append(a);
    }
    return adj;
}

// Breadth-first distances from `start` over `adj`; -1 where unreachable.
QList<int> distances(const QList<QList<int>> &adj, const QList<int> &start, int maxDepth = -1)
{
    QList<int> dist(adj.size(), -1);
    QList<int> queue;
    for (int s : start) {
        if (dist[s] < 0) {
            dist[s] = 0;
            queue.append(s);
        }
    }
    for (qsizetype head = 0; head < queue.size(); ++head) {
        const int u = queue.at(head);
        if (maxDepth >= 0 && dist[u] >= maxDepth)
            continue;
        for (int v : adj.at(u)) {
            if (dist[v] < 0) {
                dist[v] = dist[u] + 1;
                queue.append(v);
            }
        }
    }
    return dist;
}

// Resolves names; a name without schema matches a table of that name in any schema when only
// one schema has it.
int find(const ErdCatalog &c, const ErdTableRef &ref)
{
    const int exact = c.indexOf(ref);
    if (exact >= 0 || !ref.schema.isEmpty())
        return exact;
    int found = -1;
    for (int i = 0; i < c.tables.size(); ++i) {
        if (c.tables.at(i).name == ref.name) {
            if (found >= 0)
                return -1;
            found = i;
        }
    }
    return found;
}

QString missing(const ErdTableRef &ref)
{
    return tr("No table or view named %1.").arg(ref.schema.isEmpty() ? ref.name : ref.display());
}

} // namespace

ErdSelection schemas(const ErdCatalog &c, const QStringList &schemas, bool views)
{
    ErdSelection s;
    for (int i = 0; i < c.tables.size(); ++i) {
        const ErdTable &t = c.tables.at(i);
        if ((schemas.isEmpty() || schemas.contains(t.schema)) && (views || !t.isView()))
            s.tables.append(i);
    }
    connect(c, s);
    return s;
}

ErdSelection tables(const ErdCatalog &c, const QList<ErdTableRef> &refs, bool views)
{
    ErdSelection s;
    QStringList notFound;
    for (const ErdTableRef &r : refs) {
        const int i = find(c, r);
        if (i < 0)
            notFound << missing(r);
        else if ((views || !c.tables.at(i).isView()) && !s.tables.contains(i))
            s.tables.append(i);
    }
    s.problem = notFound.join(u' ');
    connect(c, s);
    return s;
}

ErdSelection neighbourhood(
    const ErdCatalog &c, const QList<ErdTableRef> &centres, int depth, bool views)
{
    ErdSelection s;
    QList<int> start;
    QStringList notFound;
    for (const ErdTableRef &r : centres) {
        const int i = find(c, r);
        if (i < 0)
            notFound << missing(r);
        else
            start.append(i);
    }
    s.problem = notFound.join(u' ');
    QList<QList<int>> adj = keyGraph(c);
    // A view at the centre reaches what it reads (a table never reaches views this way).
    for (const ErdViewEdge &e : c.viewEdges) {
        const int v = c.indexOf(e.view), t = c.indexOf(e.source);
        if (start.contains(v) && v != t)
            adj[v].append(t);
    }
    const QList<int> dist = distances(adj, start, std::max(0, depth));
    for (int i = 0; i < dist.size(); ++i)
        if (dist.at(i) >= 0)
            s.tables.append(i);
    if (views) {
        QSet<int> chosen(s.tables.cbegin(), s.tables.cend());
        for (const ErdViewEdge &e : c.viewEdges) {
            const int v = c.indexOf(e.view);
            if (chosen.contains(c.indexOf(e.source)) && !chosen.contains(v)) {
                chosen.insert(v);
                s.tables.append(v);
            }
        }
    }
    connect(c, s);
    return s;
}

ErdSelection paths(const ErdCatalog &c, const ErdTableRef &from, const ErdTableRef &to)
{
    ErdSelection s;
    const int a = find(c, from), b = find(c, to);
    if (a < 0 || b < 0) {
        s.problem = (a < 0 ? missing(from) : missing(to));
        return s;
    }
    const QList<QList<int>> adj = keyGraph(c);
    const QList<int> da = distances(adj, { a }), db = distances(adj, { b });
    const int d = da.at(b);
    if (d < 0) {
        s.problem = tr("No chain of foreign keys joins %1 and %2.")
                        .arg(c.tables.at(a).ref().display(), c.tables.at(b).ref().display());
        s.tables = { a, b };
        if (a == b)
            s.tables = { a };
        return s;
    }
    // On a shortest path: the distances from both ends add up to the path's length.
    for (int i = 0; i < adj.size(); ++i)
        if (da.at(i) >= 0 && db.at(i) >= 0 && da.at(i) + db.at(i) == d)
            s.tables.append(i);
    for (int k = 0; k < c.keys.size(); ++k) {
        const int u = c.indexOf(c.keys.at(k).from), v = c.indexOf(c.keys.at(k).to);
        if (u == v || da.at(u) < 0 || da.at(v) < 0)
            continue;
        if (da.at(u) + 1 + db.at(v) == d || da.at(v) + 1 + db.at(u) == d)
            s.keys.append(k);
    }
    return s;
}

ErdSelection select(const ErdCatalog &c, const ErdScope &scope)
{
    switch (scope.kind) {
    case ErdScope::Kind::Schemas:
        return schemas(c, scope.schemas, scope.views);
    case ErdScope::Kind::Tables:
        return tables(c, scope.tables, scope.views);
    case ErdScope::Kind::Neighbourhood:
        return neighbourhood(c, scope.tables, scope.depth, scope.views);
    case ErdScope::Kind::Path:
        return paths(c, scope.from, scope.to);
    }
    return {};
}

ErdDiagram diagramOf(const ErdCatalog &c, const ErdSelection &selection)
{
    ErdDiagram d;
    d.tables.reserve(selection.tables.size());
    for (int i : selection.tables)
        d.tables.append(c.tables.at(i));
    for (int k : selection.keys)
        d.keys.append(c.keys.at(k));
    for (int v : selection.viewEdges)
        d.viewEdges.append(c.viewEdges.at(v));
    return d;
}

} // namespace strata::core::ErdSelect
