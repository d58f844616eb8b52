#include "clientlibrary.h"

#include <libpq-fe.h>

namespace strata::core {

QString libpqVersion()
{
    // PQlibVersion: major * 10000 + minor since PostgreSQL 10.
    const int v = PQlibVersion();
    return QStringLiteral("%1.%2").arg(v / 10000).arg(v % 10000);
}

} // namespace strata::core
