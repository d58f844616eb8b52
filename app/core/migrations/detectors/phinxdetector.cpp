#include "detectors.h"

namespace strata::core::detectors {
namespace {

class PhinxDetector : public MigrationDetector
{
public:
    QString id() const override { return QStringLiteral("phinx"); }
    QString displayName() const override { return QStringLiteral("Phinx"); }
    QStringList tableNames() const override { return { QStringLiteral("phinxlog") }; }
    Match matches(const CandidateTable &t, const CatalogSnapshot &) const override
    {
        return t.hasAll({ "version", "start_time", "end_time" }) ? Match::Yes : Match::No;
    }
    QString upgradeCommand() const override { return QStringLiteral("vendor/bin/phinx migrate"); }

protected:
    QString sqlName() const override { return QStringLiteral("migrations/history/phinx"); }
    QList<MigrationEntry> entriesFrom(const PgResult &r) const override
    {
        QList<MigrationEntry> out;
        for (int i = 0; i < r.rows(); ++i) {
            MigrationEntry e;
            e.version = text(r, i, "version");
            e.description = text(r, i, "migration_name");
            const QDateTime start = timestamp(r, i, "start_time");
            const QDateTime end = timestamp(r, i, "end_time");
            e.appliedAt = start.isValid() ? start : end;
            if (start.isValid() && end.isValid()) {
                e.durationMs = std::max<qint64>(0, start.msecsTo(end));
            } else if (start.isValid()) {
                e.state = MigrationState::Running;
                e.note = QStringLiteral("no end_time: still running or interrupted");
            }
            if (flag(r, i, "breakpoint"))
                e.note = QStringLiteral("breakpoint set: rollbacks stop here");
            out.append(e);
        }
        return out;
    }
};

} // namespace

DetectorPtr phinx()
{
    return std::make_unique<PhinxDetector>();
}

} // namespace strata::core::detectors
