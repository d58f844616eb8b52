#include "detectors.h"

namespace strata::core::detectors {
namespace {

class SequelizeDetector : public MigrationDetector
{
public:
    QString id() const override { return QStringLiteral("sequelize"); }
    QString displayName() const override { return QStringLiteral("Sequelize"); }
    QStringList tableNames() const override { return { QStringLiteral("SequelizeMeta") }; }
    Match matches(const CandidateTable &t, const CatalogSnapshot &) const override
    {
        return t.has(QStringLiteral("name")) ? Match::Yes : Match::No;
    }
    QString upgradeCommand() const override
    {
        return QStringLiteral("npx sequelize-cli db:migrate");
    }

protected:
    QString sqlName() const override { return QStringLiteral("migrations/history/sequelize"); }
    QList<MigrationEntry> entriesFrom(const PgResult &r) const override
    {
        QList<MigrationEntry> out;
        for (int i = 0; i < r.rows(); ++i) {
            MigrationEntry e;
            e.version = text(r, i, "name");
            e.script = e.version;
            out.append(e);
        }
        return out;
    }
};

} // namespace

DetectorPtr sequelize()
{
    return std::make_unique<SequelizeDetector>();
}

} // namespace strata::core::detectors
