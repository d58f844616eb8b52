#include "detectors.h"

namespace strata::core::detectors {
namespace {

class SqlxDetector : public MigrationDetector
{
public:
    QString id() const override { return QStringLiteral("sqlx"); }
    QString displayName() const override { return QStringLiteral("sqlx"); }
    QStringList tableNames() const override { return {QStringLiteral("_sqlx_migrations")}; }
    Match matches(const CandidateTable &t, const CatalogSnapshot &) const override
    {
        return t.hasAll({"version", "description", "success", "checksum", "execution_time"})
            ? Match::Yes : Match::No;
    }
    QString upgradeCommand() const override { return QStringLiteral("sqlx migrate run"); }

protected:
    QString sqlName() const override { return QStringLiteral("migrations/history/sqlx"); }
    QList<MigrationEntry> entriesFrom(const PgResult &r) const override
    {
        QList<MigrationEntry> out;
        for (int i = 0; i < r.rows(); ++i) {
            MigrationEntry e;
            e.version = text(r, i, "version");
            e.description = text(r, i, "description");
            e.appliedAt = timestamp(r, i, "installed_on");
            QString sum = text(r, i, "checksum");
            if (sum.startsWith(QLatin1String("\\x")))
                sum = sum.mid(2); // bytea's text form
            e.checksum = sum;
            const qint64 ns = number(r, i, "execution_time");
            if (ns == -1) {
                e.state = MigrationState::Running;
                e.note = QStringLiteral("execution_time -1: still running or interrupted");
            } else if (ns >= 0) {
                e.durationMs = ns / 1000000; // sqlx records nanoseconds
            }
            if (!flag(r, i, "success", true))
                e.state = MigrationState::Failed;
            out.append(e);
        }
        return out;
    }
};

} // namespace

DetectorPtr sqlx() { return std::make_unique<SqlxDetector>(); }

} // namespace strata::core::detectors
