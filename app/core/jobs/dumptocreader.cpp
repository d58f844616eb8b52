#include "dumptocreader.h"

namespace strata::core {

namespace {

constexpr int version(int major, int minor)
{
    return (major << 16) | (minor << 8);
}

// Reads a sequence of items: each reader returns false when the bytes are not all there,
// and the whole sequence is retried from its start next time.
class Cursor
{
public:
    Cursor(const QByteArray &b, qsizetype pos, int intSize) : m_b(b), m_pos(pos), m_intSize(intSize)
    {
    }
    bool byte(int &out)
    {
        if (m_pos >= m_b.size())
            return false;
        out = quint8(m_b.at(m_pos++));
        return true;
    }
    bool integer(qint64 &out) { return DumpTocReader::readInt(m_b, m_pos, m_intSize, out); }
    bool str(QByteArray &out, bool *isNull = nullptr)
    {
        return DumpTocReader::readStr(m_b, m_pos, m_intSize, out, isNull);
    }
    bool skip(qsizetype n)
    {
        if (m_pos + n > m_b.size())
            return false;
        m_pos += n;
        return true;
    }
    qsizetype pos() const { return m_pos; }
    void setIntSize(int n) { m_intSize = n; }

private:
    const QByteArray &m_b;
    qsizetype m_pos;
    int m_intSize;
};

} // namespace

bool DumpTocReader::readInt(const QByteArray &b, qsizetype &pos, int intSize, qint64 &out)
{
    if (pos + 1 + intSize > b.size())
        return false;
    const bool negative = b.at(pos) != 0;
    quint64 v = 0;
    for (int i = 0; i < intSize; ++i)
        v |= quint64(quint8(b.at(pos + 1 + i))) << (8 * i);
    out = negative ? -qint64(v) : qint64(v);
    pos += 1 + intSize;
    return true;
}

bool DumpTocReader::readStr(
    const QByteArray &b, qsizetype &pos, int intSize, QByteArray &out, bool *isNull)
{
    qsizetype p = pos;
    qint64 length = 0;
    if (!readInt(b, p, intSize, length))
        return false;
    if (length < 0) {
        out.clear();
        if (isNull)
            *isNull = true;
        pos = p;
        return true;
    }
    if (p + length > b.size())
        return false;
    out = b.mid(p, length);
    if (isNull)
        *isNull = false;
    pos = p + length;
    return true;
}

DumpTocReader::State DumpTocReader::fail(const QString &why)
{
    m_error = why;
    m_state = State::Failed;
    return m_state;
}

DumpTocReader::State DumpTocReader::read(const QByteArray &b, qsizetype &pos)
{
    if (m_state != State::NeedMore)
        return m_state;
    if (!m_headerDone) {
        if (readHeader(b, pos) != State::Done)
            return m_state;
        m_headerDone = true;
    }
    if (m_count < 0) {
        if (!readInt(b, pos, m_header.intSize, m_count))
            return m_state;
        if (m_count > 10'000'000)
            return fail(
                QStringLiteral("the table of contents is damaged (%1 entries)").arg(m_count));
    }
    while (m_entries.size() < m_count)
        if (readEntry(b, pos) != State::Done)
            return m_state;
    m_state = State::Done;
    return m_state;
}

DumpTocReader::State DumpTocReader::readHeader(const QByteArray &b, qsizetype &pos)
{
    if (b.size() - pos < 5)
        return State::NeedMore;
    if (b.mid(pos, 5) != "PGDMP")
        return fail(QStringLiteral("not a pg_dump archive (no PGDMP header)"));
    Cursor c(b, pos + 5, 4);
    int vmaj = 0, vmin = 0, vrev = 0, intSize = 0, offSize = 0, format = 0;
    if (!c.byte(vmaj) || !c.byte(vmin) || !c.byte(vrev) || !c.byte(intSize) || !c.byte(offSize)
        || !c.byte(format))
        return State::NeedMore;
    DumpHeader h;
    h.version = (vmaj << 16) | (vmin << 8) | vrev;
    if (h.version < version(1, 12) || h.version >= version(1, 17))
        return fail(
            QStringLiteral("archive version %1.%2 is not one Strata reads").arg(vmaj).arg(vmin));
    if (intSize < 1 || intSize > 8 || offSize < 1 || offSize > 8)
        return fail(QStringLiteral("the archive header is damaged"));
    h.intSize = intSize;
    h.offSize = offSize;
    h.format = format;
    c.setIntSize(intSize);
    if (h.version >= version(1, 15)) {
        int algorithm = 0;
        if (!c.byte(algorithm))
            return State::NeedMore;
        static const DumpCompression byAlgorithm[] = { DumpCompression::None, DumpCompression::Gzip,
            DumpCompression::Lz4, DumpCompression::Zstd };
        if (algorithm > 3)
            return fail(
                QStringLiteral("unknown compression %1 in the archive header").arg(algorithm));
        h.compression = byAlgorithm[algorithm];
    } else {
        qint64 level = 0;
        if (!c.integer(level))
            return State::NeedMore;
        h.compression = level == 0 ? DumpCompression::None : DumpCompression::Gzip;
    }
    qint64 timePart = 0;
    for (int i = 0; i < 7; ++i)
        if (!c.integer(timePart))
            return State::NeedMore;
    QByteArray db, server, dump;
    if (!c.str(db) || !c.str(server) || !c.str(dump))
        return State::NeedMore;
    h.database = QString::fromUtf8(db);
    h.serverVersion = QString::fromUtf8(server);
    h.dumpVersion = QString::fromUtf8(dump);
    m_header = h;
    pos = c.pos();
    return State::Done;
}

DumpTocReader::State DumpTocReader::readEntry(const QByteArray &b, qsizetype &pos)
{
    const int v = m_header.version;
    Cursor c(b, pos, m_header.intSize);
    DumpTocEntry e;
    qint64 dumpId = 0, hadDumper = 0, number = 0;
    QByteArray tableoid, oid, tag, desc, text, ns, copy, fileName;
    if (!c.integer(dumpId) || !c.integer(hadDumper) || !c.str(tableoid) || !c.str(oid)
        || !c.str(tag) || !c.str(desc))
        return State::NeedMore;
    if (v >= version(1, 11) && !c.integer(number)) // section
        return State::NeedMore;
    if (!c.str(text) || !c.str(text) || !c.str(copy) || !c.str(ns)) // defn, drop, copy, schema
        return State::NeedMore;
    if (!c.str(text)) // tablespace
        return State::NeedMore;
    if (v >= version(1, 14) && !c.str(text)) // table access method
        return State::NeedMore;
    if (v >= version(1, 16) && !c.integer(number)) // relkind
        return State::NeedMore;
    if (!c.str(text) || !c.str(text)) // owner, "false" (with oids)
        return State::NeedMore;
    for (bool isNull = false; !isNull;) // dependencies, ended by a null string
        if (!c.str(text, &isNull))
            return State::NeedMore;
    if (m_extra == Extra::Offset) {
        if (!c.skip(1 + m_header.offSize))
            return State::NeedMore;
    } else if (!c.str(fileName)) {
        return State::NeedMore;
    }
    if (dumpId <= 0)
        return fail(QStringLiteral("the table of contents is damaged (entry %1)").arg(dumpId));
    e.dumpId = int(dumpId);
    e.desc = QString::fromUtf8(desc);
    e.schema = QString::fromUtf8(ns);
    e.tag = QString::fromUtf8(tag);
    e.copy = !copy.isEmpty();
    e.fileName = QString::fromUtf8(fileName);
    m_entries << e;
    pos = c.pos();
    return State::Done;
}

} // namespace strata::core
