#include "backupsjson.h"
#include "command.h"
#include "jobprogress.h"

#include "db/session.h"

using namespace strata::core;

namespace {

int runCheck(const QStringList &argsIn)
{
    QStringList args = argsIn;
    const bool json = args.removeAll(QStringLiteral("--json")) > 0;
    if (args.size() != 1) {
        strata::cli::err(QStringLiteral("Usage: strata-cli check CONNINFO [--json]"));
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
    if (json) {
        strata::cli::printJson(r
                ? QJsonObject { { "ok", true }, { "database", r->database }, { "user", r->user },
                    { "server", r->versionString }, { "server_version_num", r->version.number },
                    { "warning", r->warning } }
                : QJsonObject { { "ok", false }, { "error", strata::cli::errorJson(r.error()) } });
        return r ? 0 : 1;
    }
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

STRATA_CLI_COMMAND("check", "check CONNINFO [--json]",
    "Connect, print the server's version, and warn about servers older than 12. Exit 0 when "
    "connected, 1 when not (the error says why), 2 for a usage error.",
    runCheck);
