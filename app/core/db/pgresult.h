#pragma once

#include <QString>
#include <QVariant>

#include <memory>

struct pg_result;

namespace strata::core {

// Rows read through libpq in text format. Cheap to copy (shared), safe to hand to another thread
// once the session's work function has returned it.
class PgResult
{
public:
    PgResult() = default;
    explicit PgResult(pg_result *res);

    bool isNull() const { return !m_res; }
    int rows() const;
    int columns() const;
    QString columnName(int col) const;
    int column(const char *name) const; // -1 when absent

    bool isNull(int row, int col) const;
    QString text(int row, int col) const;
    const char *raw(int row, int col) const; // valid while this PgResult lives
    qint64 toLongLong(int row, int col, qint64 fallback = 0) const;
    int toInt(int row, int col, int fallback = 0) const;
    double toDouble(int row, int col, double fallback = 0) const;
    bool toBool(int row, int col) const; // 't' is true
    QVariant value(int row, int col) const; // typed by the column's type OID
    qint64 affectedRows() const;

private:
    std::shared_ptr<pg_result> m_res;
};

} // namespace strata::core
