#pragma once

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

namespace strata::core {

// Counts COPY rows as the bytes of a table's data go by: one row is one line, up to a line "\."
// (the end of the COPY data, which pg_dump stores after the rows). Bytes may arrive in pieces
// of any size.
class RowLineCounter
{
public:
    void feed(const char *data, qsizetype n);
    qint64 rows() const { return m_rows; }

private:
    qint64 m_rows = 0;
    bool m_ended = false;
    qsizetype m_lineLength = 0;
    char m_first[2] = { 0, 0 };
};

// zlib's inflate for one compressed stream (the zlib or gzip wrapping, told apart by zlib), fed
// in pieces; what comes out goes to a callback.
class Inflater
{
public:
    Inflater();
    ~Inflater();
    Inflater(const Inflater &) = delete;
    Inflater &operator=(const Inflater &) = delete;

    // False when the data is not a valid stream (error() says why). Bytes after the end of the
    // stream start a new one (gzip files may hold several members).
    bool feed(
        const char *data, qsizetype n, const std::function<void(const char *, qsizetype)> &out);
    // The stream ended where it should (not cut short).
    bool atEnd() const { return m_atEnd; }
    QString error() const { return m_error; }

private:
    struct State;
    std::unique_ptr<State> m_state;
    bool m_atEnd = false;
    QString m_error;
};

} // namespace strata::core
