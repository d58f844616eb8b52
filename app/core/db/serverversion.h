#pragma once

#include <QString>

namespace strata::core {

// PostgreSQL's server_version_num (150004 = 15.4, 90624 = 9.6.24), as libpq reports it.
struct ServerVersion
{
    int number = 0;

    // 15 for 15.4; 9 for 9.6 (releases before 10 had two-part majors; Strata only needs to
    // know that they are old).
    int major() const { return number / 10000; }
    bool isValid() const { return number > 0; }
    bool atLeast(int wantedMajor) const { return major() >= wantedMajor; }
    QString toString() const;
    // Oldest release Strata is written for; older ones get a warning, not a refusal.
    static constexpr int oldestSupportedMajor = 12;
};

} // namespace strata::core
