#include "archiverowcounter.h"

#include "jobs/dumptocreader.h"
#include "jobs/plaincopyscanner.h"
#include "jobs/rowstream.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>

#include <unordered_map>

namespace strata::core {

namespace {

constexpr int kBlockData = 1;
constexpr int kBlockBlobs = 3;

// One table's data: its line count, and the inflater while it is compressed.
struct DataStream
{
    RowLineCounter rows;
    std::unique_ptr<Inflater> inflater;
    bool unreadable = false; // lz4 or zstd
};

int dumpIdOf(const QString &fileName)
{
    static const QRegularExpression re(QStringLiteral("^(\\d+)\\.dat(\\.gz|\\.lz4|\\.zst)?$"));
    const auto m = re.match(fileName);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

} // namespace

struct ArchiveRowCounter::Impl
{
    ArchiveFormat format;
    QString failure; // once set, nothing more is read
    QByteArray buf;
    qsizetype pos = 0;
    std::unordered_map<int, DataStream> streams; // by dump id (custom, tar, directory)
    QList<DumpTocEntry> entries;
    DumpCompression compression = DumpCompression::None;

    // custom
    DumpTocReader toc { DumpTocReader::Extra::Offset };
    enum class Step {
        Toc,
        BlockType,
        BlockId,
        ChunkLength,
        ChunkBody,
        BlobOid,
        BlobLength,
        BlobBody
    };
    Step step = Step::Toc;
    int blockType = 0;
    int dumpId = 0;
    qint64 remaining = 0;

    // tar
    enum class TarStep { Header, Body, Padding, End };
    TarStep tarStep = TarStep::Header;
    bool memberIsToc = false;
    qint64 padding = 0;
    QByteArray tocDat;

    // plain
    PlainCopyScanner plain;
    std::unique_ptr<Inflater> plainInflater;
    bool plainStarted = false;

