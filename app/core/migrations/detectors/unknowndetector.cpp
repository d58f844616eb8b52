#include "detectors.h"

namespace strata::core::detectors {
namespace {

// A schema_migrations no known framework wrote: its rows as they are.
class UnknownDetector : public MigrationDetector
{
public:
    QString id() const override { return QStringLiteral("unknown"); }
    QString displayName() const override { return QStringLiteral("Unknown"); }
    QStringList tableNames() const override { return { QStringLiteral("schema_migrations") }; }
    Match matches(const CandidateTable &t, const CatalogSnapshot &) const override
    {
        // Also a maybe when the columns point to a framework and the types do not.
        if (classifySchemaMigrations(t) == SchemaMigrationsKind::Unknown)
            return Match::Yes;
        return schemaMigrationsTypeProblem(t).isEmpty() ? Match::No : Match::Ambiguous;
    }
    QString upgradeCommand() const override { return {}; }

protected:
    QString sqlName() const override { return QStringLiteral("migrations/history/rows_as_json"); }
    QList<MigrationEntry> entriesFrom(const PgResult &r) const override
    {
        QList<MigrationEntry> out;
        for (int i = 0; i < r.rows(); ++i) {
            MigrationEntry e;
            e.description = text(r, i, "row_json");
            e.note = QStringLiteral("a table Strata cannot name: the row as it is");
            out.append(e);
        }
        return out;
    }
};

} // namespace

DetectorPtr unknownSchemaMigrations()
{
    return std::make_unique<UnknownDetector>();
}

} // namespace strata::core::detectors
