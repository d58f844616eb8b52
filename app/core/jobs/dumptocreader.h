#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace strata::core {

// The compression of an archive's data (its header says which).
enum class DumpCompression { None, Gzip, Lz4, Zstd };

// pg_dump's archive header ("PGDMP", versions, sizes, compression, names).
struct DumpHeader
{
    int version = 0; // (major << 16) | (minor << 8) | revision: 1.14 is 0x010e00
    int intSize = 4;
    int offSize = 8;
    int format = 0; // 1 custom, 3 tar (its toc.dat), 5 directory (its toc.dat)
    DumpCompression compression = DumpCompression::None;
    QString database;
    QString serverVersion;
    QString dumpVersion;
};

// One entry of the table of contents, as much of it as counting rows needs.
struct DumpTocEntry
{
    int dumpId = 0;
    QString desc; // "TABLE DATA", "SEQUENCE SET", ...
    QString schema;
    QString tag; // the table's name for TABLE DATA
    bool copy = false; // data written as COPY rows (not INSERT statements)
    QString fileName; // directory and tar formats: the data file ("3401.dat")
};

// Reads an archive's header and table of contents as the bytes arrive (pg_dump writes them
// before any data): each call takes what it can from `buffer` at `pos` and stops before an item
// that is not all there yet. Archive versions 1.12 (PostgreSQL 9.0) to 1.16 (17 and 18).
class DumpTocReader
{
public:
    enum class State { NeedMore, Done, Failed };
    // The format-specific part each entry ends with: a data offset (custom) or a file name
    // (directory and tar toc.dat).
    enum class Extra { Offset, FileName };

    explicit DumpTocReader(Extra extra) : m_extra(extra) { }

    State read(const QByteArray &buffer, qsizetype &pos);
    State state() const { return m_state; }
    const DumpHeader &header() const { return m_header; }
    const QList<DumpTocEntry> &entries() const { return m_entries; }
    QString error() const { return m_error; }

    // Reading pieces of the format; each returns false (and leaves pos alone) when the buffer
    // ends first. Also used by the data readers.
    static bool readInt(const QByteArray &b, qsizetype &pos, int intSize, qint64 &out);
    static bool readStr(
        const QByteArray &b, qsizetype &pos, int intSize, QByteArray &out, bool *isNull = nullptr);

private:
    State readHeader(const QByteArray &b, qsizetype &pos);
    State readEntry(const QByteArray &b, qsizetype &pos);
    State fail(const QString &why);

    Extra m_extra;
    State m_state = State::NeedMore;
    bool m_headerDone = false;
    qint64 m_count = -1; // entries to read
    DumpHeader m_header;
    QList<DumpTocEntry> m_entries;
    QString m_error;
};

} // namespace strata::core
