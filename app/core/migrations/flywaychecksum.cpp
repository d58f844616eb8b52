#include "flywaychecksum.h"

#include <array>

namespace strata::core {

namespace {

std::array<quint32, 256> makeTable()
{
    std::array<quint32, 256> t {};
    for (quint32 i = 0; i < 256; ++i) {
        quint32 c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        t[i] = c;
    }
    return t;
}

} // namespace

quint32 crc32(const QByteArray &bytes, quint32 previous)
{
    static const std::array<quint32, 256> table = makeTable();
    quint32 c = previous ^ 0xFFFFFFFFu;
    for (char ch : bytes)
        c = table[(c ^ quint8(ch)) & 0xFFu] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

qint32 flywayChecksum(const QByteArray &content)
{
    QByteArray data = content;
    // Flyway filters U+FEFF from the first line only; in UTF-8 that is EF BB BF.
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    quint32 c = 0;
    qsizetype start = 0;
    const qsizetype n = data.size();
    qsizetype i = 0;
    while (i < n) {
        const char ch = data.at(i);
        if (ch == '\n' || ch == '\r') {
            c = crc32(data.mid(start, i - start), c);
            if (ch == '\r' && i + 1 < n && data.at(i + 1) == '\n')
                ++i;
            start = i + 1;
        }
        ++i;
    }
    if (start < n) // the last line, when the file does not end with a line break
        c = crc32(data.mid(start), c);
    return qint32(c);
}

} // namespace strata::core
