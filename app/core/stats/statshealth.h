#pragma once

#include "stats/statssnapshot.h"

namespace strata::core {

// Turns a snapshot into plain-language warnings ("3 sequences above 80%"). Thresholds are
// values so tests and settings can change them.
struct HealthThresholds
{
    double sequenceFraction = 0.80;
    double deadTupleRatio = 0.20;
    qint64 deadTupleMinimum = 1000;
    int vacuumStaleDays = 30;
    double wraparoundFraction = 0.50; // of the 2^31 limit
    double cacheHitMinimum = 0.90;
    qint64 cacheHitMinimumBlocks = 10000; // below this many reads the ratio says little
    double connectionFraction = 0.80;
    double longRunningSeconds = 300;
    double idleInTransactionSeconds = 60;
    qint64 slotRetainedBytes = qint64(1) << 30;
};

namespace statshealth {

// The transaction-ID distance at which PostgreSQL stops assigning new IDs (2^31 - 1).
constexpr qint64 wraparoundLimit = 2147483647;

QList<HealthWarning> evaluate(const StatsSnapshot &s, const HealthThresholds &t = {});

} // namespace statshealth

} // namespace strata::core
