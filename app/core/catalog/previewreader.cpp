#include "previewreader.h"

#include "catalog/catalogreader.h"
#include "db/session.h"

namespace strata::core::PreviewReader {

bool pagesByCtid(ObjectKind kind)
{
    return kind == ObjectKind::Table || kind == ObjectKind::MaterializedView;
}

Result<PreviewPage> page(SessionContext &ctx, const QString &schema, const QString &name,
    ObjectKind kind, const PreviewCursor &cursor, int pageSize)
{
    const bool byCtid = pagesByCtid(kind);
    const bool first = cursor.afterCtid.isEmpty();
    QVariantList params { pageSize };
    if (byCtid && !first)
        params << cursor.afterCtid;
    else if (!byCtid)
        params << cursor.offset;
    const QString statement = !byCtid ? QStringLiteral("catalog/preview_page")
        : first                       ? QStringLiteral("catalog/preview_first_by_ctid")
                                      : QStringLiteral("catalog/preview_next_by_ctid");
    auto r
        = ctx.execTemplate(statement, { { QStringLiteral("relation"), { schema, name } } }, params);
    if (!r) {
        Error e = r.error();
        if (e.sqlState == QLatin1String("42P01"))
            return CatalogReader::objectGone(QStringLiteral("%1.%2").arg(schema, name));
        return e;
    }
    PreviewPage p;
    const int skip = byCtid ? 1 : 0;
    for (int c = skip; c < r->columns(); ++c)
        p.columns << r->columnName(c);
    const int n = r->rows();
    p.rows.reserve(n);
    p.nulls.reserve(n);
    for (int i = 0; i < n; ++i) {
        QVector<QString> row(r->columns() - skip);
        QVector<bool> nulls(r->columns() - skip);
        for (int c = skip; c < r->columns(); ++c) {
            nulls[c - skip] = r->isNull(i, c);
            row[c - skip] = r->text(i, c);
        }
        p.rows.append(std::move(row));
        p.nulls.append(std::move(nulls));
    }
    if (byCtid && n > 0)
        p.nextCtid = r->text(n - 1, 0);
    else
        p.nextCtid = cursor.afterCtid;
    p.nextOffset = cursor.offset + n;
    p.atEnd = n < pageSize;
    return p;
}

} // namespace strata::core::PreviewReader
