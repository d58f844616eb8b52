#include "command.h"

#include "db/session.h"

using namespace strata::core;

namespace {

int runCheck(const QStringList &args)
{
    if (args.isEmpty()) {
        strata::cli::err(QStringLiteral("Usage: strata-cli check CONNINFO"));
        return 2;
    }
    QString password; // only if the user wrote one into CONNINFO; libpq reads PGPASSWORD itself
    auto profile = ConnectionProfile::fromConnInfo(args.first(), &password);
    if (!profile) {
        strata::cli::err(profile.error().toString());
        return 2;
    }
    Session session(profile.value(), password);
    auto r = session.open().result();
    if (!r) {
        strata::cli::err(r.error().toString());
        return 1;
    }
    strata::cli::out(QStringLiteral("connected to %1 as %2").arg(r->database, r->user));
    strata::cli::out(r->versionString);
    if (!r->warning.isEmpty())
        strata::cli::err(QStringLiteral("warning: ") + r->warning);
    return 0;
}

} // namespace

STRATA_CLI_COMMAND("check", "check CONNINFO",
    "Connect, print the server's version, and warn about servers older than 12.", runCheck);
