#include "detectors.h"

#include <QSet>

namespace strata::core::detectors {
namespace {

class GooseDetector : public MigrationDetector
{
public:
    QString id() const override { return QStringLiteral("goose"); }
    QString displayName() const override { return QStringLiteral("goose"); }
    QStringList tableNames() const override { return { QStringLiteral("goose_db_version") }; }
    Match matches(const CandidateTable &t, const CatalogSnapshot &) const override
    {
        return t.hasAll({ "version_id", "is_applied" }) ? Match::Yes : Match::No;
    }
    QString upgradeCommand() const override
    {
        return QStringLiteral("goose -dir PATH postgres \"$DATABASE_URL\" up");
    }

protected:
    QString sqlName() const override { return QStringLiteral("migrations/history/goose"); }
    QList<MigrationEntry> entriesFrom(const PgResult &r) const override
    {
        // Rows arrive newest first: the first row seen for a version is the one that counts.
        QList<MigrationEntry> out;
        QSet<QString> seen;
        for (int i = 0; i < r.rows(); ++i) {
            const QString version = text(r, i, "version_id");
            if (version == QLatin1String("0") || seen.contains(version))
                continue; // version 0: the row goose writes when it creates the table
            seen.insert(version);
            MigrationEntry e;
            e.version = version;
            e.appliedAt = timestamp(r, i, "tstamp");
            if (!flag(r, i, "is_applied", true)) {
                e.state = MigrationState::RolledBack;
                e.note = QStringLiteral("latest row has is_applied = false");
            }
            out.append(e);
        }
        return out;
    }
};

} // namespace

DetectorPtr goose()
{
    return std::make_unique<GooseDetector>();
}

} // namespace strata::core::detectors
