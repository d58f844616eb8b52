#include "detectors.h"

namespace strata::core::detectors {

// Decided by columns only; extra columns are ignored. The order matters: a table with both
// `dirty` and `inserted_at` is golang-migrate's, because only golang-migrate writes `dirty`.
SchemaMigrationsKind classifySchemaMigrations(const CandidateTable &t)
{
    if (t.table != QLatin1String("schema_migrations"))
        return SchemaMigrationsKind::NotSchemaMigrations;
    if (!t.has(QStringLiteral("version")))
        return SchemaMigrationsKind::Unknown;
    if (t.has(QStringLiteral("dirty")))
        return SchemaMigrationsKind::GolangMigrate;
    if (t.has(QStringLiteral("inserted_at")))
        return SchemaMigrationsKind::Ecto;
    if (t.has(QStringLiteral("started_at")) && t.has(QStringLiteral("finished_at")))
        return SchemaMigrationsKind::HomeGrown;
    // Rails and dbmate write a lone text version. A lone integer version is neither's.
    if (t.isText(QStringLiteral("version")))
        return SchemaMigrationsKind::RailsOrDbmate;
    return SchemaMigrationsKind::Unknown;
}

} // namespace strata::core::detectors
