#include "detectors.h"

namespace strata::core::detectors {
namespace {

// Rails' schema_migrations holds a lone varchar version. Only ar_internal_metadata beside it
// proves Rails; without it the table could be dbmate's (see DbmateDetector) and both answer
// Ambiguous until a folder decides.
class RailsDetector : public VersionOnlyDetector
{
public:
    QString id() const override { return QStringLiteral("rails"); }
    QString displayName() const override { return QStringLiteral("Rails"); }
    QStringList tableNames() const override
    {
        return { QStringLiteral("schema_migrations"), QStringLiteral("ar_internal_metadata") };
    }
    Match matches(const CandidateTable &t, const CatalogSnapshot &all) const override
    {
        if (classifySchemaMigrations(t) != SchemaMigrationsKind::RailsOrDbmate)
            return Match::No;
        const CandidateTable *meta = all.find(t.schema, QStringLiteral("ar_internal_metadata"));
        if (meta && meta->hasAll({ "key", "value" }))
            return Match::Yes;
        return Match::Ambiguous;
    }
    QString upgradeCommand() const override { return QStringLiteral("bin/rails db:migrate"); }
};

} // namespace

DetectorPtr rails()
{
    return std::make_unique<RailsDetector>();
}

QList<MigrationEntry> VersionOnlyDetector::entriesFrom(const PgResult &r) const
{
    QList<MigrationEntry> out;
    for (int i = 0; i < r.rows(); ++i) {
        MigrationEntry e;
        e.version = text(r, i, "version");
        out.append(e);
    }
    return out;
}

} // namespace strata::core::detectors
