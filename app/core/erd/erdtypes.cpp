#include "erdtypes.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace strata::core {

ErdTableRef ErdTableRef::parse(const QString &text)
{
    const QString t = text.trimmed();
    const qsizetype dot = t.lastIndexOf(u'.');
    if (dot < 0)
        return { QString(), t };
    return { t.left(dot), t.mid(dot + 1) };
}

void ErdCatalog::index()
{
    m_byOid.clear();
    m_byRef.clear();
    m_byOid.reserve(tables.size());
    m_byRef.reserve(tables.size());
    for (int i = 0; i < tables.size(); ++i) {
        m_byOid.insert(tables.at(i).oid, i);
        m_byRef.insert(tables.at(i).ref(), i);
    }
}

QStringList ErdCatalog::schemas() const
{
    QStringList out;
    for (const ErdTable &t : tables)
        out << t.schema;
    out.removeDuplicates();
    std::sort(out.begin(), out.end());
    return out;
}

namespace {

QJsonObject refJson(const ErdTableRef &r)
{
    return { { QStringLiteral("schema"), r.schema }, { QStringLiteral("name"), r.name } };
}

ErdTableRef refFrom(const QJsonValue &v)
{
    const QJsonObject o = v.toObject();
    return { o.value(QStringLiteral("schema")).toString(),
        o.value(QStringLiteral("name")).toString() };
}

const char *const kKinds[] = { "schemas", "tables", "neighbourhood", "path" };

} // namespace

QByteArray ErdScope::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("kind"), QLatin1String(kKinds[int(kind)]));
    o.insert(QStringLiteral("schemas"), QJsonArray::fromStringList(schemas));
    QJsonArray t;
    for (const ErdTableRef &r : tables)
        t.append(refJson(r));
    o.insert(QStringLiteral("tables"), t);
    o.insert(QStringLiteral("depth"), depth);
    o.insert(QStringLiteral("from"), refJson(from));
    o.insert(QStringLiteral("to"), refJson(to));
    o.insert(QStringLiteral("keysOnly"), keysOnly);
    o.insert(QStringLiteral("views"), views);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

ErdScope ErdScope::fromJson(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    ErdScope s;
    const QString kind = o.value(QStringLiteral("kind")).toString();
    for (int i = 0; i < 4; ++i)
        if (kind == QLatin1String(kKinds[i]))
            s.kind = Kind(i);
    for (const QJsonValue &v : o.value(QStringLiteral("schemas")).toArray())
        s.schemas << v.toString();
    for (const QJsonValue &v : o.value(QStringLiteral("tables")).toArray())
        s.tables << refFrom(v);
    s.depth = std::max(0, o.value(QStringLiteral("depth")).toInt(1));
    s.from = refFrom(o.value(QStringLiteral("from")));
    s.to = refFrom(o.value(QStringLiteral("to")));
    s.keysOnly = o.value(QStringLiteral("keysOnly")).toBool();
    s.views = o.value(QStringLiteral("views")).toBool(true);
    return s;
}

QString ErdScope::describe() const
{
    switch (kind) {
    case Kind::Schemas:
        return schemas.isEmpty() ? QCoreApplication::translate("erd", "every schema")
            : schemas.size() == 1
            ? QCoreApplication::translate("erd", "schema %1").arg(schemas.first())
            : QCoreApplication::translate("erd", "schemas %1")
                  .arg(schemas.join(QStringLiteral(", ")));
    case Kind::Tables:
        return QCoreApplication::translate("erd", "%n chosen tables", nullptr, int(tables.size()));
    case Kind::Neighbourhood:
        return QCoreApplication::translate("erd", "%1 and %n step(s) around it", nullptr, depth)
            .arg(tables.isEmpty() ? QString() : tables.first().display());
    case Kind::Path:
        return QCoreApplication::translate("erd", "the shortest paths from %1 to %2")
            .arg(from.display(), to.display());
    }
    return {};
}

int ErdDiagram::indexOf(quint32 oid) const
{
    for (int i = 0; i < tables.size(); ++i)
        if (tables.at(i).oid == oid)
            return i;
    return -1;
}

bool ErdDiagram::multiSchema() const
{
    for (const ErdTable &t : tables)
        if (t.schema != tables.first().schema)
            return true;
    return false;
}

QString erdKindName(ErdKind kind)
{
    switch (kind) {
    case ErdKind::Table:
        return QCoreApplication::translate("erd", "table");
    case ErdKind::PartitionedTable:
        return QCoreApplication::translate("erd", "partitioned table");
    case ErdKind::View:
        return QCoreApplication::translate("erd", "view");
    case ErdKind::MaterializedView:
        return QCoreApplication::translate("erd", "materialized view");
    case ErdKind::ForeignTable:
        return QCoreApplication::translate("erd", "foreign table");
    }
    return {};
}

} // namespace strata::core
