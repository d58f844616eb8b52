#include "catalogtypes.h"

#include <limits>

namespace strata::core {

ObjectKind kindFromRelkind(char relkind)
{
    switch (relkind) {
    case 'r':
        return ObjectKind::Table;
    case 'p':
        return ObjectKind::PartitionedTable;
    case 'v':
        return ObjectKind::View;
    case 'm':
        return ObjectKind::MaterializedView;
    case 'S':
        return ObjectKind::Sequence;
    case 'f':
        return ObjectKind::ForeignTable;
    case 'i':
    case 'I':
        return ObjectKind::Index;
    case 'c':
        return ObjectKind::Type;
    default:
        return ObjectKind::Unknown;
    }
}

char relkindOf(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::Table:
        return 'r';
    case ObjectKind::PartitionedTable:
        return 'p';
    case ObjectKind::View:
        return 'v';
    case ObjectKind::MaterializedView:
        return 'm';
    case ObjectKind::Sequence:
        return 'S';
    case ObjectKind::ForeignTable:
        return 'f';
    default:
        return 0;
    }
}

bool isRelationKind(ObjectKind kind)
{
    return relkindOf(kind) != 0;
}

QString kindName(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::Database:
        return QStringLiteral("database");
    case ObjectKind::Schema:
        return QStringLiteral("schema");
    case ObjectKind::Table:
        return QStringLiteral("table");
    case ObjectKind::PartitionedTable:
        return QStringLiteral("partitioned table");
    case ObjectKind::View:
        return QStringLiteral("view");
    case ObjectKind::MaterializedView:
        return QStringLiteral("materialized view");
    case ObjectKind::Sequence:
        return QStringLiteral("sequence");
    case ObjectKind::Function:
        return QStringLiteral("function");
    case ObjectKind::Type:
        return QStringLiteral("type");
    case ObjectKind::ForeignTable:
        return QStringLiteral("foreign table");
    case ObjectKind::Extension:
        return QStringLiteral("extension");
    case ObjectKind::Column:
        return QStringLiteral("column");
    case ObjectKind::Index:
        return QStringLiteral("index");
    case ObjectKind::Constraint:
        return QStringLiteral("constraint");
    case ObjectKind::Trigger:
        return QStringLiteral("trigger");
    case ObjectKind::Unknown:
        break;
    }
    return QStringLiteral("object");
}

QString groupLabel(CatalogGroup group)
{
    switch (group) {
    case CatalogGroup::Tables:
        return QStringLiteral("Tables");
    case CatalogGroup::PartitionedTables:
        return QStringLiteral("Partitioned tables");
    case CatalogGroup::Views:
        return QStringLiteral("Views");
    case CatalogGroup::MaterializedViews:
        return QStringLiteral("Materialized views");
    case CatalogGroup::Sequences:
        return QStringLiteral("Sequences");
    case CatalogGroup::Functions:
        return QStringLiteral("Functions");
    case CatalogGroup::Types:
        return QStringLiteral("Types");
    case CatalogGroup::ForeignTables:
        return QStringLiteral("Foreign tables");
    case CatalogGroup::Extensions:
        return QStringLiteral("Extensions");
    }
    return {};
}

ObjectKind groupObjectKind(CatalogGroup group)
{
    switch (group) {
    case CatalogGroup::Tables:
        return ObjectKind::Table;
    case CatalogGroup::PartitionedTables:
        return ObjectKind::PartitionedTable;
    case CatalogGroup::Views:
        return ObjectKind::View;
    case CatalogGroup::MaterializedViews:
        return ObjectKind::MaterializedView;
    case CatalogGroup::Sequences:
        return ObjectKind::Sequence;
    case CatalogGroup::Functions:
        return ObjectKind::Function;
    case CatalogGroup::Types:
        return ObjectKind::Type;
    case CatalogGroup::ForeignTables:
        return ObjectKind::ForeignTable;
    case CatalogGroup::Extensions:
        return ObjectKind::Extension;
    }
    return ObjectKind::Unknown;
}

bool isInternalSchemaName(const QString &name)
{
    return name == QLatin1String("pg_catalog") || name == QLatin1String("information_schema")
        || name == QLatin1String("topology") || name.startsWith(QLatin1String("pg_toast"))
        || name.startsWith(QLatin1String("pg_temp_"))
        || name.startsWith(QLatin1String("_timescaledb_"))
        || name.startsWith(QLatin1String("tiger"));
}

qint64 SchemaInfo::totalObjects() const
{
    qint64 n = 0;
    for (qint64 c : counts)
        n += c;
    return n;
}

QString ConstraintInfo::typeName() const
{
    switch (type.toLatin1()) {
    case 'p':
        return QStringLiteral("primary key");
    case 'u':
        return QStringLiteral("unique");
    case 'f':
        return QStringLiteral("foreign key");
    case 'c':
        return QStringLiteral("check");
    case 'x':
        return QStringLiteral("exclusion");
    case 't':
        return QStringLiteral("trigger");
    default:
        return QString(type);
    }
}

qint64 SequenceInfo::remaining() const
{
    if (increment == 0)
        return 0;
    const qint64 current = lastValue.value_or(start - increment);
    // Divide before subtracting limits the risk of overflow on bigint sequences.
    if (increment > 0)
        return current >= maxValue ? 0 : qint64((double(maxValue) - double(current)) / increment);
    return current <= minValue ? 0 : qint64((double(current) - double(minValue)) / -increment);
}

double SequenceInfo::usedFraction() const
{
    const double span = double(maxValue) - double(minValue);
    if (span <= 0 || !lastValue)
        return 0;
    const double used = increment > 0 ? double(*lastValue) - double(minValue)
                                      : double(maxValue) - double(*lastValue);
    return qBound(0.0, used / span, 1.0);
}

QString FindMatch::displayName() const
{
    QString n = schemaName + QLatin1Char('.') + name;
    if (kind == ObjectKind::Function)
        n += QLatin1Char('(') + detail + QLatin1Char(')');
    return n;
}

} // namespace strata::core
