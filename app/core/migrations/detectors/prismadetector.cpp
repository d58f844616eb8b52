#include "detectors.h"

namespace strata::core::detectors {
namespace {

class PrismaDetector : public MigrationDetector
{
public:
    QString id() const override { return QStringLiteral("prisma"); }
    QString displayName() const override { return QStringLiteral("Prisma"); }
    QStringList tableNames() const override { return { QStringLiteral("_prisma_migrations") }; }
    Match matches(const CandidateTable &t, const CatalogSnapshot &) const override
    {
        return t.hasAll(
                   { "migration_name", "checksum", "started_at", "finished_at", "rolled_back_at" })
            ? Match::Yes
            : Match::No;
    }
    QString upgradeCommand() const override { return QStringLiteral("npx prisma migrate deploy"); }

protected:
    QString sqlName() const override { return QStringLiteral("migrations/history/prisma"); }
    QList<MigrationEntry> entriesFrom(const PgResult &r) const override
    {
        QList<MigrationEntry> out;
        for (int i = 0; i < r.rows(); ++i) {
            MigrationEntry e;
            e.version = text(r, i, "migration_name");
            e.checksum = text(r, i, "checksum");
            const QDateTime started = timestamp(r, i, "started_at");
            const QDateTime finished = timestamp(r, i, "finished_at");
            e.appliedAt = started;
            if (started.isValid() && finished.isValid())
                e.durationMs = std::max<qint64>(0, started.msecsTo(finished));
            if (!isNull(r, i, "rolled_back_at")) {
                e.state = MigrationState::RolledBack;
                e.note = QStringLiteral("marked rolled back (prisma migrate resolve)");
            } else if (!finished.isValid()) {
                e.state = MigrationState::Failed;
                e.note = QStringLiteral("started, not finished and not rolled back: failed");
            }
            const QString logs = text(r, i, "logs").trimmed();
            if (!logs.isEmpty())
                e.note += (e.note.isEmpty() ? QString() : QStringLiteral(": ")) + logs;
            out.append(e);
        }
        return out;
    }
};

} // namespace

DetectorPtr prisma()
{
    return std::make_unique<PrismaDetector>();
}

} // namespace strata::core::detectors
