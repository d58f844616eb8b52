#include "detectors.h"

namespace strata::core::detectors {
namespace {

class NodePgMigrateDetector : public MigrationDetector
{
public:
    QString id() const override { return QStringLiteral("node-pg-migrate"); }
    QString displayName() const override { return QStringLiteral("node-pg-migrate"); }
    QStringList tableNames() const override { return { QStringLiteral("pgmigrations") }; }
    Match matches(const CandidateTable &t, const CatalogSnapshot &) const override
    {
        return t.hasAll({ "name", "run_on" }) ? Match::Yes : Match::No;
    }
    QString upgradeCommand() const override { return QStringLiteral("npx node-pg-migrate up"); }

protected:
    QString sqlName() const override
    {
        return QStringLiteral("migrations/history/node_pg_migrate");
    }
    QList<MigrationEntry> entriesFrom(const PgResult &r) const override
    {
        QList<MigrationEntry> out;
        for (int i = 0; i < r.rows(); ++i) {
            MigrationEntry e;
            e.version = text(r, i, "name");
            e.appliedAt = timestamp(r, i, "run_on");
            out.append(e);
        }
        return out;
    }
};

} // namespace

DetectorPtr nodePgMigrate()
{
    return std::make_unique<NodePgMigrateDetector>();
}

} // namespace strata::core::detectors
