#include "candidatetable.h"

#include <QStringList>

namespace strata::core {

bool CandidateTable::has(const QString &column) const
{
    return !type(column).isEmpty();
}

QString CandidateTable::type(const QString &column) const
{
    for (const auto &c : columns)
        if (c.name == column)
            return c.type;
    return {};
}

bool CandidateTable::isInteger(const QString &column) const
{
    const QString t = type(column);
    return t == QLatin1String("bigint") || t == QLatin1String("integer")
        || t == QLatin1String("smallint") || t.startsWith(QLatin1String("numeric"));
}

bool CandidateTable::isText(const QString &column) const
{
    const QString t = type(column);
    return t == QLatin1String("text") || t.startsWith(QLatin1String("character"))
        || t == QLatin1String("name");
}

bool CandidateTable::hasAll(const QStringList &names) const
{
    for (const auto &n : names)
        if (!has(n))
            return false;
    return true;
}

QString CandidateTable::qualifiedName() const
{
    return schema + u'.' + table;
}

const CandidateTable *CatalogSnapshot::find(const QString &schema, const QString &table) const
{
    for (const auto &t : tables)
        if (t.schema == schema && t.table == table)
            return &t;
    return nullptr;
}

} // namespace strata::core
