// CatalogReader's compact lists: a schema's group and a table's partitions, read from libpq's
// result straight into a RelationList (the texts copied as UTF-8 bytes, the numbers parsed in
// place), the rows the schema tree stores as they are.
#include "catalog/catalogreader.h"
#include "db/session.h"

namespace strata::core::CatalogReader {

namespace {

// The catalog's integers (oid, bigint): digits with an optional sign, nothing else.
qint64 integerAt(const PgResult &r, int row, int col, qint64 fallback)
{
    const QByteArrayView s = r.bytes(row, col);
    if (s.isEmpty())
        return fallback;
    qsizetype i = s.front() == '-' ? 1 : 0;
    if (i == s.size())
        return fallback;
    qint64 v = 0;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c < '0' || c > '9')
            return fallback;
        v = v * 10 + (c - '0');
    }
    return s.front() == '-' ? -v : v;
}

char charAt(const PgResult &r, int row, int col)
{
    const QByteArrayView s = r.bytes(row, col);
    return s.isEmpty() ? 0 : s.front();
}

// Column numbers by name, looked up once per result.
struct Columns
{
    int oid, name, relkind, rows, bytes, partitions, schemaOid, schemaName, bound;
    explicit Columns(const PgResult &r)
        : oid(r.column("oid")), name(r.column("name")), relkind(r.column("relkind")),
          rows(r.column("estimated_rows")), bytes(r.column("estimated_bytes")),
          partitions(r.column("partitions")), schemaOid(r.column("schema_oid")),
          schemaName(r.column("schema_name")), bound(r.column("bound"))
    {
    }
};

qsizetype textBytes(const PgResult &r, int col)
{
    qsizetype n = 0;
    for (int i = 0; col >= 0 && i < r.rows(); ++i)
        n += r.bytes(i, col).size();
    return n;
}

RelationList relationRows(const PgResult &r, quint32 parentOid)
{
    const Columns c(r);
    RelationList out;
    const int n = r.rows();
    out.reserve(n, textBytes(r, c.name) + textBytes(r, c.schemaName) + textBytes(r, c.bound));
    for (int i = 0; i < n; ++i) {
        RelationList::Row row;
        row.oid = quint32(integerAt(r, i, c.oid, 0));
        row.kind = kindFromRelkind(charAt(r, i, c.relkind));
        row.estimatedRows = integerAt(r, i, c.rows, -1);
        row.estimatedBytes = integerAt(r, i, c.bytes, 0);
        row.partitionCount = qint32(integerAt(r, i, c.partitions, 0));
        row.parentOid = parentOid;
        row.schemaOid = quint32(integerAt(r, i, c.schemaOid, 0)); // absent (-1): 0
        out.append(row, r.bytes(i, c.name), r.bytes(i, c.schemaName), r.bytes(i, c.bound));
    }
    return out;
}

// Functions ("name(arguments)", the arguments as detail), types (their formatted text) and
// extensions (their version).
RelationList otherRows(const PgResult &r, ObjectKind kind)
{
    const int oidCol = r.column("oid");
    const int nameCol = r.column("name");
    const int prokindCol = kind == ObjectKind::Function ? r.column("prokind") : -1;
    const int detailCol = r.column(kind == ObjectKind::Function ? "args"
            : kind == ObjectKind::Type                          ? "formatted"
                                                                : "version");
    RelationList out;
    out.reserve(r.rows(), 2 * (textBytes(r, nameCol) + textBytes(r, detailCol)) + 2 * r.rows());
    QByteArray name;
    for (int i = 0; i < r.rows(); ++i) {
        RelationList::Row row;
        row.oid = quint32(integerAt(r, i, oidCol, 0));
        row.kind = kind;
        if (prokindCol >= 0)
            row.prokind = charAt(r, i, prokindCol);
        const QByteArrayView detail = r.bytes(i, detailCol);
        name = r.bytes(i, nameCol).toByteArray();
        if (kind == ObjectKind::Function)
            name.append('(').append(detail.data(), detail.size()).append(')');
        out.append(row, name, {}, detail);
    }
    return out;
}

} // namespace

Result<RelationList> objectList(SessionContext &ctx, quint32 schemaOid, CatalogGroup group)
{
    const ObjectKind kind = groupObjectKind(group);
    if (isRelationKind(kind)) {
        auto r = ctx.exec(QStringLiteral("catalog/relations"),
            { QString::number(schemaOid), QString(QLatin1Char(relkindOf(kind))) });
        if (!r)
            return r.error();
        return relationRows(r.value(), 0);
    }
    const char *file = kind == ObjectKind::Function ? "catalog/functions"
        : kind == ObjectKind::Type                  ? "catalog/types"
                                                    : "catalog/extensions";
    auto r = ctx.exec(QString::fromLatin1(file), { QString::number(schemaOid) });
    if (!r)
        return r.error();
    return otherRows(r.value(), kind);
}

Result<RelationList> partitionList(SessionContext &ctx, quint32 parentOid)
{
    auto r = ctx.exec(QStringLiteral("catalog/partitions"), { QString::number(parentOid) });
    if (!r)
        return r.error();
    return relationRows(r.value(), parentOid);
}

} // namespace strata::core::CatalogReader
