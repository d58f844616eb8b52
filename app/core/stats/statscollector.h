#pragma once

#include "stats/statssnapshot.h"

namespace strata::core {

class SessionContext;

// Reads the statistics views into a StatsSnapshot. Runs on a session's thread (inside
// Session::run); every section is one statement from sql/stats with its own time budget, so a
// section that fails or times out carries its error and the others are still read.
class StatsCollector
{
public:
    struct Options
    {
        int topRelations = 20;
        int vacuumRows = 200;
        int xidRows = 20;
        int statementRows = 25;
        int sectionTimeoutMs = 10000; // per statement; 0: the session's own timeout
        double longRunningSeconds = 60;
    };

    StatsCollector() = default;
    explicit StatsCollector(Options options) : m_options(options) { }
    const Options &options() const { return m_options; }

    StatsSnapshot collect(SessionContext &ctx) const;

    // One sample of the cumulative counters, for the live charts. Autocommit, one statement
    // each, after dropping any cached statistics snapshot.
    static Result<ActivitySample> sample(SessionContext &ctx);

private:
    Options m_options;
};

} // namespace strata::core
