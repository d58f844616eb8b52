#include "detectors.h"

namespace strata::core::detectors {
namespace {

// schema_migrations(version varchar, started_at, finished_at) filled by idempotent SQL files
// (and by Strata's own runner). A start without a finish is a run that is still going or died;
// rows with neither timestamp are legacy rows from before the timings were recorded.
class HomeGrownDetector : public MigrationDetector
{
public:
    QString id() const override { return QStringLiteral("homegrown"); }
    QString displayName() const override { return QStringLiteral("Home-grown SQL"); }
    QStringList tableNames() const override { return { QStringLiteral("schema_migrations") }; }
    Match matches(const CandidateTable &t, const CatalogSnapshot &) const override
    {
        return matchSchemaMigrations(t, SchemaMigrationsKind::HomeGrown);
    }
    QString upgradeCommand() const override
    {
        return QStringLiteral("strata-cli migrate CONNINFO --dir PATH");
    }

protected:
    QString sqlName() const override { return QStringLiteral("migrations/history/homegrown"); }
    QList<MigrationEntry> entriesFrom(const PgResult &r) const override
    {
        QList<MigrationEntry> out;
        for (int i = 0; i < r.rows(); ++i) {
            MigrationEntry e;
            e.version = text(r, i, "version");
            const QDateTime started = timestamp(r, i, "started_at");
            const QDateTime finished = timestamp(r, i, "finished_at");
            e.appliedAt = started.isValid() ? started : finished;
            if (started.isValid() && finished.isValid()) {
                e.durationMs = started.msecsTo(finished);
                if (e.durationMs < 0) {
                    e.note = QStringLiteral("finished_at is before started_at");
                    e.durationMs = -1;
                }
            } else if (started.isValid()) {
                e.state = MigrationState::Running;
                e.note = QStringLiteral("started, never finished: still running or interrupted");
            } else if (finished.isValid()) {
                e.note = QStringLiteral("finished_at without started_at");
            } else {
                e.note = QStringLiteral("legacy row without timings");
            }
            out.append(e);
        }
        return out;
    }
};

} // namespace

DetectorPtr homeGrown()
{
    return std::make_unique<HomeGrownDetector>();
}

} // namespace strata::core::detectors
