#include "detectors.h"

namespace strata::core::detectors {
namespace {

// dbmate writes the same lone-version schema_migrations as Rails, without ar_internal_metadata.
class DbmateDetector : public MigrationDetector
{
public:
    QString id() const override { return QStringLiteral("dbmate"); }
    QString displayName() const override { return QStringLiteral("dbmate"); }
    QStringList tableNames() const override { return {QStringLiteral("schema_migrations")}; }
    Match matches(const CandidateTable &t, const CatalogSnapshot &all) const override
    {
        if (classifySchemaMigrations(t) != SchemaMigrationsKind::RailsOrDbmate)
            return Match::No;
        if (all.find(t.schema, QStringLiteral("ar_internal_metadata")))
            return Match::No;
        return Match::Ambiguous;
    }
    QString upgradeCommand() const override { return QStringLiteral("dbmate up"); }

protected:
    QString sqlName() const override { return QStringLiteral("migrations/history/version_only"); }
    QList<MigrationEntry> entriesFrom(const PgResult &r) const override
    {
        QList<MigrationEntry> out;
        for (int i = 0; i < r.rows(); ++i) {
            MigrationEntry e;
            e.version = text(r, i, "version");
            out.append(e);
        }
        return out;
    }
};

} // namespace

DetectorPtr dbmate() { return std::make_unique<DbmateDetector>(); }

} // namespace strata::core::detectors
