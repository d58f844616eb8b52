#include "detectors.h"

namespace strata::core::detectors {
namespace {

class TypeOrmDetector : public MigrationDetector
{
public:
    QString id() const override { return QStringLiteral("typeorm"); }
    QString displayName() const override { return QStringLiteral("TypeORM"); }
    QStringList tableNames() const override { return { QStringLiteral("migrations") }; }
    Match matches(const CandidateTable &t, const CatalogSnapshot &) const override
    {
        return t.hasAll({ "id", "timestamp", "name" }) ? Match::Yes : Match::No;
    }
    QString upgradeCommand() const override
    {
        return QStringLiteral("npx typeorm migration:run -d DATASOURCE");
    }

protected:
    QString sqlName() const override { return QStringLiteral("migrations/history/typeorm"); }
    QList<MigrationEntry> entriesFrom(const PgResult &r) const override
    {
        QList<MigrationEntry> out;
        for (int i = 0; i < r.rows(); ++i) {
            MigrationEntry e;
            e.version = text(r, i, "ts");
            e.description = text(r, i, "name");
            // The timestamp is when the migration was written, not when it ran.
            const QDateTime written = parsePgTimestamp(e.version);
            if (written.isValid())
                e.note = QStringLiteral("written %1; TypeORM does not record when it ran")
                             .arg(written.toUTC().toString(Qt::ISODate));
            out.append(e);
        }
        return out;
    }
};

} // namespace

DetectorPtr typeorm()
{
    return std::make_unique<TypeOrmDetector>();
}

} // namespace strata::core::detectors
