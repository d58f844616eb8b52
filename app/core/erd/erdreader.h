#pragma once

#include "erd/erdtypes.h"
#include "result.h"

#include <functional>

namespace strata::core {

class SessionContext;

// Reads what a diagram needs. Runs on a session's thread; tests call it directly.
namespace ErdReader {

// The catalog's shape (tables, views, foreign keys, what views read) in these schemas; empty:
// every user schema. Foreign keys and view sources are kept only when both ends were read.
// Without `views`, views are not read at all.
Result<ErdCatalog> catalog(SessionContext &ctx, const QStringList &schemas = {}, bool views = true);
// Reads the columns of these tables (with their key markers) into them.
Status columns(SessionContext &ctx, QList<ErdTable> &tables);
// What a scope draws: the catalog it needs, the selection, then the columns of what was chosen.
// More than `limit` tables (0: no limit) reads no columns: the result says how many it would be.
// `canceled` is asked between statements.
Result<ErdResult> read(SessionContext &ctx, const ErdScope &scope, int limit,
    const std::function<bool()> &canceled = {});

} // namespace ErdReader
} // namespace strata::core
