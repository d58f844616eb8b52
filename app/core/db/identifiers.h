#pragma once

#include <QString>

namespace strata::core {

// A name as a person writes it in SQL: unquoted when PostgreSQL would read it back unchanged
// (lower case letters, digits, _ and $, not a keyword that is reserved or reads as a type or
// function), double-quoted otherwise, as the server's quote_ident() does. For text shown or
// copied; statements Strata runs quote through the connection (SessionContext::quoteIdentifier).
QString quoteIdentifierIfNeeded(const QString &name);
// "schema.name", each part quoted if needed.
QString qualifiedName(const QString &schema, const QString &name);

} // namespace strata::core
