#include "detectors.h"

namespace strata::core::detectors {
namespace {

class LiquibaseDetector : public MigrationDetector
{
public:
    QString id() const override { return QStringLiteral("liquibase"); }
    QString displayName() const override { return QStringLiteral("Liquibase"); }
    QStringList tableNames() const override { return { QStringLiteral("databasechangelog") }; }
    Match matches(const CandidateTable &t, const CatalogSnapshot &) const override
    {
        return t.hasAll({ "id", "author", "filename", "dateexecuted", "orderexecuted", "exectype" })
            ? Match::Yes
            : Match::No;
    }
    QString upgradeCommand() const override { return QStringLiteral("liquibase update"); }

protected:
    QString sqlName() const override { return QStringLiteral("migrations/history/liquibase"); }
    QList<MigrationEntry> entriesFrom(const PgResult &r) const override
    {
        QList<MigrationEntry> out;
        for (int i = 0; i < r.rows(); ++i) {
            MigrationEntry e;
            e.version = text(r, i, "id");
            e.description = text(r, i, "description");
            if (e.description.isEmpty())
                e.description = text(r, i, "comments");
            e.script = text(r, i, "filename");
            e.appliedBy = text(r, i, "author");
            e.appliedAt = timestamp(r, i, "dateexecuted");
            e.checksum = text(r, i, "md5sum");
            const QString type = text(r, i, "exectype").toUpper();
            if (type == QLatin1String("MARK_RAN")) {
                e.state = MigrationState::Baseline;
                e.note = QStringLiteral("MARK_RAN: recorded without running");
            } else if (type == QLatin1String("RERAN")) {
                e.note = QStringLiteral("RERAN: run again (runOnChange or runAlways)");
            } else if (type == QLatin1String("FAILED")) {
                e.state = MigrationState::Failed;
            }
            const QString tag = text(r, i, "tag");
            if (!tag.isEmpty())
                e.note += (e.note.isEmpty() ? QString() : QStringLiteral("; "))
                    + QStringLiteral("tag %1").arg(tag);
            out.append(e);
        }
        return out;
    }
};

} // namespace

DetectorPtr liquibase()
{
    return std::make_unique<LiquibaseDetector>();
}

} // namespace strata::core::detectors
