#include "command.h"

#include "catalog/catalogreader.h"
#include "db/session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

using namespace strata::core;

namespace {

struct SchemaListing
{
    SchemaInfo schema;
    QList<RelationInfo> objects;
};

int usage()
{
    strata::cli::err(
        QStringLiteral("Usage: strata-cli schema CONNINFO [--schema NAME] [--internal] "
                       "[--json]"));
    return 2;
}

QString padded(const QString &s, int width)
{
    return s.leftJustified(width, u' ');
}

int runSchema(const QStringList &args)
{
    QString conninfo;
    QString only;
    bool json = false;
    bool internal = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--json"))
            json = true;
        else if (a == QLatin1String("--internal"))
            internal = true;
        else if (a == QLatin1String("--schema") && i + 1 < args.size())
            only = args[++i];
        else if (a.startsWith(QLatin1String("--schema=")))
            only = a.mid(9);
        else if (a.startsWith(QLatin1String("--")) || !conninfo.isEmpty())
            return usage();
        else
            conninfo = a;
    }
    if (conninfo.isEmpty())
        return usage();
    QString password;
    auto profile = ConnectionProfile::fromConnInfo(conninfo, &password);
    if (!profile) {
        strata::cli::err(profile.error().toString());
        return 2;
    }
    Session session(profile.value(), password);
    auto result = session
                      .run([&](SessionContext &ctx) -> Result<QList<SchemaListing>> {
                          auto schemas = CatalogReader::schemas(ctx);
                          if (!schemas)
                              return schemas.error();
                          QList<SchemaListing> out;
                          for (const SchemaInfo &s : schemas.value()) {
                              // A named schema is shown even when it is internal.
                              if (only.isEmpty() ? (s.internal && !internal) : s.name != only)
                                  continue;
                              auto objects = CatalogReader::allRelations(ctx, s.oid);
                              if (!objects)
                                  return objects.error();
                              out.append({ s, objects.value() });
                          }
                          return out;
                      })
                      .result();
    if (!result) {
        strata::cli::err(result.error().toString());
        return 1;
    }
    if (!only.isEmpty() && result->isEmpty()) {
        strata::cli::err(QStringLiteral("There is no schema named \"%1\" in this database.\n"
                                        "Run without --schema to list them all.")
                             .arg(only));
        return 1;
    }

    if (json) {
        QJsonArray schemas;
        for (const SchemaListing &l : result.value()) {
            QJsonArray objects;
            for (const RelationInfo &o : l.objects) {
                QJsonObject obj { { QStringLiteral("name"), o.name },
                    { QStringLiteral("kind"), kindName(o.kind) } };
                if (!o.parentName.isEmpty())
                    obj.insert(QStringLiteral("parent"), o.parentName);
                obj.insert(QStringLiteral("estimated_rows"),
                    o.estimatedRows < 0 ? QJsonValue() : QJsonValue(o.estimatedRows));
                obj.insert(QStringLiteral("total_bytes"),
                    o.totalBytes < 0 ? QJsonValue() : QJsonValue(o.totalBytes));
                objects.append(obj);
            }
            schemas.append(QJsonObject { { QStringLiteral("name"), l.schema.name },
                { QStringLiteral("internal"), l.schema.internal },
                { QStringLiteral("objects"), objects } });
        }
        strata::cli::out(QString::fromUtf8(QJsonDocument(
            QJsonObject { { QStringLiteral("database"), session.profile().database },
                { QStringLiteral("schemas"),
                    schemas } }).toJson(QJsonDocument::Indented)));
        return 0;
    }

    const QLocale locale(QLocale::English);
    QList<QStringList> rows;
    rows << QStringList { QStringLiteral("SCHEMA"), QStringLiteral("NAME"), QStringLiteral("KIND"),
        QStringLiteral("PARENT"), QStringLiteral("EST. ROWS"), QStringLiteral("TOTAL SIZE") };
    for (const SchemaListing &l : result.value())
        for (const RelationInfo &o : l.objects)
            rows << QStringList { l.schema.name
                    + (l.schema.internal ? QStringLiteral(" (internal)") : QString()),
                o.name, kindName(o.kind), o.parentName,
                o.estimatedRows < 0 ? QStringLiteral("-") : locale.toString(o.estimatedRows),
                o.totalBytes < 0 ? QStringLiteral("-") : locale.formattedDataSize(o.totalBytes) };
    QList<int> widths(rows.first().size(), 0);
    for (const QStringList &r : rows)
        for (int c = 0; c < r.size(); ++c)
            widths[c] = qMax(widths[c], int(r[c].size()));
    for (const QStringList &r : rows) {
        QString line;
        for (int c = 0; c < r.size(); ++c)
            line += c >= 4 ? r[c].rightJustified(widths[c]) + QStringLiteral("  ")
                           : padded(r[c], widths[c]) + QStringLiteral("  ");
        while (line.endsWith(u' '))
            line.chop(1);
        strata::cli::out(line);
    }
    int schemas = int(result->size());
    qsizetype objects = 0;
    for (const SchemaListing &l : result.value())
        objects += l.objects.size();
    strata::cli::out(QStringLiteral("%1 schemas, %2 relations").arg(schemas).arg(objects));
    return 0;
}

} // namespace

STRATA_CLI_COMMAND("schema", "schema CONNINFO [--schema NAME] [--internal] [--json]",
    "List the relations of every schema (or one) with kind, partition parent, "
    "estimated rows and total size; internal schemas only with --internal or "
    "--schema.",
    runSchema);
