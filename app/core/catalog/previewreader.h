#pragma once

#include "catalog/catalogtypes.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVector>

namespace strata::core {

class SessionContext;

// One page of a read-only data preview. Tables and materialized views are paged by ctid (each
// page starts after the last row read, so a page costs the same wherever it is); views,
// partitioned and foreign tables, which have no stable ctid, by OFFSET.
struct PreviewPage
{
    QStringList columns;
    QList<QVector<QString>> rows;
    QList<QVector<bool>> nulls;
    QString nextCtid; // where the next page starts (ctid paging)
    qint64 nextOffset = 0;
    bool atEnd = false;
};

struct PreviewCursor
{
    QString afterCtid;
    qint64 offset = 0;
};

namespace PreviewReader {

bool pagesByCtid(ObjectKind kind);
Result<PreviewPage> page(SessionContext &ctx, const QString &schema, const QString &name,
    ObjectKind kind, const PreviewCursor &cursor, int pageSize);

} // namespace PreviewReader
} // namespace strata::core
