#include "migrationdetector.h"

#include "db/session.h"
#include "db/sqlregistry.h"

#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

namespace strata::core {

QDateTime parsePgTimestamp(const QString &raw)
{
    const QString s = raw.trimmed();
    if (s.isEmpty())
        return {};
    static const QRegularExpression re(
        QStringLiteral(R"(^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?\s*)"
                       R"((Z|[+-]\d{2}(?::?\d{2})?)?$)"));
    const auto m = re.match(s);
    if (m.hasMatch()) {
        const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        const int ms = m.captured(7).isEmpty()
            ? 0
            : QString(m.captured(7) + QStringLiteral("00")).left(3).toInt();
        const QTime t(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt(), ms);
        const QString zone = m.captured(8);
        if (zone.isEmpty()) // timestamp without time zone: shown as written
            return QDateTime(d, t, Qt::LocalTime);
        if (zone == QLatin1String("Z"))
            return QDateTime(d, t, Qt::UTC);
        const int sign = zone.startsWith(u'-') ? -1 : 1;
        const QString digits = QString(zone.mid(1)).remove(u':');
        const int secs = digits.left(2).toInt() * 3600 + digits.mid(2, 2).toInt() * 60;
        return QDateTime(d, t, QTimeZone(sign * secs));
    }
    // Some frameworks' tables get filled by hand with epoch numbers.
    bool ok = false;
    const qint64 n = s.toLongLong(&ok);
    if (ok && n > 0)
        return n > 100000000000LL ? QDateTime::fromMSecsSinceEpoch(n, Qt::UTC)
                                  : QDateTime::fromSecsSinceEpoch(n, Qt::UTC);
    return {};
}

QString MigrationDetector::text(const PgResult &r, int row, const char *column)
{
    const int c = r.column(column);
    return c < 0 ? QString() : r.text(row, c);
}

bool MigrationDetector::isNull(const PgResult &r, int row, const char *column)
{
    const int c = r.column(column);
    return c < 0 || r.isNull(row, c);
}

QDateTime MigrationDetector::timestamp(const PgResult &r, int row, const char *column)
{
    return parsePgTimestamp(text(r, row, column));
}

qint64 MigrationDetector::number(const PgResult &r, int row, const char *column, qint64 fallback)
{
    bool ok = false;
    const qint64 v = text(r, row, column).trimmed().toLongLong(&ok);
    return ok ? v : fallback;
}

bool MigrationDetector::flag(const PgResult &r, int row, const char *column, bool fallback)
{
    const QString v = text(r, row, column).trimmed().toLower();
    if (v == QLatin1String("t") || v == QLatin1String("true") || v == QLatin1String("1")
        || v == QLatin1String("y") || v == QLatin1String("yes"))
        return true;
    if (v == QLatin1String("f") || v == QLatin1String("false") || v == QLatin1String("0")
        || v == QLatin1String("n") || v == QLatin1String("no"))
        return false;
    return fallback;
}

QStringList MigrationDetector::notes(
    SessionContext &, const CandidateTable &, const CatalogSnapshot &) const
{
    return {};
}

Result<QList<MigrationEntry>> MigrationDetector::read(
    SessionContext &ctx, const CandidateTable &table, int rowLimit, bool *truncated) const
{
    auto r = ctx.execTemplate(sqlName(),
        { { QStringLiteral("table"), { table.schema, table.table } },
            { QStringLiteral("schema"), { table.schema } } },
        { rowLimit + 1 });
    if (!r) {
        Error e = r.error();
        e.message = QStringLiteral("Reading %1 as a %2 history failed: %3")
                        .arg(table.qualifiedName(), displayName(), e.message);
        if (e.hint.isEmpty())
            e.hint = QStringLiteral("Check that the table has the columns %1 creates and that "
                                    "this role may read it.")
                         .arg(displayName());
        return e;
    }
    QList<MigrationEntry> entries = entriesFrom(r.value());
    if (truncated)
        *truncated = r->rows() > rowLimit;
    // The statements read newest first so the limit keeps the latest rows.
    std::reverse(entries.begin(), entries.end());
    if (entries.size() > rowLimit)
        entries.remove(0, entries.size() - rowLimit);
    return entries;
}

} // namespace strata::core
