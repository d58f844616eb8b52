#pragma once

#include "db/connectionprofile.h"
#include "erd/erdtypes.h"
#include "result.h"

#include <QHash>
#include <QPointF>

namespace strata::core {

// A diagram as remembered: its scope and where tables were moved to (their top left).
struct SavedDiagram
{
    QString name; // empty: the unnamed diagram of its scope
    ErdScope scope;
    QHash<ErdTableRef, QPointF> positions;
};

// Diagrams remembered per database, in a small SQLite file in the app data folder (SQLite and
// not QSettings: thousands of positions replaced in one transaction, and any name stored as it
// is). Named diagrams (subject areas) keep their scope and positions under their name; the
// unnamed diagram keeps positions under its scope, so going back to a scope finds them again.
// Every call opens its own connection on the calling thread: call it from a worker (Pool::Io).
class DiagramStore
{
public:
    // $STRATA_DIAGRAM_STORE, else diagrams.sqlite in the app data folder.
    static QString defaultPath();
    // The database a profile names, as the store keys it: "host:port/database" (the user left
    // out: positions belong to the database, whoever looks at it).
    static QString targetOf(const ConnectionProfile &profile);

    explicit DiagramStore(QString path = defaultPath());

    Result<QStringList> names(const QString &target) const;
    // The named diagram, or the unnamed one of `scope` when name is empty. A diagram never
    // saved comes back with no positions (and the scope asked for).
    Result<SavedDiagram> load(
        const QString &target, const QString &name, const ErdScope &scope = {}) const;
    Status save(const QString &target, const SavedDiagram &diagram) const;
    Status remove(const QString &target, const QString &name) const;
    QString path() const { return m_path; }

private:
    QString m_path;
};

} // namespace strata::core
