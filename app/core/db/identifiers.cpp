#include "identifiers.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>

namespace strata::core {

namespace {

// The keywords quote_ident() quotes: every keyword category but "unreserved" (PostgreSQL's
// documentation, appendix "SQL Key Words", up to version 18).
const QSet<QString> &quotedKeywords()
{
    static const QSet<QString> words = [] {
        const QString list = QStringLiteral(
            "all analyse analyze and any array as asc asymmetric both case cast check collate "
            "column constraint create current_catalog current_date current_role current_time "
            "current_timestamp current_user default deferrable desc distinct do else end except "
            "false fetch for foreign from grant group having in initially intersect into lateral "
            "leading limit localtime localtimestamp not null offset on only or order placing "
            "primary references returning select session_user some symmetric system_user table "
            "then to trailing true union unique user using variadic when where window with "
            "authorization binary collation concurrently cross current_schema freeze full ilike "
            "inner is isnull join left like natural notnull outer overlaps right similar "
            "tablesample verbose between bigint bit boolean char character coalesce dec decimal "
            "exists extract float greatest grouping inout int integer interval json json_array "
            "json_arrayagg json_exists json_object json_objectagg json_query json_scalar "
            "json_serialize json_table json_value least merge_action national nchar none "
            "normalize nullif numeric out overlay position precision real row setof smallint "
            "substring time timestamp treat trim values varchar xmlattributes xmlconcat "
            "xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize "
            "xmltable");
        const QStringList parts = list.split(u' ', Qt::SkipEmptyParts);
        return QSet<QString>(parts.begin(), parts.end());
    }();
    return words;
}

} // namespace

QString quoteIdentifierIfNeeded(const QString &name)
{
    static const QRegularExpression plain(QStringLiteral("^[a-z_][a-z0-9_$]*$"));
    if (plain.match(name).hasMatch() && !quotedKeywords().contains(name))
        return name;
    return u'"' + QString(name).replace(u'"', QLatin1String("\"\"")) + u'"';
}

QString qualifiedName(const QString &schema, const QString &name)
{
    return quoteIdentifierIfNeeded(schema) + u'.' + quoteIdentifierIfNeeded(name);
}

} // namespace strata::core
