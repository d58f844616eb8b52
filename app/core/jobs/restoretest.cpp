#include "restoretest.h"

#include "db/session.h"

#include <QDateTime>
#include <QLocale>
#include <QRandomGenerator>
#include <QSet>

namespace strata::core {

QString RestoreTestReport::summary() const
{
    qint64 rows = 0;
    for (const RestoreTestTable &t : tables)
        rows += std::max<qint64>(0, t.restored);
    if (passed())
        return QStringLiteral("Restore test passed: %1 tables with %2 rows as at backup time, %3 "
                              "sequences past their columns, restored without errors (on %4)")
            .arg(tables.size())
            .arg(QLocale::c().toString(rows))
            .arg(sequences.size())
            .arg(target);
    return QStringLiteral("Restore test failed: %1").arg(problems.first())
        + (problems.size() > 1 ? QStringLiteral(" (and %1 more problems)").arg(problems.size() - 1)
                               : QString());
}

namespace restoretest {

QString throwawayName()
{
    const QString stamp
        = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd_hhmmss"));
    const QString random = QString::number(QRandomGenerator::global()->generate() & 0xffffff, 16);
    return QStringLiteral("strata_restore_test_%1_%2").arg(stamp, random.rightJustified(6, u'0'));
}

namespace {

using Key = QPair<QString, QString>;

Status checkSequences(
    SessionContext &ctx, RestoreTestReport &report, const std::function<bool()> &canceled)
{
    auto pairs = ctx.exec(QStringLiteral("jobs/owned_sequences"), { QVariant() }); // every table
    if (!pairs)
        return pairs.error();
    for (int i = 0; i < pairs->rows(); ++i) {
        if (canceled && canceled())
            return Error(Error::Kind::Canceled, QStringLiteral("Cancelled."));
        const QString seqSchema = pairs->text(i, "seq_schema");
        const QString seqName = pairs->text(i, "seq_name");
        const QString tSchema = pairs->text(i, "table_schema");
        const QString tName = pairs->text(i, "table_name");
        const QString column = pairs->text(i, "column_name");
        const qint64 increment = pairs->toLongLong(i, "seqincrement", 1);
        if (increment <= 0)
            continue; // a descending sequence: the largest value is not its boundary
        auto state = ctx.execTemplate(QStringLiteral("jobs/sequence_state"),
            { { QStringLiteral("table"), { tSchema, tName } },
                { QStringLiteral("column"), { column } },
                { QStringLiteral("sequence"), { seqSchema, seqName } } });
        if (!state)
            return state.error();
        if (state->isNull(0, "max_value"))
            continue; // an empty table has nothing to collide with
        RestoreTestSequence s;
        s.sequence = seqSchema + u'.' + seqName;
        s.column = tSchema + u'.' + tName + u'.' + column;
        s.columnMax = state->toLongLong(0, "max_value");
        const qint64 last = state->toLongLong(0, "last_value");
        s.nextValue = state->toBool(0, "is_called") ? last + increment : last;
        report.sequences << s;
        if (!s.passed())
            report.problems << QStringLiteral("%1 (for %2): its next value is %3, but the column "
                                              "already holds %4; the next insert would fail")
                                   .arg(s.sequence, s.column)
                                   .arg(s.nextValue)
                                   .arg(s.columnMax);
    }
    return Ok {};
}

} // namespace

Status check(SessionContext &ctx, const QStringList &archiveTables,
    const QList<TableRowCount> &expected, RestoreTestReport &report,
    const std::function<bool()> &canceled)
{
    auto listed = ctx.exec(QStringLiteral("jobs/restoretest/tables"));
    if (!listed)
        return listed.error();
    QSet<Key> restored, ofExtension;
    QSet<QString> restoredNames; // "schema.name", as pg_restore --list names them
    for (int i = 0; i < listed->rows(); ++i) {
        const Key k { listed->text(i, "schema_name"), listed->text(i, "table_name") };
        restored.insert(k);
        if (listed->toBool(i, "of_extension"))
            ofExtension.insert(k);
        restoredNames.insert(k.first + u'.' + k.second);
    }
    QSet<QString> missing;
    for (const QString &t : archiveTables)
        if (!restoredNames.contains(t) && !missing.contains(t)) {
            missing.insert(t);
            report.problems << QStringLiteral("%1: in the archive, but not restored").arg(t);
        }
    for (const TableRowCount &e : expected) {
        if (canceled && canceled())
            return Error(Error::Kind::Canceled, QStringLiteral("Cancelled."));
        RestoreTestTable t { e.schema, e.name, e.rows, -1,
            ofExtension.contains({ e.schema, e.name }) };
        if (restored.contains({ e.schema, e.name })) {
            auto n = ctx.execTemplate(QStringLiteral("jobs/restoretest/count_rows"),
                { { QStringLiteral("table"), { e.schema, e.name } } });
            if (!n)
                return n.error();
            t.restored = n->toLongLong(0, "row_count");
        }
        report.tables << t;
        if (t.restored < 0 && !missing.contains(t.qualified()))
            report.problems << QStringLiteral("%1: its rows are in the archive, but the table was "
                                              "not restored")
                                   .arg(t.qualified());
        else if (t.restored >= 0 && !t.passed())
            report.problems << QStringLiteral("%1: %2 rows at backup time, %3 restored")
                                   .arg(t.qualified())
                                   .arg(t.expected)
                                   .arg(t.restored);
    }
    return checkSequences(ctx, report, canceled);
}

} // namespace restoretest
} // namespace strata::core
