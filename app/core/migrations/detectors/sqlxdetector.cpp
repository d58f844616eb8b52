#include "detectors.h"

namespace strata::core::detectors {
namespace {

// bytea's text form as hex, whichever bytea_output the server uses ("\\x0102" or "\\001\\002").
QString byteaHex(const QString &s)
{
    if (s.startsWith(QLatin1String("\\x")))
        return s.mid(2);
    QByteArray bytes;
    const QByteArray in = s.toLatin1();
    for (int i = 0; i < in.size(); ++i) {
        if (in.at(i) == '\\' && i + 3 < in.size() && QByteArray("0123").contains(in.at(i + 1))) {
            bytes.append(char(in.mid(i + 1, 3).toInt(nullptr, 8)));
            i += 3;
        } else if (in.at(i) == '\\' && i + 1 < in.size() && in.at(i + 1) == '\\') {
            bytes.append('\\');
            ++i;
        } else {
            bytes.append(in.at(i));
        }
    }
    return QString::fromLatin1(bytes.toHex());
}

class SqlxDetector : public MigrationDetector
{
public:
    QString id() const override { return QStringLiteral("sqlx"); }
    QString displayName() const override { return QStringLiteral("sqlx"); }
    QStringList tableNames() const override { return { QStringLiteral("_sqlx_migrations") }; }
    Match matches(const CandidateTable &t, const CatalogSnapshot &) const override
    {
        return t.hasAll({ "version", "description", "success", "checksum", "execution_time" })
            ? Match::Yes
            : Match::No;
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
            e.checksum = byteaHex(text(r, i, "checksum"));
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

DetectorPtr sqlx()
{
    return std::make_unique<SqlxDetector>();
}

} // namespace strata::core::detectors
