#include "command.h"

#include "catalog/catalogreader.h"
#include "db/session.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <optional>

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

// A name as a terminal may show it: an object name can hold any character but NUL, and escape
// sequences, bells, carriage returns or C1 controls in it must be shown, never obeyed.
QString printable(const QString &name)
{
    QString out;
    out.reserve(name.size());
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        if (u == u'\\')
            out += QStringLiteral("\\\\");
        else if (u == u'\n')
            out += QStringLiteral("\\n");
        else if (u == u'\r')
            out += QStringLiteral("\\r");
        else if (u == u'\t')
            out += QStringLiteral("\\t");
        else if (u < 0x20 || u == 0x7f)
            out += QStringLiteral("\\x%1").arg(int(u), 2, 16, QLatin1Char('0'));
        else if ((u >= 0x80 && u < 0xa0) || u == 0x2028 || u == 0x2029
            || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069))
            out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

struct SchemaArgs
{
    QString conninfo;
    QString only;
    bool json = false;
    bool internal = false;
};

std::optional<SchemaArgs> parseArgs(const QStringList &args)
{
    SchemaArgs a;
    for (int i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (arg == QLatin1String("--json"))
            a.json = true;
        else if (arg == QLatin1String("--internal"))
            a.internal = true;
        else if (arg == QLatin1String("--schema") && i + 1 < args.size())
            a.only = args[++i];
        else if (arg.startsWith(QLatin1String("--schema=")))
            a.only = arg.mid(9);
        else if (arg.startsWith(QLatin1String("--")) || !a.conninfo.isEmpty())
            return std::nullopt;
        else
            a.conninfo = arg;
    }
    if (a.conninfo.isEmpty())
        return std::nullopt;
    return a;
}

Result<QList<SchemaListing>> readListing(Session &session, const SchemaArgs &a)
{
    return session
        .run([a](SessionContext &ctx) -> Result<QList<SchemaListing>> {
            auto schemas = CatalogReader::schemas(ctx);
            if (!schemas)
                return schemas.error();
            QList<SchemaListing> out;
            for (const SchemaInfo &s : schemas.value()) {
                // A named schema is shown even when it is internal.
                if (a.only.isEmpty() ? (s.internal && !a.internal) : s.name != a.only)
                    continue;
                auto objects = CatalogReader::allRelations(ctx, s.oid);
                if (!objects)
                    return objects.error();
                out.append({ s, objects.value() });
            }
            return out;
        })
        .result();
}

void printJson(const QString &database, const QList<SchemaListing> &listing)
{
    QJsonArray schemas;
    for (const SchemaListing &l : listing) {
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
        QJsonObject { { QStringLiteral("database"), database },
            { QStringLiteral("schemas"),
                schemas } }).toJson(QJsonDocument::Indented)));
}

void printTable(const QList<SchemaListing> &listing)
{
    const QLocale locale(QLocale::English);
    QList<QStringList> rows;
    rows << QStringList { QStringLiteral("SCHEMA"), QStringLiteral("NAME"), QStringLiteral("KIND"),
        QStringLiteral("PARENT"), QStringLiteral("EST. ROWS"), QStringLiteral("TOTAL SIZE") };
    qsizetype objects = 0;
    for (const SchemaListing &l : listing) {
        objects += l.objects.size();
        for (const RelationInfo &o : l.objects)
            rows << QStringList { printable(l.schema.name)
                    + (l.schema.internal ? QStringLiteral(" (internal)") : QString()),
                printable(o.name), kindName(o.kind), printable(o.parentName),
                o.estimatedRows < 0 ? QStringLiteral("-") : locale.toString(o.estimatedRows),
                o.totalBytes < 0 ? QStringLiteral("-") : locale.formattedDataSize(o.totalBytes) };
    }
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
    strata::cli::out(QStringLiteral("%1 schemas, %2 relations").arg(listing.size()).arg(objects));
}

int runSchema(const QStringList &args)
{
    const auto a = parseArgs(args);
    if (!a)
        return usage();
    QString password;
    auto profile = ConnectionProfile::fromConnInfo(a->conninfo, &password);
    if (!profile) {
        strata::cli::err(profile.error().toString());
        return 2;
    }
    Session session(profile.value(), password);
    auto result = readListing(session, *a);
    if (!result) {
        strata::cli::err(result.error().toString());
        return 1;
    }
    if (!a->only.isEmpty() && result->isEmpty()) {
        strata::cli::err(QStringLiteral("There is no schema named \"%1\" in this database.\n"
                                        "Run without --schema to list them all.")
                             .arg(printable(a->only)));
        return 1;
    }
    if (a->json)
        printJson(session.profile().database, result.value());
    else
        printTable(result.value());
    return 0;
}

} // namespace

STRATA_CLI_COMMAND("schema", "schema CONNINFO [--schema NAME] [--internal] [--json]",
    "List the relations of every schema (or one) with kind, partition parent, "
    "estimated rows and total size; internal schemas only with --internal or "
    "--schema.",
    runSchema);
