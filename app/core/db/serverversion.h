#pragma once

#include <QString>

namespace strata::core {

// PostgreSQL's server_version_num (150004 = 15.4, 90624 = 9.6.24), as libpq reports it.
struct ServerVersion
{
    int number = 0;

    int major() const { return number >= 100000 ? number / 10000 : number / 100; }
    bool isValid() const { return number > 0; }
    bool atLeast(int wantedMajor) const { return major() >= wantedMajor; }
    QString toString() const;
    // Oldest release Strata is written for; older ones get a warning, not a refusal.
    static constexpr int oldestSupportedMajor = 12;
};

} // namespace strata::core
