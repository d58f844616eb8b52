#pragma once

#include "catalog/catalogtypes.h"

#include <QIcon>

namespace strata::models::icons {

// The icons Strata draws: a kind of object in the schema tree and the find results, and the
// toolbar's actions. Each is the desktop theme's icon where a freedesktop name fits, else a small
// SVG of Strata's own (resources/icons/ui/), so they show everywhere, offscreen too.
enum class Icon {
    Server,
    Database,
    Schema,
    Table,
    PartitionedTable,
    Partition,
    View,
    MaterializedView,
    Sequence,
    Function,
    Procedure,
    Aggregate,
    Extension,
    Type,
    ForeignTable,
    Index,
    Column,
    Constraint,
    Trigger,
    Folder,
    NewConnection,
    Refresh,
    Find,
    Backup,
    Restore,
    Diagram,
    Count_
};

// One QIcon per kind, made on first use (GUI thread) and shared after: cheap to return from
// data() for any number of rows.
const QIcon &icon(Icon which);
// The icon of a catalog object; `partition` for a table or partitioned table that is a
// partition, `prokind` ('p', 'a', ...) telling a function's kind.
Icon iconFor(core::ObjectKind kind, bool partition = false, char prokind = 0);
// The file name (without .svg) of the bundled drawing, for tests.
QString fallbackName(Icon which);

} // namespace strata::models::icons
