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

namespace {

bool isTimestamp(const CandidateTable &t, const QString &column)
{
    return t.type(column).startsWith(QLatin1String("timestamp"));
}

QString expect(const CandidateTable &t, const QString &column, bool ok, const QString &wanted)
{
    return ok ? QString()
              : QStringLiteral("%1 is %2 (expected %3)").arg(column, t.type(column), wanted);
}

} // namespace

// The spec's types for each variant the columns point to. A mismatch is not silently taken for
// the variant: the table is reported as ambiguous with this sentence.
QString schemaMigrationsTypeProblem(const CandidateTable &t)
{
    QStringList wrong;
    QString who;
    const QString version = QStringLiteral("version");
    const QString timestamp = QStringLiteral("a timestamp");
    switch (classifySchemaMigrations(t)) {
    case SchemaMigrationsKind::GolangMigrate:
        who = QStringLiteral("golang-migrate");
        wrong.append(expect(
            t, version, t.type(version) == QLatin1String("bigint"), QStringLiteral("bigint")));
        wrong.append(expect(t, QStringLiteral("dirty"),
            t.type(QStringLiteral("dirty")) == QLatin1String("boolean"),
            QStringLiteral("boolean")));
        break;
    case SchemaMigrationsKind::Ecto:
        who = QStringLiteral("Ecto");
        wrong.append(expect(t, version, t.isInteger(version) || t.isText(version),
            QStringLiteral("bigint or text")));
        wrong.append(
            expect(t, QStringLiteral("inserted_at"), isTimestamp(t, "inserted_at"), timestamp));
        break;
    case SchemaMigrationsKind::HomeGrown:
        who = QStringLiteral("home-grown SQL migrations");
        wrong.append(expect(t, version, t.isText(version), QStringLiteral("varchar or text")));
        for (const char *column : { "started_at", "finished_at" })
            wrong.append(
                expect(t, QLatin1String(column), isTimestamp(t, QLatin1String(column)), timestamp));
        break;
    default:
        return {}; // Rails and dbmate are told by a text version already
    }
    wrong.removeAll(QString());
    if (wrong.isEmpty())
        return {};
    return QStringLiteral("%1 has the columns %2 writes, but %3. Strata shows its rows as %2's; "
                          "if that is wrong, the table was made by hand or by another tool.")
        .arg(t.qualifiedName(), who, wrong.join(QStringLiteral(", ")));
}

MigrationDetector::Match matchSchemaMigrations(const CandidateTable &t, SchemaMigrationsKind kind)
{
    if (classifySchemaMigrations(t) != kind)
        return MigrationDetector::Match::No;
    return schemaMigrationsTypeProblem(t).isEmpty() ? MigrationDetector::Match::Yes
                                                    : MigrationDetector::Match::Ambiguous;
}

} // namespace strata::core::detectors