    void fail(const QString &why)
    {
        if (failure.isEmpty())
            failure = why;
    }
    void consumeData(DataStream &s, const char *data, qsizetype n);
    void stepCustom();
    void stepTar();
    void feedPlain(const char *data, qsizetype n);
    void compact()
    {
        if (pos == buf.size()) {
            buf.clear();
            pos = 0;
        } else if (pos > (1 << 20)) {
            buf.remove(0, pos);
            pos = 0;
        }
    }
    Result<QList<TableRowCount>> resolve() const;
};

void ArchiveRowCounter::Impl::consumeData(DataStream &s, const char *data, qsizetype n)
{
    if (s.unreadable)
        return;
    if (!s.inflater) {
        s.rows.feed(data, n);
        return;
    }
    if (!s.inflater->feed(data, n, [&s](const char *p, qsizetype k) { s.rows.feed(p, k); }))
        fail(s.inflater->error());
}

void ArchiveRowCounter::Impl::stepCustom()
{
    qint64 v = 0;
    while (failure.isEmpty()) {
        switch (step) {
        case Step::Toc: {
            const auto state = toc.read(buf, pos);
            if (state == DumpTocReader::State::Failed)
                return fail(toc.error());
            if (state == DumpTocReader::State::NeedMore)
                return;
            entries = toc.entries();
            compression = toc.header().compression;
            step = Step::BlockType;
            break;
        }
        case Step::BlockType:
            if (pos >= buf.size())
                return;
            blockType = quint8(buf.at(pos++));
            if (blockType != kBlockData && blockType != kBlockBlobs)
                return fail(QStringLiteral("unexpected block type %1 in the data").arg(blockType));
            step = Step::BlockId;
            break;
        case Step::BlockId: {
            if (!DumpTocReader::readInt(buf, pos, toc.header().intSize, v))
                return;
            dumpId = int(v);
            if (blockType == kBlockBlobs) {
                step = Step::BlobOid;
                break;
            }
            DataStream &s = streams[dumpId];
            s.unreadable
                = compression == DumpCompression::Lz4 || compression == DumpCompression::Zstd;
            if (compression == DumpCompression::Gzip)
                s.inflater = std::make_unique<Inflater>();
            step = Step::ChunkLength;
            break;
        }
        case Step::ChunkLength:
            if (!DumpTocReader::readInt(buf, pos, toc.header().intSize, v))
                return;
            if (v < 0)
                return fail(QStringLiteral("a data block is damaged"));
            if (v == 0) {
                DataStream &s = streams[dumpId];
                if (s.inflater && !s.inflater->atEnd())
                    return fail(QStringLiteral("a compressed data block ends early"));
                s.inflater.reset();
                step = Step::BlockType;
            } else {
                remaining = v;
                step = Step::ChunkBody;
            }
            break;
        case Step::ChunkBody:
        case Step::BlobBody: {
            const qsizetype n = std::min<qint64>(remaining, buf.size() - pos);
            if (n == 0)
                return;
            if (step == Step::ChunkBody)
                consumeData(streams[dumpId], buf.constData() + pos, n);
            pos += n;
            remaining -= n;
            if (remaining == 0)
                step = step == Step::ChunkBody ? Step::ChunkLength : Step::BlobLength;
            break;
        }
        case Step::BlobOid:
            if (!DumpTocReader::readInt(buf, pos, toc.header().intSize, v))
                return;
            step = v == 0 ? Step::BlockType : Step::BlobLength;
            break;
        case Step::BlobLength:
            if (!DumpTocReader::readInt(buf, pos, toc.header().intSize, v))
                return;
            if (v < 0)
                return fail(QStringLiteral("a large object is damaged"));
            remaining = v;
            step = v == 0 ? Step::BlobOid : Step::BlobBody;
            break;
        }
    }
}

void ArchiveRowCounter::Impl::stepTar()
{
    while (failure.isEmpty()) {
        switch (tarStep) {
        case TarStep::Header: {
            if (buf.size() - pos < 512)
                return;
            const QByteArray header = buf.mid(pos, 512);
            pos += 512;
            if (header.count('\0') == 512) {
                tarStep = TarStep::End;
                break;
            }
            const QString name = QString::fromUtf8(header.left(100).constData());
            bool ok = false;
            remaining = QByteArray(header.constData() + 124, 12).trimmed().toLongLong(&ok, 8);
            if (!ok || remaining < 0)
                return fail(QStringLiteral("a tar header is damaged (%1)").arg(name));
            padding = (512 - remaining % 512) % 512;
            memberIsToc = name == QLatin1String("toc.dat");
            dumpId = dumpIdOf(name);
            tarStep = TarStep::Body;
            break;
        }
        case TarStep::Body: {
            const qsizetype n = std::min<qint64>(remaining, buf.size() - pos);
            if (n == 0 && remaining > 0)
                return;
            if (memberIsToc)
                tocDat.append(buf.constData() + pos, n);
            else if (dumpId > 0)
                streams[dumpId].rows.feed(buf.constData() + pos, n);
            pos += n;
            remaining -= n;
            if (remaining == 0)
                tarStep = TarStep::Padding;
            break;
        }
        case TarStep::Padding: {
            const qsizetype n = std::min<qint64>(padding, buf.size() - pos);
            pos += n;
            padding -= n;
            if (padding > 0)
                return;
            tarStep = TarStep::Header;
            break;
        }
        case TarStep::End:
            pos = buf.size();
            return;
        }
    }
}

void ArchiveRowCounter::Impl::feedPlain(const char *data, qsizetype n)
{
    if (!plainStarted && n > 0) {
        plainStarted = true;
        // pg_dump --format=plain --compress writes a gzip file.
        if (n >= 2 && quint8(data[0]) == 0x1f && quint8(data[1]) == 0x8b)
            plainInflater = std::make_unique<Inflater>();
    }
    if (!plainInflater) {
        plain.feed(data, n);
        return;
    }
    if (!plainInflater->feed(data, n, [this](const char *p, qsizetype k) { plain.feed(p, k); }))
        fail(plainInflater->error());
}

Result<QList<TableRowCount>> ArchiveRowCounter::Impl::resolve() const
{
    if (!failure.isEmpty())
        return Error(Error::Kind::InvalidInput,
            QStringLiteral("The archive's rows could not be counted: %1.").arg(failure));
    if (format == ArchiveFormat::Plain)
        return plain.tables();
    QList<TableRowCount> out;
    for (const DumpTocEntry &e : entries) {
        if (e.desc != QLatin1String("TABLE DATA"))
            continue;
        const auto it = streams.find(e.dumpId);
        const bool known = e.copy && it != streams.end() && !it->second.unreadable;
        out << TableRowCount { e.schema, e.tag, known ? it->second.rows.rows() : -1 };
    }
    return out;
}

ArchiveRowCounter::ArchiveRowCounter(ArchiveFormat format) : d(std::make_unique<Impl>())
{
    d->format = format;
    if (format == ArchiveFormat::Unknown)
        d->fail(QStringLiteral("not a pg_dump archive"));
}

ArchiveRowCounter::~ArchiveRowCounter() = default;

void ArchiveRowCounter::feed(const char *data, qsizetype n)
{
    if (!d->failure.isEmpty() || n <= 0)
        return;
    if (d->format == ArchiveFormat::Plain) {
        d->feedPlain(data, n);
        return;
    }
    d->buf.append(data, n);
    if (d->format == ArchiveFormat::Custom)
        d->stepCustom();
    else if (d->format == ArchiveFormat::Tar)
        d->stepTar();
    d->compact();
}

bool ArchiveRowCounter::isDataFile(const QString &fileName)
{
    return dumpIdOf(fileName) > 0;
}

void ArchiveRowCounter::feedFile(const QString &fileName, const char *data, qsizetype n)
{
    const int id = dumpIdOf(fileName);
    if (!d->failure.isEmpty() || id <= 0 || n <= 0)
        return;
    const bool fresh = !d->streams.count(id);
    DataStream &s = d->streams[id];
    if (fresh) {
        s.unreadable
            = fileName.endsWith(QLatin1String(".lz4")) || fileName.endsWith(QLatin1String(".zst"));
        if (fileName.endsWith(QLatin1String(".gz")))
            s.inflater = std::make_unique<Inflater>();
    }
    d->consumeData(s, data, n);
}

void ArchiveRowCounter::setDirectoryToc(const QByteArray &tocDat)
{
    d->tocDat = tocDat;
}

Result<QList<TableRowCount>> ArchiveRowCounter::finish()
{
    if (d->format == ArchiveFormat::Custom && d->failure.isEmpty()
        && d->step != Impl::Step::BlockType)
        d->fail(QStringLiteral("the archive ends in the middle of its %1")
                    .arg(d->step == Impl::Step::Toc ? QStringLiteral("table of contents")
                                                    : QStringLiteral("data")));
    if (d->format == ArchiveFormat::Plain && d->plainInflater && !d->plainInflater->atEnd())
        d->fail(QStringLiteral("the compressed file ends early"));
    if (d->format == ArchiveFormat::Plain && d->failure.isEmpty() && d->plain.inCopy())
        d->fail(QStringLiteral("the file ends inside a COPY"));
    if (d->format == ArchiveFormat::Directory)
        for (const auto &[id, s] : d->streams)
            if (s.inflater && !s.inflater->atEnd())
                d->fail(QStringLiteral("a data file ends early"));
    if ((d->format == ArchiveFormat::Tar || d->format == ArchiveFormat::Directory)
        && d->failure.isEmpty()) {
        DumpTocReader reader(DumpTocReader::Extra::FileName);
        qsizetype at = 0;
        if (reader.read(d->tocDat, at) != DumpTocReader::State::Done)
            d->fail(reader.error().isEmpty() ? QStringLiteral("its toc.dat is missing or cut short")
                                             : reader.error());
        else
            d->entries = reader.entries();
    }
    return d->resolve();
}

Result<QList<TableRowCount>> countArchiveRows(
    const QString &path, const std::function<bool()> &canceled)
{
    ArchiveFormat format = ArchiveToc::detect(path);
    if (format == ArchiveFormat::Unknown) {
        // A plain dump written with --compress is a gzip file.
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.read(2) == QByteArray("\x1f\x8b"))
            format = ArchiveFormat::Plain;
    }
    ArchiveRowCounter counter(format);
    QByteArray block(1 << 20, Qt::Uninitialized);
    auto readFile = [&](const QString &file,
                        const std::function<void(const char *, qsizetype)> &to) -> Status {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return Error(Error::Kind::Io,
                QStringLiteral("Could not read %1: %2").arg(file, f.errorString()));
        for (qint64 n; (n = f.read(block.data(), block.size())) > 0;) {
            if (canceled && canceled())
                return Error(Error::Kind::Canceled, QStringLiteral("Cancelled."));
            to(block.constData(), n);
        }
        return Ok {};
    };
    if (format == ArchiveFormat::Directory) {
        const QDir dir(path);
        QFile toc(dir.filePath(QStringLiteral("toc.dat")));
        if (toc.open(QIODevice::ReadOnly))
            counter.setDirectoryToc(toc.readAll());
        for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
            if (!ArchiveRowCounter::isDataFile(name))
                continue;
            auto s = readFile(dir.filePath(name),
                [&](const char *p, qsizetype n) { counter.feedFile(name, p, n); });
            if (!s)
                return s.error();
        }
    } else if (format != ArchiveFormat::Unknown) {
        auto s = readFile(path, [&](const char *p, qsizetype n) { counter.feed(p, n); });
        if (!s)
            return s.error();
    }
    return counter.finish();
}

} // namespace strata::core
