#include "detectors.h"

namespace strata::core::detectors {
namespace {

class AtlasDetector : public MigrationDetector
{
public:
    QString id() const override { return QStringLiteral("atlas"); }
    QString displayName() const override { return QStringLiteral("Atlas"); }
    QStringList tableNames() const override { return { QStringLiteral("atlas_schema_revisions") }; }
    Match matches(const CandidateTable &t, const CatalogSnapshot &) const override
    {
        return t.hasAll({ "version", "description", "applied", "total", "executed_at", "hash" })
            ? Match::Yes
            : Match::No;
    }
    QString upgradeCommand() const override
    {
        return QStringLiteral("atlas migrate apply --url \"$DATABASE_URL\"");
    }

protected:
    QString sqlName() const override { return QStringLiteral("migrations/history/atlas"); }
    QList<MigrationEntry> entriesFrom(const PgResult &r) const override
    {
        QList<MigrationEntry> out;
        for (int i = 0; i < r.rows(); ++i) {
            MigrationEntry e;
            e.version = text(r, i, "version");
            e.description = text(r, i, "description");
            e.appliedAt = timestamp(r, i, "executed_at");
            e.checksum = text(r, i, "hash");
            e.appliedBy = QStringLiteral("Atlas %1").arg(text(r, i, "operator_version"));
            const qint64 ns = number(r, i, "execution_time");
            if (ns >= 0)
                e.durationMs = ns / 1000000; // a Go time.Duration: nanoseconds
            const qint64 type = number(r, i, "type", 2);
            const qint64 applied = number(r, i, "applied", 0);
            const qint64 total = number(r, i, "total", 0);
            const QString error = text(r, i, "error");
            if (type & 1) {
                e.state = MigrationState::Baseline;
            }
            if (!error.isEmpty()) {
                e.state = MigrationState::Failed;
                e.note = QStringLiteral("%1 (statement: %2)").arg(error, text(r, i, "error_stmt"));
            } else if (applied < total) {
                e.state = MigrationState::Failed;
                e.note = QStringLiteral("%1 of %2 statements applied").arg(applied).arg(total);
            }
            out.append(e);
        }
        return out;
    }
};

} // namespace

DetectorPtr atlas()
{
    return std::make_unique<AtlasDetector>();
}

} // namespace strata::core::detectors
