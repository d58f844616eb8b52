#pragma once

#include <QByteArrayView>
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
    // The same with its length; empty for NULL or a column of -1 (absent).
    QByteArrayView bytes(int row, int col) const;
    qint64 toLongLong(int row, int col, qint64 fallback = 0) const;
    int toInt(int row, int col, int fallback = 0) const;
    double toDouble(int row, int col, double fallback = 0) const;
    bool toBool(int row, int col) const; // 't' is true
    QVariant value(int row, int col) const; // typed by the column's type OID

    // The same, by column name (the statement's AS names): what readers use, so that a
    // statement's columns can be reordered or added to without touching C++. A name the result
    // lacks is a programming error: it warns and reads as NULL.
    bool isNull(int row, const char *col) const { return isNull(row, named(col)); }
    QString text(int row, const char *col) const { return text(row, named(col)); }
    qint64 toLongLong(int row, const char *col, qint64 fallback = 0) const
    {
        return toLongLong(row, named(col), fallback);
    }
    int toInt(int row, const char *col, int fallback = 0) const
    {
        return toInt(row, named(col), fallback);
    }
    double toDouble(int row, const char *col, double fallback = 0) const
    {
        return toDouble(row, named(col), fallback);
    }
    bool toBool(int row, const char *col) const { return toBool(row, named(col)); }
    QVariant value(int row, const char *col) const { return value(row, named(col)); }
    qint64 affectedRows() const;

private:
    int named(const char *col) const;

    std::shared_ptr<pg_result> m_res;
};

} // namespace strata::core
