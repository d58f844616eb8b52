#include "catalogreader.h"

#include "db/session.h"
#include "db/sqlregistry.h"

#include <cstdlib>

namespace strata::core::CatalogReader {

namespace {

quint32 oidAt(const PgResult &r, int row, int col)
{
    const char *s = r.raw(row, col);
    return s ? quint32(std::strtoul(s, nullptr, 10)) : 0;
}

char charAt(const PgResult &r, int row, int col)
{
    const char *s = r.raw(row, col);
    return s ? s[0] : 0;
}

QString identityText(char c)
{
    if (c == 'a')
        return QStringLiteral("ALWAYS");
    if (c == 'd')
        return QStringLiteral("BY DEFAULT");
    return {};
}

// LIKE wildcards in what the person typed are meant literally.
QString likeEscaped(const QString &text)
{
    QString out;
    out.reserve(text.size() + 4);
    for (QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            out += u'\\';
        out += c;
    }
    return out;
}

} // namespace

Error objectGone(const QString &what)
{
    return Error(Error::Kind::Query,
        QStringLiteral("%1 no longer exists; it was dropped or renamed.").arg(what),
        QStringLiteral("Refresh the schema to see the current objects."));
}

Result<QList<DatabaseInfo>> databases(SessionContext &ctx)
{
    auto r = ctx.exec(QStringLiteral("catalog/databases"));
    if (!r)
        return r.error();
    QList<DatabaseInfo> out;
    out.reserve(r->rows());
    for (int i = 0; i < r->rows(); ++i)
        out.append({ oidAt(*r, i, 0), r->text(i, 1), r->toBool(i, 2) });
    return out;
}

Result<QList<SchemaInfo>> schemas(SessionContext &ctx)
{
    auto r = ctx.exec(QStringLiteral("catalog/schemas"));
    if (!r)
        return r.error();
    QList<SchemaInfo> out;
    out.reserve(r->rows());
    for (int i = 0; i < r->rows(); ++i) {
        SchemaInfo s;
        s.oid = oidAt(*r, i, 0);
        s.name = r->text(i, 1);
        s.owner = r->text(i, 2);
        s.internal = r->toBool(i, 3);
        for (int g = 0; g < catalogGroupCount; ++g)
            s.counts[g] = r->toLongLong(i, 4 + g);
        s.comment = r->text(i, 13);
        s.acl = r->text(i, 14);
        out.append(std::move(s));
    }
    return out;
}

Result<QList<RelationInfo>> objects(SessionContext &ctx, quint32 schemaOid, CatalogGroup group)
{
    auto list = objectList(ctx, schemaOid, group);
    if (!list)
        return list.error();
    return list->toInfos(schemaOid);
}

Result<QList<RelationInfo>> partitions(SessionContext &ctx, quint32 parentOid)
{
    auto list = partitionList(ctx, parentOid);
    if (!list)
        return list.error();
    return list->toInfos(0);
}

Result<QList<RelationInfo>> allRelations(SessionContext &ctx, quint32 schemaOid)
{
    auto r = ctx.exec(QStringLiteral("catalog/cli_relations"), { QString::number(schemaOid) });
    if (!r)
        return r.error();
    QList<RelationInfo> out;
    out.reserve(r->rows());
    for (int i = 0; i < r->rows(); ++i) {
        RelationInfo o;
        o.name = r->text(i, 0);
        o.kind = kindFromRelkind(charAt(*r, i, 1));
        o.parentName = r->text(i, 2);
        o.estimatedRows = r->toLongLong(i, 3, -1);
        o.totalBytes = r->isNull(i, 4) ? -1 : r->toLongLong(i, 4);
        o.schemaOid = schemaOid;
        out.append(std::move(o));
    }
    return out;
}

Result<RelationCounts> relationCounts(SessionContext &ctx, quint32 relOid)
{
    auto r = ctx.exec(QStringLiteral("catalog/relation_counts"), { QString::number(relOid) });
    if (!r)
        return r.error();
    if (r->rows() == 0)
        return objectGone(QStringLiteral("The relation"));
    RelationCounts c;
    c.columns = r->toLongLong(0, 0);
    c.indexes = r->toLongLong(0, 1);
    c.constraints = r->toLongLong(0, 2);
    c.triggers = r->toLongLong(0, 3);
    c.partitions = r->toLongLong(0, 4);
    c.kind = kindFromRelkind(charAt(*r, 0, 5));
    return c;
}

Result<QList<ColumnInfo>> columns(SessionContext &ctx, quint32 relOid)
{
    auto r = ctx.exec(QStringLiteral("catalog/columns"), { QString::number(relOid) });
    if (!r)
        return r.error();
    QList<ColumnInfo> out;
    out.reserve(r->rows());
    for (int i = 0; i < r->rows(); ++i) {
        ColumnInfo c;
        c.number = r->toInt(i, 0);
        c.name = r->text(i, 1);
        c.type = r->text(i, 2);
        c.notNull = r->toBool(i, 3);
        c.defaultExpr = r->text(i, 4);
        c.identity = identityText(charAt(*r, i, 5));
        if (charAt(*r, i, 6) == 's')
            c.generated = QStringLiteral("STORED");
        c.comment = r->text(i, 7);
        out.append(std::move(c));
    }
    return out;
}

Result<QList<IndexInfo>> indexes(SessionContext &ctx, quint32 relOid)
{
    auto r = ctx.exec(QStringLiteral("catalog/indexes"), { QString::number(relOid) });
    if (!r)
        return r.error();
    QList<IndexInfo> out;
    for (int i = 0; i < r->rows(); ++i)
        out.append({ oidAt(*r, i, 0), r->text(i, 1), r->text(i, 2), r->toBool(i, 3),
            r->toBool(i, 4), r->toBool(i, 5), r->toLongLong(i, 6) });
    return out;
}

Result<QList<ConstraintInfo>> constraints(SessionContext &ctx, quint32 relOid)
{
    auto r = ctx.exec(QStringLiteral("catalog/constraints"), { QString::number(relOid) });
    if (!r)
        return r.error();
    QList<ConstraintInfo> out;
    for (int i = 0; i < r->rows(); ++i)
        out.append(
            { oidAt(*r, i, 0), r->text(i, 1), QChar::fromLatin1(charAt(*r, i, 2)), r->text(i, 3) });
    return out;
}

Result<QList<TriggerInfo>> triggers(SessionContext &ctx, quint32 relOid)
{
    auto r = ctx.exec(QStringLiteral("catalog/triggers"), { QString::number(relOid) });
    if (!r)
        return r.error();
    QList<TriggerInfo> out;
    for (int i = 0; i < r->rows(); ++i)
        out.append(
            { oidAt(*r, i, 0), r->text(i, 1), r->text(i, 2), QChar::fromLatin1(charAt(*r, i, 3)) });
    return out;
}

namespace {

Result<QList<ForeignKeyInfo>> foreignKeys(SessionContext &ctx, const char *file, quint32 relOid)
{
    auto r = ctx.exec(QString::fromLatin1(file), { QString::number(relOid) });
    if (!r)
        return r.error();
    QList<ForeignKeyInfo> out;
    for (int i = 0; i < r->rows(); ++i)
        out.append({ oidAt(*r, i, 0), r->text(i, 1), r->text(i, 2), r->text(i, 3), r->text(i, 4) });
    return out;
}

// Fills geometry type and SRID from PostGIS's geometry_columns, when PostGIS is installed.
Status addGeometry(
    SessionContext &ctx, const QString &schema, const QString &table, QList<ColumnInfo> &cols)
{
    auto where = postgisSchema(ctx);
    if (!where)
        return where.error();
    if (where->isEmpty())
        return Ok {};
    // The view lives in PostGIS's schema, which need not be on the search path.
    auto r = ctx.execTemplate(QStringLiteral("catalog/geometry_columns"),
        { { QStringLiteral("postgis_schema"), { *where } } }, { schema, table });
    if (!r)
        return r.error();
    for (int i = 0; i < r->rows(); ++i) {
        const QString col = r->text(i, "column_name");
        for (ColumnInfo &c : cols) {
            if (c.name == col) {
                c.geometryType = r->text(i, "geometry_type");
                c.srid = r->toInt(i, "srid");
                c.coordDimension = r->toInt(i, "coord_dimension");
            }
        }
    }
    return Ok {};
}

QString persistenceText(char c)
{
    switch (c) {
    case 'u':
        return QStringLiteral("unlogged");
    case 't':
        return QStringLiteral("temporary");
    default:
        return QStringLiteral("permanent");
    }
}

} // namespace

Result<QString> postgisSchema(SessionContext &ctx)
{
    auto r = ctx.exec(QStringLiteral("catalog/postgis_schema"));
    if (!r)
        return r.error();
    return r->rows() ? r->text(0, 0) : QString();
}

Result<RelationDetails> relationDetails(SessionContext &ctx, quint32 relOid)
{
    auto r = ctx.exec(QStringLiteral("catalog/relation"), { QString::number(relOid) });
    if (!r)
        return r.error();
    if (r->rows() == 0)
        return objectGone(QStringLiteral("The relation with OID %1").arg(relOid));
    RelationDetails d;
    d.oid = oidAt(*r, 0, 0);
    d.schemaOid = oidAt(*r, 0, 1);
    d.schema = r->text(0, 2);
    d.name = r->text(0, 3);
    d.kind = kindFromRelkind(charAt(*r, 0, 4));
    d.owner = r->text(0, 5);
    d.acl = r->text(0, 6);
    d.comment = r->text(0, 7);
    d.estimatedRows = r->toLongLong(0, 8, -1);
    d.heapBytes = r->toLongLong(0, 9);
    d.indexBytes = r->toLongLong(0, 10);
    d.toastBytes = r->toLongLong(0, 11);
    d.totalBytes = r->toLongLong(0, 12);
    d.isPartition = r->toBool(0, 13);
    d.parentOid = oidAt(*r, 0, 14);
    d.parentName = r->text(0, 15);
    d.partitionBound = r->text(0, 16);
    d.partitionKey = r->text(0, 17);
    d.viewDefinition = r->text(0, 18);
    d.persistence = persistenceText(charAt(*r, 0, 19));
    d.tablespace = r->text(0, 20);

    auto cols = columns(ctx, relOid);
    if (!cols)
        return cols.error();
    d.columns = std::move(cols.value());
    if (d.kind != ObjectKind::Sequence) {
        auto geo = addGeometry(ctx, d.schema, d.name, d.columns);
        if (!geo)
            return geo.error();
    }
    auto cons = constraints(ctx, relOid);
    if (!cons)
        return cons.error();
    d.constraints = std::move(cons.value());
    auto idx = indexes(ctx, relOid);
    if (!idx)
        return idx.error();
    d.indexes = std::move(idx.value());
    auto out = foreignKeys(ctx, "catalog/foreign_keys_out", relOid);
    if (!out)
        return out.error();
    d.references = std::move(out.value());
    auto in = foreignKeys(ctx, "catalog/foreign_keys_in", relOid);
    if (!in)
        return in.error();
    d.referencedBy = std::move(in.value());
    auto trg = triggers(ctx, relOid);
    if (!trg)
        return trg.error();
    d.triggers = std::move(trg.value());
    if (d.kind == ObjectKind::PartitionedTable) {
        auto parts = partitions(ctx, relOid);
        if (!parts)
            return parts.error();
        for (const RelationInfo &p : parts.value())
            d.partitions.append(
                { p.oid, p.schemaName, p.name, p.partitionBound, p.estimatedRows, p.kind });
    }
    if (d.kind == ObjectKind::Sequence) {
        auto s = ctx.exec(QStringLiteral("catalog/sequence"), { QString::number(relOid) });
        if (!s)
            return s.error();
        if (s->rows()) {
            SequenceInfo q;
            q.dataType = s->text(0, 0);
            q.start = s->toLongLong(0, 1);
            q.increment = s->toLongLong(0, 2);
            q.minValue = s->toLongLong(0, 3);
            q.maxValue = s->toLongLong(0, 4);
            q.cycle = s->toBool(0, 5);
            if (!s->isNull(0, 6))
                q.lastValue = s->toLongLong(0, 6);
            d.sequence = q;
        }
    }
    return d;
}

Result<FunctionDetails> functionDetails(SessionContext &ctx, quint32 oid)
{
    auto r = ctx.exec(QStringLiteral("catalog/function"), { QString::number(oid) });
    if (!r)
        return r.error();
    if (r->rows() == 0)
        return objectGone(QStringLiteral("The function with OID %1").arg(oid));
    FunctionDetails f;
    f.oid = oidAt(*r, 0, 0);
    f.schema = r->text(0, 1);
    f.name = r->text(0, 2);
    f.arguments = r->text(0, 3);
    f.result = r->text(0, 4);
    f.language = r->text(0, 5);
    switch (charAt(*r, 0, 6)) {
    case 'p':
        f.kind = QStringLiteral("procedure");
        break;
    case 'a':
        f.kind = QStringLiteral("aggregate");
        break;
    case 'w':
        f.kind = QStringLiteral("window function");
        break;
    default:
        f.kind = QStringLiteral("function");
        break;
    }
    f.source = r->text(0, 7);
    f.definition = r->text(0, 8);
    f.owner = r->text(0, 9);
    f.acl = r->text(0, 10);
    f.comment = r->text(0, 11);
    switch (charAt(*r, 0, 12)) {
    case 'i':
        f.volatility = QStringLiteral("immutable");
        break;
    case 's':
        f.volatility = QStringLiteral("stable");
        break;
    default:
        f.volatility = QStringLiteral("volatile");
        break;
    }
    return f;
}

Result<TypeDetails> typeDetails(SessionContext &ctx, quint32 oid)
{
    auto r = ctx.exec(QStringLiteral("catalog/type"), { QString::number(oid) });
    if (!r)
        return r.error();
    if (r->rows() == 0)
        return objectGone(QStringLiteral("The type with OID %1").arg(oid));
    TypeDetails t;
    t.oid = oidAt(*r, 0, 0);
    t.schema = r->text(0, 1);
    t.name = r->text(0, 2);
    switch (charAt(*r, 0, 3)) {
    case 'd':
        t.kind = QStringLiteral("domain");
        break;
    case 'e':
        t.kind = QStringLiteral("enum");
        break;
    case 'r':
        t.kind = QStringLiteral("range");
        break;
    case 'm':
        t.kind = QStringLiteral("multirange");
        break;
    case 'c':
        t.kind = QStringLiteral("composite");
        break;
    case 'p':
        t.kind = QStringLiteral("pseudo-type");
        break;
    default:
        t.kind = QStringLiteral("base");
        break;
    }
    t.formatted = r->text(0, 4);
    t.owner = r->text(0, 5);
    t.comment = r->text(0, 6);
    t.baseType = r->text(0, 7);
    t.labels = r->text(0, 8);
    t.checks = r->text(0, 9);
    t.notNull = r->toBool(0, 10);
    t.defaultExpr = r->text(0, 11);
    t.relOid = oidAt(*r, 0, 12);
    if (t.relOid) {
        auto cols = columns(ctx, t.relOid);
        if (!cols)
            return cols.error();
        t.attributes = std::move(cols.value());
    }
    return t;
}

Result<ExtensionDetails> extensionDetails(SessionContext &ctx, quint32 oid)
{
    auto r = ctx.exec(QStringLiteral("catalog/extension"), { QString::number(oid) });
    if (!r)
        return r.error();
    if (r->rows() == 0)
        return objectGone(QStringLiteral("The extension with OID %1").arg(oid));
    ExtensionDetails e;
    e.oid = oidAt(*r, 0, 0);
    e.name = r->text(0, 1);
    e.version = r->text(0, 2);
    e.schema = r->text(0, 3);
    e.owner = r->text(0, 4);
    e.comment = r->text(0, 5);
    e.relocatable = r->toBool(0, 6);
    return e;
}

Result<QList<FindMatch>> find(
    SessionContext &ctx, const QString &text, int limit, bool includeInternal)
{
    const QString pattern = QLatin1Char('%') + likeEscaped(text.trimmed()) + QLatin1Char('%');
    auto r = ctx.exec(
        QStringLiteral("catalog/find"), { pattern, limit, includeInternal, text.trimmed() });
    if (!r)
        return r.error();
    QList<FindMatch> out;
    out.reserve(r->rows());
    for (int i = 0; i < r->rows(); ++i) {
        FindMatch m;
        const QString kind = r->text(i, 0);
        m.kind = kind == QLatin1String("function") ? ObjectKind::Function
                                                   : kindFromRelkind(kind.at(0).toLatin1());
        m.oid = oidAt(*r, i, 1);
        m.name = r->text(i, 2);
        m.schemaOid = oidAt(*r, i, 3);
        m.schemaName = r->text(i, 4);
        if (!r->isNull(i, 5)) {
            // "{16390,16402}"
            QString arr = r->text(i, 5);
            arr.remove(u'{').remove(u'}');
            for (const QString &p : arr.split(u',', Qt::SkipEmptyParts))
                m.ancestorPath.append(p.toUInt());
        }
        m.rootSchemaOid = r->isNull(i, 6) ? m.schemaOid : oidAt(*r, i, 6);
        m.detail = r->text(i, 8);
        out.append(std::move(m));
    }
    return out;
}

} // namespace strata::core::CatalogReader
