#include "detectors.h"

namespace strata::core::detectors {
namespace {

class DieselDetector : public MigrationDetector
{
public:
    QString id() const override { return QStringLiteral("diesel"); }
    QString displayName() const override { return QStringLiteral("Diesel"); }
    QStringList tableNames() const override
    {
        return { QStringLiteral("__diesel_schema_migrations") };
    }
    Match matches(const CandidateTable &t, const CatalogSnapshot &) const override
    {
        return t.hasAll({ "version", "run_on" }) ? Match::Yes : Match::No;
    }
    QString upgradeCommand() const override { return QStringLiteral("diesel migration run"); }

protected:
    QString sqlName() const override { return QStringLiteral("migrations/history/diesel"); }
    QList<MigrationEntry> entriesFrom(const PgResult &r) const override
    {
        QList<MigrationEntry> out;
        for (int i = 0; i < r.rows(); ++i) {
            MigrationEntry e;
            e.version = text(r, i, "version");
            e.appliedAt = timestamp(r, i, "run_on");
            out.append(e);
        }
        return out;
    }
};

} // namespace

DetectorPtr diesel()
{
    return std::make_unique<DieselDetector>();
}

} // namespace strata::core::detectors
