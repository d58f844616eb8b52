#pragma once

#include <QString>

#include <optional>

namespace strata::cli {

// A command-line number, whole and in range, or a message naming the option and what it takes
// ("-j takes a whole number from 1 to 64, not \"many\"."): "many", "0x", "" and 1e9 are refused
// rather than read as 0 or cut short.
std::optional<int> wholeNumber(
    const QString &option, const QString &text, int min, int max, QString *problem);
// A decimal number (seconds), finite and in range.
std::optional<double> decimalNumber(
    const QString &option, const QString &text, double min, double max, QString *problem);

} // namespace strata::cli
