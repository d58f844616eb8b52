#pragma once

#include "result.h"

#include <QList>
#include <QPair>
#include <QString>

namespace strata::core {

// libpq connection strings, parsed and written by libpq's own rules.
namespace conninfo {

using Param = QPair<QString, QString>;
using Params = QList<Param>;

// Accepts "key=value ..." strings and postgresql:// URIs; uses PQconninfoParse, so the error
// names the bad part the way libpq does. Only the keywords that were set come back.
Result<Params> parse(const QString &text);

// key='value' pairs, quoted only where libpq needs it.
QString format(const Params &params);
QString quoteValue(const QString &value);

QString value(const Params &params, const QString &key);
void set(Params &params, const QString &key, const QString &value);
void remove(Params &params, const QString &key);

// The string with any password removed, for logs and for showing a command.
QString redacted(const QString &text);

bool isKnownKeyword(const QString &key);

} // namespace conninfo
} // namespace strata::core
