#include "statsactions.h"

#include "db/session.h"
#include "db/sqlregistry.h"

namespace strata::core::statsactions {

namespace {

QString templateName(Maintenance what)
{
    switch (what) {
    case Maintenance::Vacuum:
        return QStringLiteral("stats/actions/vacuum");
    case Maintenance::Analyze:
        return QStringLiteral("stats/actions/analyze");
    case Maintenance::Refresh:
        return QStringLiteral("stats/actions/refresh_matview");
    case Maintenance::RefreshConcurrently:
        return QStringLiteral("stats/actions/refresh_matview_concurrently");
    }
    return {};
}

QString quote(SessionContext *ctx, const QString &name)
{
    if (ctx)
        return ctx->quoteIdentifier(name);
    QString q = name;
    q.replace(u'"', QStringLiteral("\"\""));
    return u'"' + q + u'"';
}

Result<bool> signal(SessionContext &ctx, const char *sql, int pid)
{
    auto r = ctx.exec(QString::fromLatin1(sql), { pid });
    if (!r)
        return r.error();
    return r->toBool(0, 0);
}

} // namespace

Result<bool> cancelBackend(SessionContext &ctx, int pid)
{
    return signal(ctx, "stats/cancel_backend", pid);
}

Result<bool> terminateBackend(SessionContext &ctx, int pid)
{
    return signal(ctx, "stats/terminate_backend", pid);
}

Result<int> backendPid(SessionContext &ctx)
{
    auto r = ctx.exec(QStringLiteral("stats/backend_pid"));
    if (!r)
        return r.error();
    return r->toInt(0, 0);
}

QString statementFor(
    SessionContext *ctx, Maintenance what, const QString &schema, const QString &name)
{
    // The template holds one placeholder for the qualified name; identifiers are quoted, never
    // pasted raw (these utility statements take no bind parameters).
    auto filled = SqlRegistry::fill(SqlRegistry::instance().text(templateName(what)),
        { { QStringLiteral("relation"), { schema, name } } },
        [ctx](const QString &n) { return quote(ctx, n); });
    QStringList lines;
    for (const QString &line : filled.value().split(u'\n'))
        if (!line.startsWith(QLatin1String("--")) && !line.trimmed().isEmpty())
            lines << line.trimmed();
    return lines.join(u' ');
}

Status runMaintenance(
    SessionContext &ctx, Maintenance what, const QString &schema, const QString &name)
{
    const QString sql = statementFor(&ctx, what, schema, name);
    auto r = ctx.execScript(sql);
    if (!r) {
        Error e = r.error();
        if (e.kind == Error::Kind::Query)
            e.message = QStringLiteral("%1 failed: %2").arg(sql, e.message);
        if (e.sqlState == QLatin1String("25006"))
            e.hint = QStringLiteral("This session is read-only; maintenance needs a read-write "
                                    "session.");
        return e;
    }
    return Ok {};
}

Result<Progress> progress(SessionContext &ctx, Maintenance what, int pid)
{
    Progress p;
    if (what == Maintenance::Refresh || what == Maintenance::RefreshConcurrently)
        return p;
    auto r = ctx.exec(what == Maintenance::Vacuum ? QStringLiteral("stats/progress_vacuum")
                                                  : QStringLiteral("stats/progress_analyze"),
        { pid });
    if (!r)
        return r.error();
    if (r->rows() == 0)
        return p;
    p.phase = r->text(0, 0);
    p.total = r->toLongLong(0, 1);
    p.done = r->toLongLong(0, 2);
    return p;
}

} // namespace strata::core::statsactions
