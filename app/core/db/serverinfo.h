#pragma once

#include "db/serverversion.h"

#include <QString>

namespace strata::core {

// What a connection found out about its server when it opened.
struct ServerInfo
{
    ServerVersion version;
    QString versionString; // SELECT version()
    QString database;
    QString user;
    bool superuser = false;
    QString warning; // e.g. a server older than Strata supports

    // The warning for a server of this version; empty when Strata is made for it.
    static QString warningFor(const ServerVersion &version);
};

} // namespace strata::core
