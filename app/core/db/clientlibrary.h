#pragma once

#include <QString>

namespace strata::core {

// The libpq this program runs with (not the one it was built against), as "16.4": what the
// About box shows, read here so that widgets need not include libpq.
QString libpqVersion();

} // namespace strata::core
