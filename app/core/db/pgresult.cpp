#include "pgresult.h"

#include <libpq-fe.h>

#include <QDateTime>

namespace strata::core {

PgResult::PgResult(pg_result *res) : m_res(res, [](pg_result *r) { PQclear(r); }) { }

int PgResult::rows() const
{
    return m_res ? PQntuples(m_res.get()) : 0;
}
int PgResult::columns() const
{
    return m_res ? PQnfields(m_res.get()) : 0;
}

QString PgResult::columnName(int col) const
{
    return QString::fromUtf8(PQfname(m_res.get(), col));
}

int PgResult::column(const char *name) const
{
    return m_res ? PQfnumber(m_res.get(), name) : -1;
}

int PgResult::named(const char *col) const
{
    const int c = column(col);
    if (c < 0 && m_res)
        qWarning("strata: no column \"%s\" in the result", col);
    return c;
}

bool PgResult::isNull(int row, int col) const
{
    return !m_res || col < 0 || PQgetisnull(m_res.get(), row, col);
}

const char *PgResult::raw(int row, int col) const
{
    return PQgetvalue(m_res.get(), row, col);
}

QByteArrayView PgResult::bytes(int row, int col) const
{
    if (isNull(row, col))
        return {};
    return QByteArrayView(PQgetvalue(m_res.get(), row, col), PQgetlength(m_res.get(), row, col));
}

QString PgResult::text(int row, int col) const
{
    if (isNull(row, col))
        return {};
    return QString::fromUtf8(PQgetvalue(m_res.get(), row, col), PQgetlength(m_res.get(), row, col));
}

qint64 PgResult::toLongLong(int row, int col, qint64 fallback) const
{
    if (isNull(row, col))
        return fallback;
    char *end = nullptr;
    const char *s = PQgetvalue(m_res.get(), row, col);
    long long v = std::strtoll(s, &end, 10);
    return end == s ? fallback : v;
}

int PgResult::toInt(int row, int col, int fallback) const
{
    return int(toLongLong(row, col, fallback));
}

double PgResult::toDouble(int row, int col, double fallback) const
{
    if (isNull(row, col))
        return fallback;
    char *end = nullptr;
    const char *s = PQgetvalue(m_res.get(), row, col);
    double v = std::strtod(s, &end);
    return end == s ? fallback : v;
}

bool PgResult::toBool(int row, int col) const
{
    return !isNull(row, col) && PQgetvalue(m_res.get(), row, col)[0] == 't';
}

QVariant PgResult::value(int row, int col) const
{
    if (isNull(row, col))
        return {};
    // Type OIDs from pg_type.dat; stable across releases.
    switch (PQftype(m_res.get(), col)) {
    case 16:
        return toBool(row, col);
    case 20:
    case 21:
    case 23:
    case 26:
        return toLongLong(row, col);
    case 700:
    case 701:
        return toDouble(row, col);
    case 1114:
        return QDateTime::fromString(text(row, col), Qt::ISODateWithMs);
    default:
        return text(row, col);
    }
}

qint64 PgResult::affectedRows() const
{
    if (!m_res)
        return 0;
    return QByteArray(PQcmdTuples(m_res.get())).toLongLong();
}

} // namespace strata::core
