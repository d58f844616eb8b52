#include "rowstream.h"

#include <zlib.h>

#include <cstring>

namespace strata::core {

void RowLineCounter::feed(const char *data, qsizetype n)
{
    const char *p = data;
    const char *end = data + n;
    while (p < end && !m_ended) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        const char *stop = nl ? nl : end;
        // Only a line's first two bytes are kept (to tell "\." from a row).
        const qsizetype length = stop - p;
        for (qsizetype i = 0; i < length && m_lineLength + i < 2; ++i)
            m_first[m_lineLength + i] = p[i];
        m_lineLength += length;
        if (!nl)
            return;
        if (m_lineLength == 2 && m_first[0] == '\\' && m_first[1] == '.')
            m_ended = true; // pg_dump stores "\.\n\n" after the rows
        if (!m_ended)
            ++m_rows;
        m_lineLength = 0;
        p = nl + 1;
    }
}

struct Inflater::State
{
    z_stream z {};
    bool open = false;
};

Inflater::Inflater() : m_state(std::make_unique<State>()) { }

Inflater::~Inflater()
{
    if (m_state->open)
        inflateEnd(&m_state->z);
}

bool Inflater::feed(
    const char *data, qsizetype n, const std::function<void(const char *, qsizetype)> &out)
{
    if (!m_error.isEmpty())
        return false;
    z_stream &z = m_state->z;
    char buffer[1 << 16];
    qsizetype offset = 0;
    while (offset < n) {
        if (!m_state->open) {
            z = z_stream {};
            // 15 + 32: a zlib or a gzip header, whichever the stream has.
            if (inflateInit2(&z, 15 + 32) != Z_OK) {
                m_error = QStringLiteral("zlib could not start");
                return false;
            }
            m_state->open = true;
            m_atEnd = false;
        }
        const qsizetype piece = std::min<qsizetype>(n - offset, 1 << 30);
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data + offset));
        z.avail_in = uInt(piece);
        int rc = Z_OK;
        do {
            z.next_out = reinterpret_cast<Bytef *>(buffer);
            z.avail_out = sizeof buffer;
            rc = inflate(&z, Z_NO_FLUSH);
            if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
                m_error = QStringLiteral("the compressed data is damaged (zlib: %1)")
                              .arg(QString::fromLatin1(z.msg ? z.msg : "error"));
                return false;
            }
            const qsizetype produced = qsizetype(sizeof buffer) - z.avail_out;
            if (produced > 0)
                out(buffer, produced);
        } while (rc == Z_OK && (z.avail_in > 0 || z.avail_out == 0));
        offset += piece - qsizetype(z.avail_in);
        if (rc == Z_STREAM_END) {
            inflateEnd(&z);
            m_state->open = false;
            m_atEnd = true;
        } else if (z.avail_in > 0 && rc == Z_BUF_ERROR) {
            m_error = QStringLiteral("the compressed data is damaged");
            return false;
        }
    }
    return true;
}

} // namespace strata::core
