#include "detectors.h"

namespace strata::core::detectors {
namespace {

// Sqitch keeps a registry schema (usually "sqitch"); its events table is the full log.
class SqitchDetector : public MigrationDetector
{
public:
    QString id() const override { return QStringLiteral("sqitch"); }
    QString displayName() const override { return QStringLiteral("Sqitch"); }
    QStringList tableNames() const override
    {
        return { QStringLiteral("events"), QStringLiteral("changes") };
    }
    Match matches(const CandidateTable &t, const CatalogSnapshot &all) const override
    {
        if (t.table != QLatin1String("events")
            || !t.hasAll({ "event", "change_id", "change", "project", "committed_at" }))
            return Match::No;
        const CandidateTable *changes = all.find(t.schema, QStringLiteral("changes"));
        return changes && changes->hasAll({ "change_id", "script_hash" }) ? Match::Yes : Match::No;
    }
    QString upgradeCommand() const override { return QStringLiteral("sqitch deploy"); }

protected:
    QString sqlName() const override { return QStringLiteral("migrations/history/sqitch"); }
    QList<MigrationEntry> entriesFrom(const PgResult &r) const override
    {
        QList<MigrationEntry> out;
        for (int i = 0; i < r.rows(); ++i) {
            MigrationEntry e;
            e.version = text(r, i, "change");
            e.description = text(r, i, "note");
            e.appliedAt = timestamp(r, i, "committed_at");
            e.appliedBy = text(r, i, "committer_name");
            e.checksum = text(r, i, "script_hash");
            const QString event = text(r, i, "event");
            if (event == QLatin1String("fail"))
                e.state = MigrationState::Failed;
            else if (event == QLatin1String("revert"))
                e.state = MigrationState::RolledBack;
            e.note = QStringLiteral("%1 in project %2").arg(event, text(r, i, "project"));
            out.append(e);
        }
        return out;
    }
};

} // namespace

DetectorPtr sqitch()
{
    return std::make_unique<SqitchDetector>();
}

} // namespace strata::core::detectors
