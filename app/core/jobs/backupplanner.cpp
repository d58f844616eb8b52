#include "backupplanner.h"

#include "db/session.h"

#include <QSet>

namespace strata::core::backupplanner {

QString arrayLiteral(const QStringList &items)
{
    QStringList quoted;
    for (QString s : items) {
        s.replace(u'\\', QStringLiteral("\\\\"));
        s.replace(u'"', QStringLiteral("\\\""));
        quoted << u'"' + s + u'"';
    }
    return u'{' + quoted.join(u',') + u'}';
}

QString exactPattern(const QString &name)
{
    // Inside double quotes pg_dump takes every character literally ("" is one quote), so
    // names with dots, stars, capitals and spaces match themselves only.
    QString q = name;
    q.replace(u'"', QStringLiteral("\"\""));
    return u'"' + q + u'"';
}

namespace {

QStringList oidList(const QList<TableRef> &tables)
{
    QStringList s;
    for (const auto &t : tables)
        s << QString::number(t.oid);
    return s;
}

} // namespace

Result<QList<TableRef>> resolveTables(SessionContext &ctx, const QStringList &names)
{
    if (names.isEmpty())
        return QList<TableRef> {};
    auto r = ctx.exec(QStringLiteral("jobs/resolve_tables"), { arrayLiteral(names) });
    if (!r)
        return r.error();
    QList<TableRef> out;
    QStringList unknown;
    for (int i = 0; i < r->rows(); ++i) {
        if (r->isNull(i, "oid")) {
            unknown << r->text(i, "name");
            continue;
        }
        TableRef t;
        t.oid = quint32(r->toLongLong(i, "oid"));
        t.schema = r->text(i, "nspname");
        t.name = r->text(i, "relname");
        out << t;
    }
    if (!unknown.isEmpty())
        return Error(Error::Kind::InvalidInput,
            QStringLiteral("No such table: %1").arg(unknown.join(QStringLiteral(", "))),
            QStringLiteral("Write names as in SQL: schema.table, with double quotes "
                           "around names that have capitals, spaces or dots."));
    return out;
}

namespace {

// Rows of oid, nspname, relname, added.
Result<QList<TableRef>> tablesFrom(
    SessionContext &ctx, const QString &statement, const QList<TableRef> &tables)
{
    auto r = ctx.exec(statement, { arrayLiteral(oidList(tables)) });
    if (!r)
        return r.error();
    QList<TableRef> out;
    for (int i = 0; i < r->rows(); ++i) {
        TableRef t;
        t.oid = quint32(r->toLongLong(i, "oid"));
        t.schema = r->text(i, "schema");
        t.name = r->text(i, "name");
        t.addedByClosure = r->toBool(i, "added");
        t.depth = r->toInt(i, "depth");
        out << t;
    }
    return out;
}

} // namespace

Result<QList<TableRef>> withPartitions(SessionContext &ctx, const QList<TableRef> &tables)
{
    return tablesFrom(ctx, QStringLiteral("jobs/partition_tree"), tables);
}

Result<QList<TableRef>> foreignKeyClosure(SessionContext &ctx, const QList<TableRef> &tables)
{
    return tablesFrom(ctx, QStringLiteral("jobs/fk_closure"), tables);
}

Result<BackupPlan> plan(SessionContext &ctx, const BackupOptions &options)
{
    BackupPlan plan;
    QVariant tableFilter;
    if (!options.tables.isEmpty()) {
        auto resolved = resolveTables(ctx, options.tables);
        if (!resolved)
            return resolved.error();
        auto tree = withPartitions(ctx, resolved.value());
        if (!tree)
            return tree.error();
        QList<TableRef> chosen;
        for (TableRef t : tree.value()) {
            if (t.addedByClosure)
                plan.partitionsAdded << t;
            t.addedByClosure = false;
            chosen << t;
        }
        if (options.withDependencies) {
            auto closure = foreignKeyClosure(ctx, chosen);
            if (!closure)
                return closure.error();
            chosen = closure.value();
            for (const auto &t : chosen)
                if (t.addedByClosure)
                    plan.closureAdded << t;
        }
        plan.chosenTables = chosen;
        tableFilter = arrayLiteral(oidList(chosen));
    }
    const QVariant schemaFilter
        = options.schemas.isEmpty() ? QVariant() : QVariant(arrayLiteral(options.schemas));
    if (!options.schemaOnly) {
        auto r = ctx.exec(QStringLiteral("jobs/dump_tables"), { schemaFilter, tableFilter });
        if (!r)
            return r.error();
        QSet<quint32> excluded;
        if (!options.excludeTableData.isEmpty()) {
            auto ex = resolveTables(ctx, options.excludeTableData);
            if (!ex)
                return ex.error();
            for (const auto &t : ex.value())
                excluded.insert(t.oid);
        }
        for (int i = 0; i < r->rows(); ++i) {
            TableRef t;
            t.oid = quint32(r->toLongLong(i, "oid"));
            if (excluded.contains(t.oid))
                continue;
            t.schema = r->text(i, "nspname");
            t.name = r->text(i, "relname");
            t.bytes = r->toLongLong(i, "bytes");
            t.estRows = r->toLongLong(i, "est_rows");
            plan.totalBytes += t.bytes;
            plan.tables << t;
        }
    }
    return plan;
}

} // namespace strata::core::backupplanner
