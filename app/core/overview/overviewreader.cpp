#include "overviewreader.h"

#include "db/session.h"
#include "stats/statscollector.h"
#include "stats/statshealth.h"

#include <algorithm>

namespace strata::core {

qint64 ServerSummary::uptimeSeconds(const QDateTime &now) const
{
    if (!startedAt.isValid())
        return 0;
    return std::max<qint64>(0, startedAt.msecsTo(now.addMSecs(clockSkewMs)) / 1000);
}

namespace OverviewReader {

Result<ServerSummary> server(SessionContext &ctx)
{
    auto r = ctx.exec(QStringLiteral("overview/server"));
    if (!r)
        return r.error();
    const PgResult &row = r.value();
    if (row.rows() == 0)
        return Error(Error::Kind::Internal, QStringLiteral("The server's facts came back empty."));
    ServerSummary f;
    const auto epochMs = [&row](const char *col) { return qint64(row.toDouble(0, col) * 1000.0); };
    f.startedAt = QDateTime::fromMSecsSinceEpoch(epochMs("started_epoch"), Qt::UTC);
    f.clockSkewMs = epochMs("server_epoch") - QDateTime::currentMSecsSinceEpoch();
    f.clientConnections = row.toInt(0, "client_connections");
    f.maxConnections = row.toInt(0, "max_connections");
    f.databaseBytes = row.toLongLong(0, "database_bytes");
    const QString extensions = row.text(0, "extensions");
    if (!extensions.isEmpty())
        f.extensions = extensions.split(QStringLiteral(", "));
    f.schemaCount = row.toInt(0, "schema_count");
    f.encoding = row.text(0, "encoding");
    f.timeZone = row.text(0, "time_zone");
    return f;
}

Result<QList<DatabaseSummary>> databases(SessionContext &ctx)
{
    auto r = ctx.exec(QStringLiteral("overview/databases"));
    if (!r)
        return r.error();
    const PgResult &rows = r.value();
    QList<DatabaseSummary> out;
    out.reserve(rows.rows());
    for (int i = 0; i < rows.rows(); ++i)
        out.append({ rows.text(i, "name"), rows.text(i, "owner"), rows.text(i, "encoding"),
            rows.toLongLong(i, "size_bytes", -1) });
    return out;
}

Result<QList<SchemaSize>> schemaSizes(SessionContext &ctx, int limit)
{
    auto r = ctx.exec(QStringLiteral("overview/schema_sizes"), { QString::number(limit) });
    if (!r)
        return r.error();
    const PgResult &rows = r.value();
    QList<SchemaSize> out;
    out.reserve(rows.rows());
    for (int i = 0; i < rows.rows(); ++i)
        out.append(
            { rows.text(i, "name"), rows.toLongLong(i, "bytes", 0), rows.toInt(i, "tables") });
    return out;
}

Result<QList<HealthWarning>> health(SessionContext &ctx)
{
    StatsCollector::Options o;
    o.topRelations = 5;
    o.vacuumRows = 50;
    o.xidRows = 10;
    o.statementRows = 5;
    o.sectionTimeoutMs = 5000;
    return statshealth::evaluate(StatsCollector(o).collect(ctx));
}

QList<BackupEntry> recentBackups(QList<BackupEntry> entries, const QString &server, int limit)
{
    entries.removeIf(
        [&server](const BackupEntry &e) { return e.server != server || e.isDeleted(); });
    std::stable_sort(entries.begin(), entries.end(),
        [](const BackupEntry &a, const BackupEntry &b) { return a.started > b.started; });
    if (entries.size() > limit)
        entries.resize(limit);
    return entries;
}

} // namespace OverviewReader
} // namespace strata::core
