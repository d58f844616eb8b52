#pragma once

#include "migrations/candidatetable.h"
#include "migrations/migrationhistory.h"
#include "result.h"

namespace strata::core {

class SessionContext;

// Finds every framework's history table in every schema (one catalog query) and reads each.
// A table that cannot be read carries its error; the others are still read. Runs on a session's
// thread (Session::run).
class HistoryReader
{
public:
    static constexpr int defaultRowLimit = 5000;

    static Result<CatalogSnapshot> candidates(SessionContext &ctx);
    static Result<QList<MigrationHistory>> readAll(
        SessionContext &ctx, int rowLimit = defaultRowLimit);
};

} // namespace strata::core
