#include "sequencereset.h"

#include "db/session.h"

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
    auto pairs = ctx.exec(QStringLiteral("jobs/owned_sequences"));
    if (!pairs)
        return pairs.error();
    QList<SequenceMove> moved;
    for (int i = 0; i < pairs->rows(); ++i) {
        const QString seqSchema = pairs->text(i, 1), seqName = pairs->text(i, 2);
        const QString tSchema = pairs->text(i, 4), tName = pairs->text(i, 5);
        const QString column = pairs->text(i, 6);
        const qint64 increment = pairs->toLongLong(i, 8, 1);
        if (!tables.isEmpty() && !tables.contains(tSchema + u'.' + tName))
            continue;
        if (increment <= 0)
            continue; // descending sequences: the maximum is not the boundary
        const QString seq = ctx.quoteIdentifier(seqSchema) + u'.' + ctx.quoteIdentifier(seqName);
        const QString table = ctx.quoteIdentifier(tSchema) + u'.' + ctx.quoteIdentifier(tName);
        // Identifiers pasted through PQescapeIdentifier; there are no values in the text.
        auto state = ctx.execText(QStringLiteral("SELECT (SELECT max(%1) FROM %2)::bigint, "
                                                 "last_value, is_called FROM %3")
                                      .arg(ctx.quoteIdentifier(column), table, seq));
        if (!state)
            return state.error();
        if (state->isNull(0, 0))
            continue; // an empty table: nothing to collide with
        const qint64 max = state->toLongLong(0, 0);
        const qint64 last = state->toLongLong(0, 1);
        const qint64 next = state->toBool(0, 2) ? last + increment : last;
        if (next > max)
            continue;
        auto set = ctx.execText(
            QStringLiteral("SELECT setval($1::regclass, $2::bigint, true)"), { seq, max });
        if (!set)
            return set.error();
        SequenceMove m;
        m.sequence = seqSchema + u'.' + seqName;
        m.column = tSchema + u'.' + tName + u'.' + column;
        m.identity = pairs->toBool(i, 7);
        m.from = next;
        m.to = max + increment;
        moved << m;
    }
    return moved;
}

} // namespace strata::core::sequencereset
