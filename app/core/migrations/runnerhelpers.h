#pragma once

#include "migrations/sqlmigrationrunner.h"

#include <QDateTime>
#include <QSet>
#include <QString>

namespace strata::core {

class SessionContext;

// What SqlMigrationRunner's plan and run share.
namespace runnerhelpers {

// What the splitter cannot cut safely, so that such a file is refused before any of it runs;
// empty when nothing.
QString unsupportedReason(const QString &text);
// Procedures whose body commits (a CALL of one cannot run in a transaction block).
QSet<QString> committingProcedures(SessionContext &ctx);
QString when(const QDateTime &t);

} // namespace runnerhelpers
} // namespace strata::core
