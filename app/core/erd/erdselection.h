#pragma once

#include "erd/erdtypes.h"

namespace strata::core {

// What a diagram draws, chosen from the catalog's shape. Pure functions: tested without a server.
namespace ErdSelect {

// Every table of these schemas (views too when `views`); empty: every schema.
ErdSelection schemas(const ErdCatalog &c, const QStringList &schemas, bool views);
// Exactly these tables, and what connects them.
ErdSelection tables(const ErdCatalog &c, const QList<ErdTableRef> &refs, bool views);
// The centres and every table within `depth` foreign keys of them, followed both ways; with
// `views`, the views that read any of them (and a view centre reaches what it reads).
ErdSelection neighbourhood(
    const ErdCatalog &c, const QList<ErdTableRef> &centres, int depth, bool views);
// Every shortest chain of foreign keys between two tables (followed either way): the tables on
// them and only the keys they use.
ErdSelection paths(const ErdCatalog &c, const ErdTableRef &from, const ErdTableRef &to);
// The one the scope asks for.
ErdSelection select(const ErdCatalog &c, const ErdScope &scope);

// The chosen tables (without columns yet) and their keys and view edges, as a diagram.
ErdDiagram diagramOf(const ErdCatalog &c, const ErdSelection &selection);

} // namespace ErdSelect
} // namespace strata::core
