#include "detectors.h"

namespace strata::core::detectors {
namespace {

class AlembicDetector : public MigrationDetector
{
public:
    QString id() const override { return QStringLiteral("alembic"); }
    QString displayName() const override { return QStringLiteral("Alembic"); }
    QStringList tableNames() const override { return { QStringLiteral("alembic_version") }; }
    Match matches(const CandidateTable &t, const CatalogSnapshot &) const override
    {
        return t.has(QStringLiteral("version_num")) ? Match::Yes : Match::No;
    }
    QString upgradeCommand() const override { return QStringLiteral("alembic upgrade heads"); }

protected:
    QString sqlName() const override { return QStringLiteral("migrations/history/alembic"); }
    QList<MigrationEntry> entriesFrom(const PgResult &r) const override
    {
        QList<MigrationEntry> out;
        for (int i = 0; i < r.rows(); ++i) {
            MigrationEntry e;
            e.version = text(r, i, "version_num");
            e.note = QStringLiteral("current head; Alembic does not record when it was applied");
            out.append(e);
        }
        return out;
    }
};

} // namespace

DetectorPtr alembic()
{
    return std::make_unique<AlembicDetector>();
}

} // namespace strata::core::detectors
