#include "objectddl.h"

#include "catalog/catalogreader.h"
#include "db/pgbinaries.h"
#include "db/session.h"
#include "jobs/toolrunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryFile>

namespace strata::core::ObjectDdl {

QString exactTablePattern(const QString &schema, const QString &name)
{
    // Inside double quotes pg_dump takes every character literally; "" is one quote.
    auto q = [](QString s) -> QString {
        return QLatin1Char('"') + s.replace(QLatin1String("\""), QLatin1String("\"\""))
            + QLatin1Char('"');
    };
    return q(schema) + QLatin1Char('.') + q(name);
}

QString tidyDump(const QString &dump)
{
    QStringList out;
    bool lastBlank = true;
    for (const QString &line : dump.split(u'\n')) {
        const bool boilerplate = line.startsWith(QLatin1String("SET "))
            || line.startsWith(QLatin1String("SELECT pg_catalog.set_config"))
            || line == QLatin1String("--") || line.startsWith(QLatin1String("-- Dumped "))
            || line.startsWith(QLatin1String("-- PostgreSQL database dump"))
            || line.startsWith(QLatin1String("\\restrict"))
            || line.startsWith(QLatin1String("\\unrestrict"));
        if (boilerplate)
            continue;
        const bool blank = line.trimmed().isEmpty();
        if (blank && lastBlank)
            continue;
        out << line;
        lastBlank = blank;
    }
    while (!out.isEmpty() && out.last().trimmed().isEmpty())
        out.removeLast();
    return out.join(u'\n') + QLatin1Char('\n');
}

Result<QString> serverDefinition(SessionContext &ctx, ObjectKind kind, quint32 oid)
{
    QString sqlName;
    switch (kind) {
    case ObjectKind::View:
    case ObjectKind::MaterializedView:
        sqlName = QStringLiteral("catalog/ddl/view");
        break;
    case ObjectKind::Function: {
        auto f = CatalogReader::functionDetails(ctx, oid);
        if (!f)
            return f.error();
        if (!f->definition.isEmpty())
            return f->definition;
        return QStringLiteral("-- %1 %2.%3(%4): PostgreSQL has no pg_get_functiondef for "
                              "aggregates.\n-- Its transition function:\n%5\n")
            .arg(f->kind, ctx.quoteIdentifier(f->schema), ctx.quoteIdentifier(f->name),
                f->arguments, f->source);
    }
    case ObjectKind::Type:
        sqlName = QStringLiteral("catalog/ddl/type");
        break;
    case ObjectKind::Extension:
        sqlName = QStringLiteral("catalog/ddl/extension");
        break;
    default: {
        auto d = CatalogReader::relationDetails(ctx, oid);
        if (!d)
            return d.error();
        auto pieces = ctx.exec(QStringLiteral("catalog/ddl/relation"), { oid });
        if (!pieces)
            return pieces.error();
        QString sql = QStringLiteral("-- %1 %2.%3: pieces from the server's pg_get_*def "
                                     "functions\n")
                          .arg(kindName(d->kind), ctx.quoteIdentifier(d->schema),
                              ctx.quoteIdentifier(d->name));
        for (int i = 0; i < pieces->rows(); ++i)
            sql += pieces->text(i, "statement") + u'\n';
        return sql;
    }
    }
    // Written by the server, one statement a row.
    auto r = ctx.exec(sqlName, { oid });
    if (!r)
        return r.error();
    if (r->rows() == 0)
        return CatalogReader::objectGone(QStringLiteral("object %1").arg(oid));
    QStringList statements;
    for (int i = 0; i < r->rows(); ++i)
        statements << r->text(i, "statement");
    return QString(statements.join(QStringLiteral("\n\n")) + u'\n');
}

Result<QString> dumpRelation(const DumpRequest &request)
{
    QList<pgbinaries::Found> all;
    if (!request.preferredBinDir.isEmpty())
        all = pgbinaries::findAll(QStringLiteral("pg_dump"), request.preferredBinDir);
    all += pgbinaries::findAll(QStringLiteral("pg_dump"), request.profile.toolsDir);
    const pgbinaries::Found *chosen = nullptr;
    int newest = 0;
    for (const auto &f : all) {
        newest = std::max(newest, f.major);
        if (f.major >= request.serverMajor && !chosen)
            chosen = &f;
    }
    if (!chosen) {
        return Error(Error::Kind::Tool,
            all.isEmpty() ? QStringLiteral("pg_dump was not found, so the table's DDL cannot be "
                                           "shown.")
                          : QStringLiteral("pg_dump %1 cannot dump a PostgreSQL %2 server.")
                                .arg(newest)
                                .arg(request.serverMajor),
            QStringLiteral("Install postgresql-client-%1 or newer, or set the tools "
                           "folder in the connection's settings.")
                .arg(request.serverMajor));
    }

    // Through the tool runner every job uses: the password in a temporary PGPASSFILE, the child
    // in its own process group and never outliving Strata.
    QTemporaryFile out(QDir::tempPath() + QStringLiteral("/strata-ddl-XXXXXX.sql"));
    if (!out.open())
        return Error(Error::Kind::Io,
            QStringLiteral("Could not make a temporary file: %1").arg(out.errorString()));
    out.close();
    ToolCommand cmd;
    cmd.program = chosen->path;
    cmd.arguments = { QStringLiteral("--schema-only"), QStringLiteral("--no-password"),
        QStringLiteral("--table"), exactTablePattern(request.schema, request.name),
        QStringLiteral("--dbname"), request.profile.toConnInfo() };
    ToolRunOptions options;
    options.password = request.password;
    options.appName = QStringLiteral("strata-ddl");
    options.stdoutFile = out.fileName();
    QElapsedTimer clock;
    clock.start();
    constexpr qint64 kLimitMs = 120000;
    options.canceled = [&clock] { return clock.elapsed() > kLimitMs; };
    auto ran = runTool(cmd, options);
    if (!ran)
        return ran.error();
    if (ran->canceled)
        return Error(Error::Kind::Timeout, QStringLiteral("pg_dump did not finish in 2 minutes."),
            QStringLiteral("The table may be locked; try again later."));
    if (ran->ioError.isError())
        return ran->ioError;
    if (!ran->ok())
        return Error(Error::Kind::Tool,
            QStringLiteral("pg_dump failed for %1.%2: %3")
                .arg(request.schema, request.name, ran->errorLines.mid(0, 3).join(u'\n')),
            QStringLiteral("Check that the table still exists and that you may read "
                           "it."));
    QFile file(out.fileName());
    if (!file.open(QIODevice::ReadOnly))
        return Error(Error::Kind::Io,
            QStringLiteral("Could not read pg_dump's output: %1").arg(file.errorString()));
    const QString dump = QString::fromUtf8(file.readAll());
    if (!dump.contains(QLatin1String("CREATE ")))
        return Error(Error::Kind::Tool,
            QStringLiteral("pg_dump wrote nothing for %1.%2.").arg(request.schema, request.name),
            QStringLiteral("Refresh the schema: it may have been dropped or renamed."));
    return tidyDump(dump);
}

} // namespace strata::core::ObjectDdl
