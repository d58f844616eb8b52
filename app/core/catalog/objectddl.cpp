#include "objectddl.h"

#include "catalog/catalogreader.h"
#include "db/pgbinaries.h"
#include "db/session.h"

#include <QProcess>
#include <QProcessEnvironment>

namespace strata::core::ObjectDdl {

namespace {

QString quoted(SessionContext &ctx, const QString &schema, const QString &name)
{
    return ctx.quoteIdentifier(schema) + QLatin1Char('.') + ctx.quoteIdentifier(name);
}

} // namespace

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
    switch (kind) {
    case ObjectKind::View:
    case ObjectKind::MaterializedView: {
        auto d = CatalogReader::relationDetails(ctx, oid);
        if (!d)
            return d.error();
        QString sql = kind == ObjectKind::View ? QStringLiteral("CREATE OR REPLACE VIEW ")
                                               : QStringLiteral("CREATE MATERIALIZED VIEW ");
        sql += quoted(ctx, d->schema, d->name) + QStringLiteral(" AS\n") + d->viewDefinition;
        if (!sql.trimmed().endsWith(u';'))
            sql += QLatin1Char(';');
        sql += QLatin1Char('\n');
        for (const IndexInfo &i : d->indexes)
            sql += QLatin1Char('\n') + i.definition + QLatin1Char(';');
        return sql;
    }
    case ObjectKind::Function: {
        auto f = CatalogReader::functionDetails(ctx, oid);
        if (!f)
            return f.error();
        if (!f->definition.isEmpty())
            return f->definition;
        return QStringLiteral("-- %1 %2(%3): PostgreSQL has no pg_get_functiondef for "
                              "aggregates.\n-- Its transition function:\n%4\n")
            .arg(f->kind, quoted(ctx, f->schema, f->name), f->arguments, f->source);
    }
    case ObjectKind::Type: {
        auto t = CatalogReader::typeDetails(ctx, oid);
        if (!t)
            return t.error();
        const QString name = quoted(ctx, t->schema, t->name);
        if (t->kind == QLatin1String("domain")) {
            QString sql = QStringLiteral("CREATE DOMAIN %1 AS %2").arg(name, t->baseType);
            if (!t->defaultExpr.isEmpty())
                sql += QStringLiteral("\n    DEFAULT ") + t->defaultExpr;
            if (t->notNull)
                sql += QStringLiteral("\n    NOT NULL");
            for (const QString &c : t->checks.split(u'\n', Qt::SkipEmptyParts))
                sql += QStringLiteral("\n    ") + c;
            return QString(sql + QStringLiteral(";\n"));
        }
        if (t->kind == QLatin1String("enum"))
            return QStringLiteral("CREATE TYPE %1 AS ENUM (%2);\n").arg(name, t->labels);
        if (t->kind == QLatin1String("composite")) {
            QStringList cols;
            for (const ColumnInfo &c : t->attributes)
                cols << QStringLiteral("    %1 %2").arg(ctx.quoteIdentifier(c.name), c.type);
            return QStringLiteral("CREATE TYPE %1 AS (\n%2\n);\n").arg(name, cols.join(",\n"));
        }
        return QStringLiteral("-- %1 is a %2 type; PostgreSQL has no function that writes its "
                              "definition.\n")
            .arg(name, t->kind);
    }
    case ObjectKind::Extension: {
        auto e = CatalogReader::extensionDetails(ctx, oid);
        if (!e)
            return e.error();
        return QStringLiteral("CREATE EXTENSION IF NOT EXISTS %1 WITH SCHEMA %2 VERSION %3;\n")
            .arg(ctx.quoteIdentifier(e->name), ctx.quoteIdentifier(e->schema),
                QLatin1Char('\'') + QString(e->version).replace(u'\'', QLatin1String("''"))
                    + QLatin1Char('\''));
    }
    default: {
        auto d = CatalogReader::relationDetails(ctx, oid);
        if (!d)
            return d.error();
        QString sql = QStringLiteral("-- %1 %2: pieces from the server's pg_get_*def "
                                     "functions\n")
                          .arg(kindName(d->kind), quoted(ctx, d->schema, d->name));
        for (const ConstraintInfo &c : d->constraints)
            sql += QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 %3;\n")
                       .arg(quoted(ctx, d->schema, d->name), ctx.quoteIdentifier(c.name),
                           c.definition);
        for (const IndexInfo &i : d->indexes)
            if (!i.primary)
                sql += i.definition + QStringLiteral(";\n");
        for (const TriggerInfo &t : d->triggers)
            sql += t.definition + QStringLiteral(";\n");
        return sql;
    }
    }
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

    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("PGPASSWORD"));
    if (!request.password.isEmpty())
        env.insert(QStringLiteral("PGPASSWORD"), request.password); // environment only
    p.setProcessEnvironment(env);
    const QStringList args { QStringLiteral("--schema-only"), QStringLiteral("--no-password"),
        QStringLiteral("--table"), exactTablePattern(request.schema, request.name),
        QStringLiteral("--dbname"), request.profile.toConnInfo() };
    p.start(chosen->path, args);
    if (!p.waitForStarted(10000))
        return Error(Error::Kind::Tool,
            QStringLiteral("%1 could not be started: %2").arg(chosen->path, p.errorString()));
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished(2000);
        return Error(Error::Kind::Timeout, QStringLiteral("pg_dump did not finish in 2 minutes."),
            QStringLiteral("The table may be locked; try again later."));
    }
    const QString errText = QString::fromUtf8(p.readAllStandardError()).trimmed();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return Error(Error::Kind::Tool,
            QStringLiteral("pg_dump failed for %1.%2: %3")
                .arg(request.schema, request.name, errText.section(u'\n', 0, 2)),
            QStringLiteral("Check that the table still exists and that you may read "
                           "it."));
    const QString dump = QString::fromUtf8(p.readAllStandardOutput());
    if (!dump.contains(QLatin1String("CREATE ")))
        return Error(Error::Kind::Tool,
            QStringLiteral("pg_dump wrote nothing for %1.%2.").arg(request.schema, request.name),
            QStringLiteral("Refresh the schema: it may have been dropped or renamed."));
    return tidyDump(dump);
}

} // namespace strata::core::ObjectDdl
