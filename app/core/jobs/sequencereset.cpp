#include "sequencereset.h"

#include "db/session.h"
#include "jobs/backupplanner.h"

namespace strata::core::sequencereset {

QString describe(const SequenceMove &m)
{
    return QStringLiteral("%1 (%2%3): next value %4 -> %5")
        .arg(m.sequence, m.column, m.identity ? QStringLiteral(", identity") : QString())
        .arg(m.from)
        .arg(m.to);
}

Result<QList<SequenceMove>> run(SessionContext &ctx, const QSet<QString> &tables)
{
    QStringList names = tables.values();
    names.sort();
    const QVariant only
        = names.isEmpty() ? QVariant() : QVariant(backupplanner::arrayLiteral(names));
    auto pairs = ctx.exec(QStringLiteral("jobs/owned_sequences"), { only });
    if (!pairs)
        return pairs.error();
    QList<SequenceMove> moved;
    for (int i = 0; i < pairs->rows(); ++i) {
        const QString seqSchema = pairs->text(i, "seq_schema"),
                      seqName = pairs->text(i, "seq_name");
        const QString tSchema = pairs->text(i, "table_schema"),
                      tName = pairs->text(i, "table_name");
        const QString column = pairs->text(i, "column_name");
        const qint64 increment = pairs->toLongLong(i, "seqincrement", 1);
        if (increment <= 0)
            continue; // descending sequences: the maximum is not the boundary
        auto state = ctx.execTemplate(QStringLiteral("jobs/sequence_state"),
            { { QStringLiteral("column"), { column } },
                { QStringLiteral("table"), { tSchema, tName } },
                { QStringLiteral("sequence"), { seqSchema, seqName } } });
        if (!state)
            return state.error();
        if (state->isNull(0, "max_value"))
            continue; // an empty table: nothing to collide with
        const qint64 max = state->toLongLong(0, "max_value");
        const qint64 last = state->toLongLong(0, "last_value");
        const qint64 next = state->toBool(0, "is_called") ? last + increment : last;
        if (next > max)
            continue;
        const QString seq = ctx.quoteIdentifier(seqSchema) + u'.' + ctx.quoteIdentifier(seqName);
        if (auto set = ctx.exec(QStringLiteral("jobs/sequence_move"), { seq, max }); !set)
            return set.error();
        SequenceMove m;
        m.sequence = seqSchema + u'.' + seqName;
        m.column = tSchema + u'.' + tName + u'.' + column;
        m.identity = pairs->toBool(i, "is_identity");
        m.from = next;
        m.to = max + increment;
        moved << m;
    }
    return moved;
}

} // namespace strata::core::sequencereset
