#include "detectors.h"

namespace strata::core::detectors {
namespace {

class EctoDetector : public MigrationDetector
{
public:
    QString id() const override { return QStringLiteral("ecto"); }
    QString displayName() const override { return QStringLiteral("Ecto"); }
    QStringList tableNames() const override { return { QStringLiteral("schema_migrations") }; }
    Match matches(const CandidateTable &t, const CatalogSnapshot &) const override
    {
        return matchSchemaMigrations(t, SchemaMigrationsKind::Ecto);
    }
    QString upgradeCommand() const override { return QStringLiteral("mix ecto.migrate"); }

protected:
    QString sqlName() const override { return QStringLiteral("migrations/history/ecto"); }
    QList<MigrationEntry> entriesFrom(const PgResult &r) const override
    {
        QList<MigrationEntry> out;
        for (int i = 0; i < r.rows(); ++i) {
            MigrationEntry e;
            e.version = text(r, i, "version");
            e.appliedAt = timestamp(r, i, "inserted_at");
            out.append(e);
        }
        return out;
    }
};

} // namespace

DetectorPtr ecto()
{
    return std::make_unique<EctoDetector>();
}

} // namespace strata::core::detectors
