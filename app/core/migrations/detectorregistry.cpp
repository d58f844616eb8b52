#include "detectorregistry.h"

#include "migrations/detectors/detectors.h"

namespace strata::core {

DetectorRegistry::DetectorRegistry()
{
    using namespace detectors;
    for (auto make : { flyway, liquibase, alembic, rails, dbmate, golangMigrate, ecto, homeGrown,
             django, prisma, sqlx, diesel, goose, knex, typeorm, efCore, laravel, sequelize, sqitch,
             phinx, nodePgMigrate, atlas, unknownSchemaMigrations })
        m_detectors.push_back(make());
}

const DetectorRegistry &DetectorRegistry::instance()
{
    static const DetectorRegistry registry;
    return registry;
}

const MigrationDetector *DetectorRegistry::find(const QString &id) const
{
    for (const auto &d : m_detectors)
        if (d->id() == id)
            return d.get();
    return nullptr;
}

QList<const MigrationDetector *> DetectorRegistry::all() const
{
    QList<const MigrationDetector *> out;
    for (const auto &d : m_detectors)
        out.append(d.get());
    return out;
}

QStringList DetectorRegistry::tableNames() const
{
    QStringList names;
    for (const auto &d : m_detectors)
        for (const QString &n : d->tableNames())
            if (!names.contains(n))
                names.append(n);
    return names;
}

QList<Detection> DetectorRegistry::detect(const CatalogSnapshot &snapshot) const
{
    QList<Detection> out;
    for (const CandidateTable &t : snapshot.tables) {
        Detection d;
        d.table = t;
        QList<const MigrationDetector *> maybe;
        for (const auto &det : m_detectors) {
            if (!det->tableNames().contains(t.table))
                continue; // sequelize's lone `name` column must not claim pgmigrations
            const auto m = det->matches(t, snapshot);
            if (m == MigrationDetector::Match::Yes)
                d.detectors.append(det.get());
            else if (m == MigrationDetector::Match::Ambiguous)
                maybe.append(det.get());
        }
        // A sure answer wins over maybes. Several sure answers would be a detector bug or a
        // table carrying two frameworks' columns: say so instead of picking one silently.
        if (d.detectors.isEmpty())
            d.detectors = maybe;
        d.ambiguous = d.detectors.size() > 1;
        if (!d.detectors.isEmpty())
            out.append(d);
    }
    return out;
}

} // namespace strata::core
