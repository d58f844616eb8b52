#include "numberoption.h"

#include <cmath>

namespace strata::cli {

std::optional<int> wholeNumber(
    const QString &option, const QString &text, int min, int max, QString *problem)
{
    bool ok = false;
    const qlonglong v = text.trimmed().toLongLong(&ok, 10);
    if (ok && v >= min && v <= max)
        return int(v);
    if (problem && problem->isEmpty())
        *problem = QStringLiteral("%1 takes a whole number from %2 to %3, not \"%4\".")
                       .arg(option)
                       .arg(min)
                       .arg(max)
                       .arg(text);
    return std::nullopt;
}

std::optional<double> decimalNumber(
    const QString &option, const QString &text, double min, double max, QString *problem)
{
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (ok && std::isfinite(v) && v >= min && v <= max)
        return v;
    if (problem && problem->isEmpty())
        *problem = QStringLiteral("%1 takes a number from %2 to %3, not \"%4\".")
                       .arg(option)
                       .arg(min)
                       .arg(max)
                       .arg(text);
    return std::nullopt;
}

} // namespace strata::cli
