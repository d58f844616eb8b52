#include "detectors.h"

namespace strata::core::detectors {
namespace {

class FlywayDetector : public MigrationDetector
{
public:
    QString id() const override { return QStringLiteral("flyway"); }
    QString displayName() const override { return QStringLiteral("Flyway"); }
    QStringList tableNames() const override
    {
        return { QStringLiteral("flyway_schema_history"), QStringLiteral("schema_version") };
    }
    Match matches(const CandidateTable &t, const CatalogSnapshot &) const override
    {
        // schema_version is the table name of Flyway before 5.0.
        return t.hasAll({ "installed_rank", "version", "description", "type", "script", "checksum",
                   "installed_by", "installed_on", "success" })
            ? Match::Yes
            : Match::No;
    }
    QString upgradeCommand() const override { return QStringLiteral("flyway migrate"); }

protected:
    QString sqlName() const override { return QStringLiteral("migrations/history/flyway"); }
    QList<MigrationEntry> entriesFrom(const PgResult &r) const override
    {
        QList<MigrationEntry> out;
        for (int i = 0; i < r.rows(); ++i) {
            MigrationEntry e;
            e.version = text(r, i, "version");
            e.description = text(r, i, "description");
            e.script = text(r, i, "script");
            e.checksum = text(r, i, "checksum");
            e.appliedBy = text(r, i, "installed_by");
            e.appliedAt = timestamp(r, i, "installed_on");
            e.durationMs = number(r, i, "execution_time");
            const QString type = text(r, i, "type").toUpper();
            e.repeatable = e.version.isEmpty() && type != QLatin1String("SCHEMA");
            if (type == QLatin1String("BASELINE"))
                e.state = MigrationState::Baseline;
            else if (type.startsWith(QLatin1String("UNDO")))
                e.state = MigrationState::RolledBack;
            else if (type == QLatin1String("DELETE"))
                e.state = MigrationState::Deleted;
            if (type == QLatin1String("SCHEMA"))
                e.note = QStringLiteral("Flyway created the schemas %1").arg(e.script);
            else if (type.startsWith(QLatin1String("UNDO")))
                e.note = QStringLiteral("undo of version %1").arg(e.version);
            if (isNull(r, i, "success"))
                e.note = QStringLiteral("success is NULL, which Flyway never writes");
            else if (!flag(r, i, "success", true))
                e.state = MigrationState::Failed;
            out.append(e);
        }
        return out;
    }
};

} // namespace

DetectorPtr flyway()
{
    return std::make_unique<FlywayDetector>();
}

} // namespace strata::core::detectors
