#pragma once

#include "db/conninfo.h"
#include "result.h"

#include <QString>

namespace strata::core {

// A saved way to reach one database. A plain value: no password lives here, ever; passwords go
// to the keychain (PasswordStore) or come from ~/.pgpass and PG* variables through libpq.
struct ConnectionProfile
{
    QString id; // stable key for settings and the keychain
    QString name;
    QString host; // host name, IP, or Unix socket folder
    int port = 0; // 0: libpq's default (PGPORT or 5432)
    QString database;
    QString user;
    QString sslMode; // disable, allow, prefer, require, verify-ca, verify-full
    QString sslCert;
    QString sslKey;
    QString sslRootCert;
    QString service; // service=NAME from pg_service.conf
    QString extraOptions; // further libpq keyword=value pairs
    QString toolsDir; // where pg_dump / pg_restore / psql live, when not on PATH
    QString dockerContainer; // run the tools with `docker exec -i CONTAINER`
    QString migrationsDir; // the project's migrations folder, remembered per profile
    bool rememberPassword = true;

    // Keyword/value pairs for libpq (never a password).
    conninfo::Params toParams() const;
    QString toConnInfo() const;
    // A short label: "user@host:port/db" or the service name.
    QString displayTarget() const;

    // Any libpq connection string or postgresql:// URI. A password in it is returned separately
    // so the caller can hand it to the keychain instead of keeping it in the profile.
    static Result<ConnectionProfile> fromConnInfo(const QString &text, QString *password = nullptr);

    bool operator==(const ConnectionProfile &) const = default;
};

} // namespace strata::core
