#pragma once

#include <QString>

class QAbstractItemModel;

namespace strata::models::csv {

// The model's rows as CSV (RFC 4180: fields with commas, quotes or line breaks are quoted,
// quotes doubled), header first, display text of each cell, in the model's current order.
QString fromModel(const QAbstractItemModel *model);

} // namespace strata::models::csv
