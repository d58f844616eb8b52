#include "detectors.h"

namespace strata::core::detectors {
namespace {

class GolangMigrateDetector : public MigrationDetector
{
public:
    QString id() const override { return QStringLiteral("golang-migrate"); }
    QString displayName() const override { return QStringLiteral("golang-migrate"); }
    QStringList tableNames() const override { return { QStringLiteral("schema_migrations") }; }
    Match matches(const CandidateTable &t, const CatalogSnapshot &) const override
    {
        return matchSchemaMigrations(t, SchemaMigrationsKind::GolangMigrate);
    }
    QString upgradeCommand() const override
    {
        return QStringLiteral("migrate -path PATH -database \"$DATABASE_URL\" up");
    }

protected:
    QString sqlName() const override { return QStringLiteral("migrations/history/golang_migrate"); }
    QList<MigrationEntry> entriesFrom(const PgResult &r) const override
    {
        QList<MigrationEntry> out;
        for (int i = 0; i < r.rows(); ++i) {
            MigrationEntry e;
            e.version = text(r, i, "version");
            if (flag(r, i, "dirty")) {
                e.state = MigrationState::Dirty;
                e.note = QStringLiteral("dirty: the migration failed half way; fix the database "
                                        "by hand, then `migrate force %1`")
                             .arg(e.version);
            } else {
                e.note = QStringLiteral("current version (golang-migrate keeps only this row)");
            }
            out.append(e);
        }
        return out;
    }
};

} // namespace

DetectorPtr golangMigrate()
{
    return std::make_unique<GolangMigrateDetector>();
}

} // namespace strata::core::detectors
