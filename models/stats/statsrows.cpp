#include "statsrows.h"

#include <QLocale>

namespace strata::models::statsrows {

namespace {

using Cell = StatsTableModel::Cell;
using Row = StatsTableModel::Row;

Cell txt(const QString &t, const QString &tip = {})
{
    return StatsTableModel::text(t, tip);
}
Cell num(qint64 v)
{
    return StatsTableModel::number(QLocale().toString(v), v);
}
// A process id reads as an id, never with group separators ("30977", not "30,977").
Cell pid(int p)
{
    return StatsTableModel::number(QString::number(p), p);
}
Cell bytes(qint64 b)
{
    return StatsTableModel::number(formatBytes(b), b);
}
Cell secs(double s)
{
    return StatsTableModel::number(formatSeconds(s), s);
}
Cell pct(double f)
{
    return f < 0 ? StatsTableModel::number(QStringLiteral("–"), -1.0)
                 : StatsTableModel::number(QString::number(f * 100, 'f', 1) + u'%', f);
}
Cell when(const QDateTime &t, const QDateTime &now)
{
    if (!t.isValid())
        return StatsTableModel::number(QObject::tr("never"), qint64(0));
    const qint64 days = t.daysTo(now);
    QString text = t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    if (days >= 1)
        text += QObject::tr(" (%1 d ago)").arg(days);
    return StatsTableModel::number(text, t.toMSecsSinceEpoch());
}
QStringList key(const QString &schema, const QString &name)
{
    return { schema, name };
}
QString oneLine(const QString &q)
{
    return q.simplified();
}

} // namespace

QString formatBytes(qint64 b)
{
    return b < 0 ? QObject::tr("no access") : QLocale().formattedDataSize(b);
}

QString formatSeconds(double s)
{
    if (s < 0)
        return QStringLiteral("–");
    if (s < 120)
        return QObject::tr("%1 s").arg(s, 0, 'f', 1);
    if (s < 7200)
        return QObject::tr("%1 min").arg(s / 60, 0, 'f', 1);
    if (s < 172800)
        return QObject::tr("%1 h").arg(s / 3600, 0, 'f', 1);
    return QObject::tr("%1 d").arg(s / 86400, 0, 'f', 1);
}

QStringList activityHeaders()
{
    return { QObject::tr("PID"), QObject::tr("User"), QObject::tr("Database"),
        QObject::tr("Application"), QObject::tr("Client"), QObject::tr("State"),
        QObject::tr("Transaction"), QObject::tr("Query time"), QObject::tr("Wait"),
        QObject::tr("Query") };
}

Rows activity(const QList<core::ActivityRow> &rows, double longRunningSeconds)
{
    Rows out;
    for (const core::ActivityRow &a : rows) {
        Row r;
        r.key = a.pid;
        r.cells = { pid(a.pid), txt(a.user), txt(a.database), txt(a.application),
            txt(a.clientAddress), txt(a.state.isEmpty() ? QObject::tr("(hidden)") : a.state),
            secs(a.transactionSeconds), secs(a.isActive() ? a.querySeconds : -1),
            txt(a.waitEventType.isEmpty() ? QString() : a.waitEventType + u':' + a.waitEvent),
            txt(a.queryHidden ? QObject::tr("(hidden: no pg_read_all_stats)") : oneLine(a.query),
                a.queryHidden ? QString() : a.query) };
        if (a.isIdleInTransaction() && a.stateSeconds >= 60)
            r.severity = 1;
        if (a.isActive() && a.querySeconds >= longRunningSeconds)
            r.severity = 1;
        if (a.waitEventType == QLatin1String("Lock"))
            r.severity = 2;
        out.append(r);
    }
    return out;
}

QStringList vacuumHeaders()
{
    return { QObject::tr("Schema"), QObject::tr("Table"), QObject::tr("Live"), QObject::tr("Dead"),
        QObject::tr("Dead %"), QObject::tr("Last vacuum"), QObject::tr("Last analyze"),
        QObject::tr("Autovacuum"), QObject::tr("Modified since analyze") };
}

Rows vacuum(const QList<core::VacuumRow> &rows, const QDateTime &now)
{
    Rows out;
    for (const core::VacuumRow &v : rows) {
        Row r;
        r.key = key(v.schema, v.table);
        r.cells = { txt(v.schema), txt(v.table), num(v.liveTuples), num(v.deadTuples),
            pct(v.deadRatio()), when(v.lastAnyVacuum(), now), when(v.lastAnyAnalyze(), now),
            txt(v.autovacuumEnabled ? QObject::tr("on") : QObject::tr("OFF")),
            num(v.modifiedSinceAnalyze) };
        if (v.deadTuples >= 1000 && v.deadRatio() >= 0.2)
            r.severity = v.deadRatio() >= 0.5 ? 2 : 1;
        out.append(r);
    }
    return out;
}

QStringList xidHeaders()
{
    return { QObject::tr("Schema"), QObject::tr("Table"), QObject::tr("XID age"),
        QObject::tr("Of wraparound"), QObject::tr("Multixact age") };
}

Rows xidTables(const QList<core::XidAgeRow> &rows)
{
    Rows out;
    for (const core::XidAgeRow &x : rows) {
        const double f = double(x.xidAge) / 2147483647.0;
        Row r;
        r.key = key(x.schema, x.table);
        r.cells = { txt(x.schema), txt(x.table), num(x.xidAge), pct(f), num(x.mxidAge) };
        r.severity = f >= 0.75 ? 2 : f >= 0.5 ? 1 : 0;
        out.append(r);
    }
    return out;
}

QStringList databaseHeaders()
{
    return { QObject::tr("Database"), QObject::tr("Size"), QObject::tr("XID age"),
        QObject::tr("Of wraparound") };
}

Rows databases(const QList<core::DatabaseRow> &rows)
{
    Rows out;
    for (const core::DatabaseRow &d : rows) {
        const double f = double(d.xidAge) / 2147483647.0;
        Row r;
        r.key = d.name;
        r.cells = { txt(d.name), bytes(d.bytes), num(d.xidAge), pct(f) };
        r.severity = f >= 0.75 ? 2 : f >= 0.5 ? 1 : 0;
        out.append(r);
    }
    return out;
}

QStringList relationHeaders()
{
    return { QObject::tr("Schema"), QObject::tr("Name"), QObject::tr("Kind"), QObject::tr("Total"),
        QObject::tr("Heap"), QObject::tr("TOAST"), QObject::tr("Indexes"),
        QObject::tr("Rows (est.)") };
}

namespace {
Cell kind(const core::RelationSizeRow &x)
{
    if (x.kind == u'm')
        return txt(QObject::tr("mat. view"));
    if (x.kind == u'p')
        return txt(x.partitions == 1 ? QObject::tr("partitioned, 1 partition")
                                     : QObject::tr("partitioned, %1 partitions").arg(x.partitions),
            QObject::tr("Its sizes are its partitions' summed"));
    if (x.isPartition())
        return txt(
            QObject::tr("partition of %1").arg(x.parentName), x.parentSchema + u'.' + x.parentName);
    return txt(QObject::tr("table"));
}
} // namespace

Rows relations(const QList<core::RelationSizeRow> &rows)
{
    Rows out;
    for (const core::RelationSizeRow &x : rows) {
        Row r;
        r.key = key(x.schema, x.name);
        r.cells = { txt(x.schema), txt(x.name), kind(x), bytes(x.totalBytes), bytes(x.heapBytes),
            bytes(x.toastBytes), bytes(x.indexBytes),
            x.rowEstimate < 0 ? StatsTableModel::number(QObject::tr("not analyzed"), -1.0)
                              : num(qint64(x.rowEstimate)) };
        out.append(r);
    }
    return out;
}

QStringList indexSizeHeaders()
{
    return { QObject::tr("Schema"), QObject::tr("Index"), QObject::tr("Table"),
        QObject::tr("Size") };
}

Rows indexSizes(const QList<core::IndexSizeRow> &rows)
{
    Rows out;
    for (const core::IndexSizeRow &x : rows)
        out.append(Row { key(x.schema, x.index),
            { txt(x.schema), txt(x.index), txt(x.table), bytes(x.bytes) }, 0 });
    return out;
}

QStringList unusedIndexHeaders()
{
    return { QObject::tr("Schema"), QObject::tr("Index"), QObject::tr("Table"), QObject::tr("Size"),
        QObject::tr("Scans"), QObject::tr("Definition") };
}

Rows unusedIndexes(const QList<core::UnusedIndexRow> &rows)
{
    Rows out;
    for (const core::UnusedIndexRow &x : rows)
        out.append(Row { key(x.schema, x.index),
            { txt(x.schema), txt(x.index), txt(x.table), bytes(x.bytes), num(x.scans),
                txt(x.definition, x.definition) },
            0 });
    return out;
}

QStringList duplicateIndexHeaders()
{
    return { QObject::tr("Schema"), QObject::tr("Table"), QObject::tr("Identical indexes"),
        QObject::tr("Wasted"), QObject::tr("Definition") };
}

Rows duplicateIndexes(const QList<core::DuplicateIndexRow> &rows)
{
    Rows out;
    for (const core::DuplicateIndexRow &d : rows) {
        qint64 wasted = 0;
        for (int i = 1; i < d.bytes.size(); ++i)
            wasted += d.bytes.at(i);
        out.append(Row { key(d.schema, d.table),
            { txt(d.schema), txt(d.table), txt(d.indexes.join(QStringLiteral(", "))), bytes(wasted),
                txt(d.definition, d.definition) },
            1 });
    }
    return out;
}

QStringList sequenceHeaders()
{
    return { QObject::tr("Schema"), QObject::tr("Sequence"), QObject::tr("Used"),
        QObject::tr("Last value"), QObject::tr("Limit"), QObject::tr("Limited by"),
        QObject::tr("Feeds"), QObject::tr("Type") };
}

Rows sequences(const QList<core::SequenceRow> &rows, double warnFraction)
{
    Rows out;
    for (const core::SequenceRow &q : rows) {
        const double f = q.usedFraction();
        Row r;
        r.key = key(q.schema, q.name);
        r.cells = { txt(q.schema), txt(q.name),
            !q.readable ? StatsTableModel::number(QObject::tr("no access"), -1.0) : pct(f),
            q.used ? num(q.lastValue) : StatsTableModel::number(QObject::tr("unused"), qint64(0)),
            num(q.limit),
            txt(q.limitedByColumn() ? QObject::tr("%1 column").arg(q.columnType)
                                    : QObject::tr("sequence")),
            txt(q.column.isEmpty() ? QString() : q.tableSchema + u'.' + q.table + u'.' + q.column),
            txt(q.sequenceType + (q.cycles ? QObject::tr(", cycles") : QString())) };
        if (f >= warnFraction && !q.cycles)
            r.severity = f >= 0.95 ? 2 : 1;
        out.append(r);
    }
    return out;
}

QStringList matviewHeaders()
{
    return { QObject::tr("Schema"), QObject::tr("Materialized view"), QObject::tr("Size"),
        QObject::tr("Populated"), QObject::tr("Concurrent refresh"), QObject::tr("Owner") };
}

Rows matviews(const QList<core::MatViewRow> &rows)
{
    Rows out;
    for (const core::MatViewRow &m : rows) {
        Row r;
        r.key = key(m.schema, m.name);
        r.cells = { txt(m.schema), txt(m.name), bytes(m.bytes),
            txt(m.populated ? QObject::tr("yes") : QObject::tr("NO")),
            txt(m.canRefreshConcurrently()   ? QObject::tr("possible")
                    : m.hasUsableUniqueIndex ? QObject::tr("after a first refresh")
                                             : QObject::tr("needs a unique index")),
            txt(m.owner) };
        r.severity = m.populated ? 0 : 1;
        out.append(r);
    }
    return out;
}

QStringList replicationHeaders()
{
    return { QObject::tr("PID"), QObject::tr("Application"), QObject::tr("Client"),
        QObject::tr("State"), QObject::tr("Sync"), QObject::tr("Lag"), QObject::tr("Replay lag") };
}

Rows replication(const QList<core::ReplicationRow> &rows)
{
    Rows out;
    for (const core::ReplicationRow &x : rows)
        out.append(Row { x.pid,
            { pid(x.pid), txt(x.application), txt(x.clientAddress), txt(x.state), txt(x.syncState),
                bytes(x.lagBytes), secs(x.replayLagSeconds) },
            0 });
    return out;
}

QStringList slotHeaders()
{
    return { QObject::tr("Slot"), QObject::tr("Type"), QObject::tr("Plugin"),
        QObject::tr("Database"), QObject::tr("Active"), QObject::tr("WAL retained"),
        QObject::tr("WAL status") };
}

Rows slots(const QList<core::SlotRow> &rows)
{
    Rows out;
    for (const core::SlotRow &x : rows)
        out.append(Row { x.name,
            { txt(x.name), txt(x.type + (x.temporary ? QObject::tr(", temporary") : QString())),
                txt(x.plugin), txt(x.database),
                txt(x.active ? QObject::tr("yes") : QObject::tr("no")), bytes(x.retainedBytes),
                txt(x.walStatus) },
            x.active ? 0 : 1 });
    return out;
}

QStringList statementHeaders()
{
    return { QObject::tr("Total"), QObject::tr("Calls"), QObject::tr("Mean"), QObject::tr("Rows"),
        QObject::tr("Cache hit"), QObject::tr("User"), QObject::tr("Database"),
        QObject::tr("Query") };
}

Rows statements(const QList<core::StatementRow> &rows)
{
    Rows out;
    for (const core::StatementRow &x : rows) {
        const double hit = core::CacheHitRow::ratio(x.sharedBlocksHit, x.sharedBlocksRead);
        out.append(Row { x.queryId,
            { StatsTableModel::number(QObject::tr("%1 ms").arg(x.totalMs, 0, 'f', 1), x.totalMs),
                num(x.calls),
                StatsTableModel::number(QObject::tr("%1 ms").arg(x.meanMs, 0, 'f', 2), x.meanMs),
                num(x.rows), pct(hit), txt(x.user), txt(x.database),
                txt(oneLine(x.query), x.query) },
            0 });
    }
    return out;
}

} // namespace strata::models::statsrows
