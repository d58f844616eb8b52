#pragma once

#include "migrations/migrationdetector.h"

#include <memory>

// Factories for the detectors, one file each; the registry lists them in one place.
namespace strata::core::detectors {

using DetectorPtr = std::unique_ptr<MigrationDetector>;

DetectorPtr flyway();
DetectorPtr liquibase();
DetectorPtr alembic();
DetectorPtr rails();
DetectorPtr golangMigrate();
DetectorPtr django();
DetectorPtr prisma();
DetectorPtr sqlx();
DetectorPtr diesel();
DetectorPtr goose();
DetectorPtr dbmate();
DetectorPtr knex();
DetectorPtr typeorm();
DetectorPtr efCore();
DetectorPtr laravel();
DetectorPtr sequelize();
DetectorPtr sqitch();
DetectorPtr ecto();
DetectorPtr phinx();
DetectorPtr nodePgMigrate();
DetectorPtr atlas();
DetectorPtr homeGrown();
DetectorPtr unknownSchemaMigrations();

// The schema_migrations variants (spec: "Telling the schema_migrations tables apart").
enum class SchemaMigrationsKind {
    NotSchemaMigrations,
    GolangMigrate,
    Ecto,
    HomeGrown,
    RailsOrDbmate,
    Unknown
};
SchemaMigrationsKind classifySchemaMigrations(const CandidateTable &t);
// What is not the type the spec gives for the variant the columns point to; empty when all is.
QString schemaMigrationsTypeProblem(const CandidateTable &t);
// Yes when the columns say `kind` and their types agree; Ambiguous when only the columns do.
MigrationDetector::Match matchSchemaMigrations(const CandidateTable &t, SchemaMigrationsKind kind);

// Rails and dbmate: schema_migrations(version) and nothing else, read the same way.
class VersionOnlyDetector : public MigrationDetector
{
protected:
    QString sqlName() const override { return QStringLiteral("migrations/history/version_only"); }
    QList<MigrationEntry> entriesFrom(const PgResult &r) const override;
};

} // namespace strata::core::detectors
