#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace strata::core {

// What the overview shows of the server and the connected database.
struct ServerSummary
{
    QDateTime startedAt; // the postmaster's start, in UTC
    // The server's clock minus this machine's when it was read: the uptime is counted against
    // the server's clock, so a skewed desktop clock does not make it jump.
    qint64 clockSkewMs = 0;
    int clientConnections = 0;
    int maxConnections = 0;
    qint64 databaseBytes = 0;
    QStringList extensions; // "postgis 3.3.2", without plpgsql
    int schemaCount = 0; // not counting pg_* and information_schema
    QString encoding;
    QString timeZone;

    // How long the server has been up at `now` (this machine's clock).
    qint64 uptimeSeconds(const QDateTime &now) const;
};

// One schema of the connected database with its size, estimated from the pages its tables,
// indexes and materialized views held at their last VACUUM or ANALYZE (no file is read).
struct SchemaSize
{
    QString name;
    qint64 bytes = 0;
    int tables = 0;
};

// One database of the server, as the overview lists it.
struct DatabaseSummary
{
    QString name;
    QString owner;
    QString encoding;
    qint64 sizeBytes = -1; // -1: this role may not connect, so its size is not known
};

} // namespace strata::core
