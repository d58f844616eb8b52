#pragma once

#include "migrations/migrationfolder.h"

#include <QHash>
#include <QSet>

namespace strata::core {

// The revision graph of an Alembic versions/ folder: edges from down_revision (a merge has
// several) and depends_on. Revisions are ordered topologically, parents first.
class AlembicGraph
{
public:
    explicit AlembicGraph(const QList<FolderMigration> &revisions);

    QList<FolderMigration> ordered() const { return m_ordered; }
    QStringList heads() const; // revisions nothing revises
    QStringList roots() const;
    bool hasBranches() const; // more than one head, or a merge somewhere
    // Every revision reached from the given ones through down_revision and depends_on,
    // the given ones included. Unknown names are returned in *unknown; *blocked gets the reached
    // revisions where the walk had to stop short: their parents are unknown (a broken file) or
    // name a revision no file defines.
    QSet<QString> ancestors(const QStringList &revisions, QStringList *unknown = nullptr,
        QStringList *blocked = nullptr) const;
    // The revision and everything that descends from it.
    QSet<QString> descendants(const QString &revision) const;
    // Parents named in down_revision/depends_on that no file defines.
    QStringList danglingParents() const;
    QStringList cycleMembers() const { return m_cycle; }

private:
    QHash<QString, FolderMigration> m_byRevision;
    QList<FolderMigration> m_ordered;
    QStringList m_cycle;
};

} // namespace strata::core
