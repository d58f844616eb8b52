#pragma once

#include <QString>

#include <optional>

namespace strata::core {

// ~/.pgpass (or PGPASSFILE), read with libpq's rules, to know whether a connection will find a
// password without asking. libpq itself reads the file when connecting; Strata never writes it.
namespace pgpass {

QString path();
// The password libpq would use for this target, if any line matches. Empty host means the
// local socket ("localhost" in the file matches it, as in libpq).
std::optional<QString> lookup(
    const QString &host, int port, const QString &database, const QString &user);
// libpq ignores the file when group or others can read it; say so.
QString permissionProblem();

} // namespace pgpass
} // namespace strata::core
