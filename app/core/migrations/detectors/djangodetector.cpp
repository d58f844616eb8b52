#include "detectors.h"

namespace strata::core::detectors {
namespace {

class DjangoDetector : public MigrationDetector
{
public:
    QString id() const override { return QStringLiteral("django"); }
    QString displayName() const override { return QStringLiteral("Django"); }
    QStringList tableNames() const override { return { QStringLiteral("django_migrations") }; }
    Match matches(const CandidateTable &t, const CatalogSnapshot &) const override
    {
        return t.hasAll({ "app", "name", "applied" }) ? Match::Yes : Match::No;
    }
    QString upgradeCommand() const override { return QStringLiteral("python manage.py migrate"); }

protected:
    QString sqlName() const override { return QStringLiteral("migrations/history/django"); }
    QList<MigrationEntry> entriesFrom(const PgResult &r) const override
    {
        QList<MigrationEntry> out;
        for (int i = 0; i < r.rows(); ++i) {
            MigrationEntry e;
            // "app.name" is unique across apps, and what the folder reader produces.
            e.version = text(r, i, "app") + u'.' + text(r, i, "name");
            e.description = text(r, i, "name");
            e.appliedAt = timestamp(r, i, "applied");
            out.append(e);
        }
        return out;
    }
};

} // namespace

DetectorPtr django()
{
    return std::make_unique<DjangoDetector>();
}

} // namespace strata::core::detectors
