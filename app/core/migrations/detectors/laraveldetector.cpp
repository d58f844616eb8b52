#include "detectors.h"

namespace strata::core::detectors {
namespace {

class LaravelDetector : public MigrationDetector
{
public:
    QString id() const override { return QStringLiteral("laravel"); }
    QString displayName() const override { return QStringLiteral("Laravel"); }
    QStringList tableNames() const override { return { QStringLiteral("migrations") }; }
    Match matches(const CandidateTable &t, const CatalogSnapshot &) const override
    {
        return t.hasAll({ "migration", "batch" }) ? Match::Yes : Match::No;
    }
    QString upgradeCommand() const override { return QStringLiteral("php artisan migrate"); }

protected:
    QString sqlName() const override { return QStringLiteral("migrations/history/laravel"); }
    QList<MigrationEntry> entriesFrom(const PgResult &r) const override
    {
        QList<MigrationEntry> out;
        for (int i = 0; i < r.rows(); ++i) {
            MigrationEntry e;
            e.version = text(r, i, "migration");
            e.note = QStringLiteral("batch %1").arg(text(r, i, "batch"));
            out.append(e);
        }
        return out;
    }
};

} // namespace

DetectorPtr laravel()
{
    return std::make_unique<LaravelDetector>();
}

} // namespace strata::core::detectors
