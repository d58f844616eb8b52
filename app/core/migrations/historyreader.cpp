#include "historyreader.h"

#include "db/session.h"
#include "migrations/detectorregistry.h"
#include "migrations/detectors/detectors.h"

namespace strata::core {

namespace {

// A text[] literal from libpq's output ("{a,"b c"}"): enough for names and format_type().
QStringList parseTextArray(const QString &s)
{
    QStringList out;
    if (s.size() < 2)
        return out;
    QString cur;
    bool quoted = false, wasQuoted = false;
    for (int i = 1; i < s.size() - 1; ++i) {
        const QChar c = s.at(i);
        if (quoted) {
            if (c == u'\\' && i + 1 < s.size() - 1)
                cur += s.at(++i);
            else if (c == u'"')
                quoted = false;
            else
                cur += c;
        } else if (c == u'"') {
            quoted = wasQuoted = true;
        } else if (c == u',') {
            out.append(cur);
            cur.clear();
            wasQuoted = false;
        } else {
            cur += c;
        }
    }
    if (!cur.isEmpty() || wasQuoted || s.size() > 2)
        out.append(cur);
    return out;
}

} // namespace

Result<CatalogSnapshot> HistoryReader::candidates(SessionContext &ctx)
{
    const QStringList names = DetectorRegistry::instance().tableNames();
    QStringList quoted;
    for (QString n : names)
        quoted.append(u'"' + n.replace(u'"', QStringLiteral("\\\"")) + u'"');
    auto r = ctx.exec(
        QStringLiteral("migrations/candidates"), { QString(u'{' + quoted.join(u',') + u'}') });
    if (!r)
        return r.error();
    CatalogSnapshot snap;
    for (int i = 0; i < r->rows(); ++i) {
        CandidateTable t;
        t.schema = r->text(i, 0);
        t.table = r->text(i, 1);
        const QStringList cols = parseTextArray(r->text(i, 2));
        const QStringList types = parseTextArray(r->text(i, 3));
        for (int c = 0; c < cols.size(); ++c)
            t.columns.append({ cols.at(c), c < types.size() ? types.at(c) : QString() });
        snap.tables.append(t);
    }
    return snap;
}

Result<QList<MigrationHistory>> HistoryReader::readAll(SessionContext &ctx, int rowLimit)
{
    auto snap = candidates(ctx);
    if (!snap)
        return snap.error();
    QList<MigrationHistory> out;
    for (const Detection &d : DetectorRegistry::instance().detect(snap.value())) {
        if (ctx.cancelRequested())
            return Error(Error::Kind::Canceled, QStringLiteral("Cancelled."));
        const MigrationDetector *det = d.detectors.first();
        MigrationHistory h;
        h.framework = det->id();
        h.frameworkName = det->displayName();
        h.schema = d.table.schema;
        h.table = d.table.table;
        h.ambiguous = d.ambiguous;
        for (const auto *a : d.detectors)
            h.alternatives.append(a->id());
        if (d.ambiguous) {
            QStringList names;
            for (const auto *a : d.detectors)
                names.append(a->displayName());
            h.notes.append(QStringLiteral("Written by %1: the database alone cannot tell. Choose "
                                          "the project's migrations folder to decide.")
                               .arg(names.join(QStringLiteral(" or "))));
        }
        if (const QString odd = detectors::schemaMigrationsTypeProblem(d.table); !odd.isEmpty())
            h.notes.append(odd);
        h.upgradeCommand = det->upgradeCommand();
        bool truncated = false;
        auto entries = det->read(ctx, d.table, rowLimit, &truncated);
        if (entries) {
            h.entries = entries.value();
            h.truncated = truncated;
            if (truncated)
                h.notes.append(QStringLiteral("The table has more than %1 rows: showing the "
                                              "latest %1.")
                                   .arg(rowLimit));
            h.notes.append(det->notes(ctx, d.table, snap.value()));
        } else {
            h.error = entries.error().toString();
        }
        out.append(h);
    }
    return out;
}

} // namespace strata::core
