#include "serverversion.h"

namespace strata::core {

QString ServerVersion::toString() const
{
    if (!isValid())
        return QStringLiteral("unknown");
    if (number >= 100000)
        return QStringLiteral("%1.%2").arg(number / 10000).arg(number % 10000);
    return QStringLiteral("%1.%2.%3")
        .arg(number / 10000)
        .arg((number / 100) % 100)
        .arg(number % 100);
}

} // namespace strata::core
