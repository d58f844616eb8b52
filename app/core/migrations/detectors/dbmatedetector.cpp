#include "detectors.h"

namespace strata::core::detectors {
namespace {

// dbmate writes the same lone-version schema_migrations as Rails, without ar_internal_metadata.
class DbmateDetector : public VersionOnlyDetector
{
public:
    QString id() const override { return QStringLiteral("dbmate"); }
    QString displayName() const override { return QStringLiteral("dbmate"); }
    QStringList tableNames() const override { return { QStringLiteral("schema_migrations") }; }
    Match matches(const CandidateTable &t, const CatalogSnapshot &all) const override
    {
        if (classifySchemaMigrations(t) != SchemaMigrationsKind::RailsOrDbmate)
            return Match::No;
        if (all.find(t.schema, QStringLiteral("ar_internal_metadata")))
            return Match::No;
        return Match::Ambiguous;
    }
    QString upgradeCommand() const override { return QStringLiteral("dbmate up"); }
};

} // namespace

DetectorPtr dbmate()
{
    return std::make_unique<DbmateDetector>();
}

} // namespace strata::core::detectors
