#include "detectors.h"

#include "db/session.h"
#include "db/sqlregistry.h"

namespace strata::core::detectors {
namespace {

class KnexDetector : public MigrationDetector
{
public:
    QString id() const override { return QStringLiteral("knex"); }
    QString displayName() const override { return QStringLiteral("Knex"); }
    QStringList tableNames() const override
    {
        return { QStringLiteral("knex_migrations"), QStringLiteral("knex_migrations_lock") };
    }
    Match matches(const CandidateTable &t, const CatalogSnapshot &) const override
    {
        return t.table == QLatin1String("knex_migrations")
                && t.hasAll({ "name", "batch", "migration_time" })
            ? Match::Yes
            : Match::No;
    }
    QString upgradeCommand() const override { return QStringLiteral("npx knex migrate:latest"); }

    QStringList notes(
        SessionContext &ctx, const CandidateTable &t, const CatalogSnapshot &all) const override
    {
        const CandidateTable *lock = all.find(t.schema, QStringLiteral("knex_migrations_lock"));
        if (!lock || !lock->has(QStringLiteral("is_locked")))
            return {};
        auto r = ctx.execTemplate(QStringLiteral("migrations/history/knex_lock"),
            { { QStringLiteral("table"), { t.schema, lock->table } } });
        if (!r)
            return {
                QStringLiteral("Could not read knex_migrations_lock: %1").arg(r.error().message)
            };
        if (r->rows() > 0 && r->toBool(0, 0))
            return { QStringLiteral("The Knex migration lock is held (is_locked = 1): a run is "
                                    "in progress or died. If none runs, `npx knex migrate:unlock` "
                                    "releases it.") };
        return {};
    }

protected:
    QString sqlName() const override { return QStringLiteral("migrations/history/knex"); }
    QList<MigrationEntry> entriesFrom(const PgResult &r) const override
    {
        QList<MigrationEntry> out;
        for (int i = 0; i < r.rows(); ++i) {
            MigrationEntry e;
            e.version = text(r, i, "name");
            e.script = e.version;
            e.appliedAt = timestamp(r, i, "migration_time");
            e.note = QStringLiteral("batch %1").arg(text(r, i, "batch"));
            out.append(e);
        }
        return out;
    }
};

} // namespace

DetectorPtr knex()
{
    return std::make_unique<KnexDetector>();
}

} // namespace strata::core::detectors
