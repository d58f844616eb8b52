#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>

namespace strata::core {

// What a catalog object is. Relation kinds follow pg_class.relkind; the rest are other catalogs.
enum class ObjectKind {
    Unknown,
    Database,
    Schema,
    Table,
    PartitionedTable,
    View,
    MaterializedView,
    Sequence,
    Function,
    Type,
    ForeignTable,
    Extension,
    Column,
    Index,
    Constraint,
    Trigger,
};

// The groups under a schema, in the order the tree shows them.
enum class CatalogGroup {
    Tables,
    PartitionedTables,
    Views,
    MaterializedViews,
    Sequences,
    Functions,
    Types,
    ForeignTables,
    Extensions,
};
inline constexpr int catalogGroupCount = 9;

ObjectKind kindFromRelkind(char relkind);
char relkindOf(ObjectKind kind); // 0 when not a relation
bool isRelationKind(ObjectKind kind);
QString kindName(ObjectKind kind); // "table", "partitioned table", ... (CLI JSON uses these)
QString groupLabel(CatalogGroup group); // "Tables"
ObjectKind groupObjectKind(CatalogGroup group);
// pg_catalog, information_schema, pg_toast*, pg_temp_*, _timescaledb_*, topology, tiger*.
bool isInternalSchemaName(const QString &name);

struct DatabaseInfo
{
    quint32 oid = 0;
    QString name;
    bool canConnect = false;
};

struct SchemaInfo
{
    quint32 oid = 0;
    QString name;
    QString owner;
    bool internal = false;
    qint64 counts[catalogGroupCount] = {}; // indexed by CatalogGroup
    QString comment;
    QString acl;

    qint64 count(CatalogGroup g) const { return counts[int(g)]; }
    qint64 totalObjects() const;
};

// One entry of a schema's group: a relation, a function, a type or an extension.
struct RelationInfo
{
    quint32 oid = 0;
    QString name; // for a function: name(identity arguments)
    ObjectKind kind = ObjectKind::Unknown;
    quint32 parentOid = 0; // the partitioned table, for a partition
    quint32 schemaOid = 0;
    QString schemaName; // filled for partitions (they may sit in another schema)
    qint64 estimatedRows = -1; // reltuples; -1: never analyzed
    qint64 estimatedBytes = 0; // relpages * block size, from the catalog (no file system calls)
    qint64 partitionCount = 0;
    QString partitionBound; // "FOR VALUES FROM (...) TO (...)", for a partition
    QString detail; // function arguments, type text, extension version
    QString parentName; // "schema.table" of a partition's parent (allRelations only)
    qint64 totalBytes = -1; // exact pg_total_relation_size (allRelations only); -1: none
};

struct ColumnInfo
{
    int number = 0;
    QString name;
    QString type; // format_type with modifier
    bool notNull = false;
    QString defaultExpr;
    QString identity; // "ALWAYS" / "BY DEFAULT" / empty
    QString generated; // the expression text is in defaultExpr when this is "STORED"
    QString comment;
    QString geometryType; // PostGIS: "POINT", "MULTIPOLYGON", ... (empty otherwise)
    int srid = -1; // PostGIS SRID, -1 when not a geometry column
    int coordDimension = 0;
};

struct ConstraintInfo
{
    quint32 oid = 0;
    QString name;
    QChar type; // p, u, f, c, x, t
    QString definition;
    QString typeName() const;
};

struct IndexInfo
{
    quint32 oid = 0;
    QString name;
    QString definition;
    bool primary = false;
    bool unique = false;
    bool valid = true;
    qint64 bytes = 0;
};

struct ForeignKeyInfo
{
    quint32 oid = 0;
    QString name;
    QString otherSchema; // the referenced table (outgoing) or the referencing one (incoming)
    QString otherTable;
    QString definition;
};

struct TriggerInfo
{
    quint32 oid = 0;
    QString name;
    QString definition;
    QChar enabled; // O, D, R, A
};

struct PartitionInfo
{
    quint32 oid = 0;
    QString schema;
    QString name;
    QString bound;
    qint64 estimatedRows = -1;
    ObjectKind kind = ObjectKind::Table;
};

struct SequenceInfo
{
    QString dataType;
    qint64 start = 0;
    qint64 increment = 1;
    qint64 minValue = 0;
    qint64 maxValue = 0;
    bool cycle = false;
    std::optional<qint64> lastValue; // empty before first nextval or without privilege
    // How many more values nextval can hand out before it fails (or wraps with CYCLE).
    qint64 remaining() const;
    double usedFraction() const; // 0..1
};

// Everything the details pane shows for a relation.
struct RelationDetails
{
    quint32 oid = 0;
    quint32 schemaOid = 0;
    QString schema;
    QString name;
    ObjectKind kind = ObjectKind::Unknown;
    QString owner;
    QString acl;
    QString comment;
    qint64 estimatedRows = -1;
    qint64 heapBytes = 0;
    qint64 indexBytes = 0;
    qint64 toastBytes = 0;
    qint64 totalBytes = 0;
    bool isPartition = false;
    quint32 parentOid = 0;
    QString parentName; // schema.table
    QString partitionBound;
    QString partitionKey;
    QString viewDefinition;
    QString persistence; // permanent, unlogged, temporary
    QString tablespace;
    QList<ColumnInfo> columns;
    QList<ConstraintInfo> constraints;
    QList<IndexInfo> indexes;
    QList<ForeignKeyInfo> references; // outgoing
    QList<ForeignKeyInfo> referencedBy; // incoming
    QList<TriggerInfo> triggers;
    QList<PartitionInfo> partitions;
    std::optional<SequenceInfo> sequence;
};

struct FunctionDetails
{
    quint32 oid = 0;
    QString schema;
    QString name;
    QString arguments;
    QString result;
    QString language;
    QString kind; // function, procedure, aggregate, window
    QString source;
    QString definition; // pg_get_functiondef; empty for aggregates
    QString owner;
    QString acl;
    QString comment;
    QString volatility;
};

struct TypeDetails
{
    quint32 oid = 0;
    QString schema;
    QString name;
    QString kind; // domain, enum, range, composite, base, multirange
    QString formatted;
    QString owner;
    QString comment;
    QString baseType; // domain
    QString labels; // enum
    QString checks; // domain constraints
    bool notNull = false;
    QString defaultExpr;
    quint32 relOid = 0; // composite
    QList<ColumnInfo> attributes;
};

struct ExtensionDetails
{
    quint32 oid = 0;
    QString name;
    QString version;
    QString schema;
    QString owner;
    QString comment;
    bool relocatable = false;
};

// A name search hit, with what the tree needs to load its way there.
struct FindMatch
{
    ObjectKind kind = ObjectKind::Unknown;
    quint32 oid = 0;
    QString name;
    QString detail; // function arguments
    quint32 schemaOid = 0;
    QString schemaName;
    // For a partition: the partitioned ancestors' OIDs, root first, the match itself last, and
    // the root's schema (the tree shows partitions under their root's schema).
    QList<quint32> ancestorPath;
    quint32 rootSchemaOid = 0;
    QString displayName() const;
    bool internal() const { return isInternalSchemaName(schemaName); }
};

// The first-level children counts of a relation in the tree.
struct RelationCounts
{
    ObjectKind kind = ObjectKind::Unknown;
    qint64 columns = 0;
    qint64 indexes = 0;
    qint64 constraints = 0;
    qint64 triggers = 0;
    qint64 partitions = 0;
};

} // namespace strata::core
