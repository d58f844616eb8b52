#include "detectors.h"

namespace strata::core::detectors {
namespace {

class EfCoreDetector : public MigrationDetector
{
public:
    QString id() const override { return QStringLiteral("efcore"); }
    QString displayName() const override { return QStringLiteral("EF Core"); }
    QStringList tableNames() const override { return { QStringLiteral("__EFMigrationsHistory") }; }
    Match matches(const CandidateTable &t, const CatalogSnapshot &) const override
    {
        return t.hasAll({ "MigrationId", "ProductVersion" }) ? Match::Yes : Match::No;
    }
    QString upgradeCommand() const override { return QStringLiteral("dotnet ef database update"); }

protected:
    QString sqlName() const override { return QStringLiteral("migrations/history/efcore"); }
    QList<MigrationEntry> entriesFrom(const PgResult &r) const override
    {
        QList<MigrationEntry> out;
        for (int i = 0; i < r.rows(); ++i) {
            MigrationEntry e;
            const QString id = text(r, i, "migration_id");
            const int underscore = id.indexOf(u'_');
            e.version = id;
            e.description = underscore > 0 ? id.mid(underscore + 1) : QString();
            e.note = QStringLiteral("EF Core %1").arg(text(r, i, "product_version"));
            out.append(e);
        }
        return out;
    }
};

} // namespace

DetectorPtr efCore()
{
    return std::make_unique<EfCoreDetector>();
}

} // namespace strata::core::detectors
