#pragma once

#include "overview/overviewtypes.h"
#include "result.h"

namespace strata::core {

class SessionContext;

// Reads what the overview shows. Runs on a session's thread; tests call it directly.
namespace OverviewReader {

Result<ServerSummary> server(SessionContext &ctx);
Result<QList<DatabaseSummary>> databases(SessionContext &ctx);

} // namespace OverviewReader
} // namespace strata::core
