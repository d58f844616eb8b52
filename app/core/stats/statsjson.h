#pragma once

#include "stats/statssnapshot.h"

#include <QJsonObject>

namespace strata::core::statsjson {

// The snapshot as JSON for `strata-cli stats --json` (keys documented in docs/stats-json.md).
// rates may be null when only one sample was taken.
QJsonObject toJson(
    const StatsSnapshot &s, const Rates *rates = nullptr, const ActivitySample *sample = nullptr);

} // namespace strata::core::statsjson
