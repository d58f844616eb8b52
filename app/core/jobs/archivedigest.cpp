#include "archivedigest.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QMutex>
#include <QRegularExpression>
#include <QThread>

#include <openssl/evp.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <system_error>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace strata::core {

namespace {

constexpr qint64 kBlock = qint64(1) << 20; // bytes read at a time

class Sha256
{
public:
    Sha256() : m_ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free) { reset(); }
    bool ok() const { return m_ok; }
    void reset() { m_ok = m_ctx && EVP_DigestInit_ex(m_ctx.get(), EVP_sha256(), nullptr) == 1; }
    void add(const char *data, qint64 n) { EVP_DigestUpdate(m_ctx.get(), data, size_t(n)); }
    void add(const QByteArray &b) { add(b.constData(), b.size()); }
    // The 32 bytes; the hash starts again empty.
    QByteArray take()
    {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        EVP_DigestFinal_ex(m_ctx.get(), digest, &length);
        reset();
        return QByteArray(reinterpret_cast<const char *>(digest), int(length));
    }

private:
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> m_ctx;
    bool m_ok = false;
};

Error noSha()
{
    return Error(Error::Kind::Internal, QStringLiteral("SHA-256 is not available (libcrypto)."));
}

Error canceledError()
{
    return Error(Error::Kind::Canceled, QStringLiteral("Cancelled."));
}

Error readError(const QString &name, int err)
{
    return Error(Error::Kind::Io,
        QStringLiteral("Could not read %1: %2").arg(name, QString::fromLocal8Bit(strerror(err))));
}

qint64 chunkCount(qint64 size, qint64 chunkBytes)
{
    return (size + chunkBytes - 1) / chunkBytes;
}

// Adds bytes [from, to) of fd to sha, through buf.
Status hashRange(int fd, const QString &name, qint64 from, qint64 to, QByteArray &buf, Sha256 &sha)
{
    for (qint64 at = from; at < to;) {
        const ssize_t n
            = ::pread(fd, buf.data(), size_t(std::min<qint64>(buf.size(), to - at)), at);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return readError(name, errno);
        }
        if (n == 0)
            return Error(Error::Kind::InvalidInput,
                QStringLiteral("%1 ended at byte %2 while it was read.").arg(name).arg(at),
                QStringLiteral("Something else is changing the archive."));
        sha.add(buf.constData(), n);
        at += n;
    }
    return Ok {};
}

QString absolute(const QString &root, const QString &name)
{
    return name.isEmpty() ? root : QDir(root).filePath(name);
}

// One chunk to hash: which file, which chunk of it.
struct Piece
{
    int file;
    qint64 chunk;
};

// Hashes every chunk of `files` under `root` on `threads` threads (the calling one among them),
// into `out` (one entry per piece). `expected`, when given, is compared as each chunk is done
// and the first piece found to differ is returned through `differs` (the others stop).
struct ChunkRun
{
    QString root;
    const QList<ArchiveDigest::File> *files = nullptr;
    qint64 chunkBytes = ArchiveDigest::kChunkBytes;
    std::vector<Piece> pieces;
    std::vector<QByteArray> out;
    const std::vector<QByteArray> *expected = nullptr;
    std::atomic<qint64> next { 0 };
    std::atomic<qint64> done { 0 };
    std::atomic<bool> stop { false };
    std::atomic<qint64> differs { -1 };
    QMutex errorMutex;
    Error error;

    void fail(Error e)
    {
        QMutexLocker lock(&errorMutex);
        if (!error.isError())
            error = std::move(e);
        stop = true;
    }

    // One thread's share: pieces taken in turn until none is left. `between` runs after each
    // piece on the calling thread (progress and cancel).
    void work(const std::function<void()> &between)
    {
        Sha256 sha;
        if (!sha.ok()) {
            fail(noSha());
            return;
        }
        QByteArray buf(int(kBlock), Qt::Uninitialized);
        int openFile = -1;
        int fd = -1;
        while (!stop) {
            const qint64 i = next++;
            if (i >= qint64(pieces.size()))
                break;
            const Piece &p = pieces[size_t(i)];
            const ArchiveDigest::File &f = files->at(p.file);
            const QString name = absolute(root, f.name);
            if (openFile != p.file) {
                if (fd >= 0)
                    ::close(fd);
                fd = ::open(QFile::encodeName(name).constData(), O_RDONLY | O_CLOEXEC);
                openFile = p.file;
                if (fd < 0) {
                    fail(readError(name, errno));
                    break;
                }
            }
            const qint64 from = p.chunk * chunkBytes;
            const qint64 to = std::min(f.size, from + chunkBytes);
            if (auto s = hashRange(fd, name, from, to, buf, sha); !s) {
                fail(s.error());
                break;
            }
            out[size_t(i)] = sha.take();
            done += to - from;
            if (expected && out[size_t(i)] != (*expected)[size_t(i)]) {
                qint64 seen = -1;
                while ((seen < 0 || i < seen) && !differs.compare_exchange_weak(seen, i)) { }
                stop = true;
            }
            if (between)
                between();
        }
        if (fd >= 0)
            ::close(fd);
    }

    Status run(int threads, const HashControl &control, qint64 all)
    {
        out.assign(pieces.size(), QByteArray());
        if (threads <= 0)
            threads = QThread::idealThreadCount();
        threads = int(std::clamp<qint64>(threads, 1, std::max<qint64>(1, qint64(pieces.size()))));
        std::atomic<int> running { 0 };
        std::vector<std::thread> helpers;
        for (int t = 1; t < threads; ++t) {
            ++running;
            try {
                helpers.emplace_back([this, &running] {
                    work({});
                    --running;
                });
            } catch (const std::system_error &) {
                --running; // no thread to be had: the others share its pieces
                break;
            }
        }
        bool canceled = false;
        auto poll = [&] {
            if (!canceled && control.canceled && control.canceled()) {
                canceled = true;
                stop = true;
            }
            if (control.progress)
                control.progress(done.load(), all);
        };
        work(poll);
        // This thread ran out of pieces: cancel is still polled while the others finish.
        while (running.load() > 0) {
            QThread::msleep(5);
            poll();
        }
        for (auto &h : helpers)
            h.join();
        if (canceled)
            return canceledError();
        if (error.isError())
            return error;
        return Ok {};
    }
};

Result<ArchiveDigest> computeWhole(const QString &path, const QList<ArchiveDigest::File> &files,
    bool directory, const HashControl &control)
{
    Sha256 sha;
    if (!sha.ok())
        return noSha();
    qint64 all = 0;
    for (const auto &f : files)
        all += f.size;
    qint64 done = 0;
    QByteArray buf(int(kBlock), Qt::Uninitialized);
    for (const auto &f : files) {
        if (directory) {
            sha.add(f.name.toUtf8());
            sha.add("\0", 1);
        }
        const QString name = absolute(path, f.name);
        QFile file(name);
        if (!file.open(QIODevice::ReadOnly))
            return Error(Error::Kind::Io,
                QStringLiteral("Could not read %1: %2").arg(name, file.errorString()));
        while (true) {
            if (control.canceled && control.canceled())
                return canceledError();
            const qint64 n = file.read(buf.data(), buf.size());
            if (n < 0)
                return Error(Error::Kind::Io,
                    QStringLiteral("Could not read %1: %2").arg(name, file.errorString()));
            if (n == 0)
                break;
            sha.add(buf.constData(), n);
            done += n;
            if (control.progress)
                control.progress(done, all);
        }
    }
    ArchiveDigest d = ArchiveDigest::whole(QString::fromLatin1(sha.take().toHex()));
    d.files = files; // names and sizes, no chunks
    return d;
}

// The pieces of `files`, and the bytes in all.
qint64 cutIntoPieces(const QList<ArchiveDigest::File> &files, qint64 chunkBytes, ChunkRun &run)
{
    qint64 all = 0;
    for (int i = 0; i < files.size(); ++i) {
        for (qint64 c = 0; c < chunkCount(files.at(i).size, chunkBytes); ++c)
            run.pieces.push_back({ i, c });
        all += files.at(i).size;
    }
    return all;
}

QString fileLabel(const QString &path, const QString &name)
{
    return name.isEmpty() ? path : QStringLiteral("%1 in %2").arg(name, path);
}

Error differsError(const QString &message)
{
    return Error(Error::Kind::InvalidInput, message, QStringLiteral("Use an intact copy."));
}

// The archive's files against the manifest's: the same names and sizes.
Status sameFiles(
    const QString &path, const QList<ArchiveDigest::File> &have, const ArchiveDigest &expected)
{
    for (const auto &e : expected.files) {
        const auto it = std::find_if(
            have.cbegin(), have.cend(), [&](const auto &f) { return f.name == e.name; });
        if (it == have.cend())
            return differsError(
                QStringLiteral("%1 does not match its manifest: %2 is missing.").arg(path, e.name));
        if (it->size != e.size)
            return differsError(
                QStringLiteral("%1 does not match its manifest: it is %2 bytes, the manifest "
                               "says %3. The archive was truncated or changed.")
                    .arg(fileLabel(path, e.name))
                    .arg(it->size)
                    .arg(e.size));
    }
    for (const auto &f : have)
        if (std::none_of(expected.files.cbegin(), expected.files.cend(),
                [&](const auto &e) { return e.name == f.name; }))
            return differsError(
                QStringLiteral("%1 does not match its manifest: %2 was added to it.")
                    .arg(path, f.name));
    return Ok {};
}

} // namespace

class ChunkStream::Sha : public Sha256
{
};

ChunkStream::ChunkStream(qint64 chunkBytes)
    : m_sha(std::make_unique<Sha>()), m_chunkBytes(chunkBytes)
{
}

ChunkStream::~ChunkStream() = default;
ChunkStream::ChunkStream(ChunkStream &&) noexcept = default;
ChunkStream &ChunkStream::operator=(ChunkStream &&) noexcept = default;

void ChunkStream::add(const char *data, qint64 n)
{
    while (n > 0) {
        const qint64 take = std::min(n, m_chunkBytes - m_inChunk);
        m_sha->add(data, take);
        data += take;
        n -= take;
        m_inChunk += take;
        m_size += take;
        if (m_inChunk == m_chunkBytes) {
            m_chunks << m_sha->take();
            m_inChunk = 0;
        }
    }
}

ArchiveDigest::File ChunkStream::finish(const QString &name)
{
    if (m_inChunk > 0)
        m_chunks << m_sha->take();
    m_inChunk = 0;
    return ArchiveDigest::File { name, m_size, std::exchange(m_chunks, {}) };
}

qint64 ArchiveDigest::size() const
{
    qint64 n = 0;
    for (const auto &f : files)
        n += f.size;
    return n;
}

QString ArchiveDigest::schemeName() const
{
    if (scheme == Scheme::Whole)
        return QStringLiteral("SHA-256");
    return QStringLiteral("SHA-256 of %1 MiB chunks").arg(chunkBytes / double(1 << 20));
}

ArchiveDigest ArchiveDigest::whole(const QString &hex)
{
    ArchiveDigest d;
    d.scheme = Scheme::Whole;
    d.chunkBytes = 0;
    d.hex = hex;
    return d;
}

QString ArchiveDigest::rootOf(const QList<File> &files)
{
    Sha256 sha;
    for (const auto &f : files) {
        sha.add(f.name.toUtf8());
        sha.add("\0", 1);
        sha.add(QByteArray::number(f.size));
        sha.add("\0", 1);
        for (const QByteArray &c : f.chunks)
            sha.add(c);
    }
    return QString::fromLatin1(sha.take().toHex());
}

QJsonObject ArchiveDigest::chunksJson() const
{
    QJsonArray list;
    for (const auto &f : files) {
        QJsonArray chunks;
        for (const QByteArray &c : f.chunks)
            chunks.append(QString::fromLatin1(c.toHex()));
        list.append(QJsonObject { { QStringLiteral("name"), f.name },
            { QStringLiteral("size"), double(f.size) }, { QStringLiteral("chunks"), chunks } });
    }
    return QJsonObject { { QStringLiteral("algorithm"), QStringLiteral("sha256-chunks") },
        { QStringLiteral("chunk_bytes"), double(chunkBytes) }, { QStringLiteral("files"), list } };
}

Result<ArchiveDigest> ArchiveDigest::fromChunksJson(const QJsonObject &o, const QString &root)
{
    auto bad = [](const QString &why) {
        return Error(
            Error::Kind::InvalidInput, QStringLiteral("Its checksums are damaged: %1.").arg(why));
    };
    if (o.value(QStringLiteral("algorithm")).toString() != QStringLiteral("sha256-chunks"))
        return bad(QStringLiteral("the algorithm is not sha256-chunks"));
    ArchiveDigest d;
    d.hex = root;
    d.chunkBytes = qint64(o.value(QStringLiteral("chunk_bytes")).toDouble());
    if (d.chunkBytes < 4096 || d.chunkBytes > (qint64(1) << 32))
        return bad(QStringLiteral("the chunk size is %1 bytes").arg(d.chunkBytes));
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    for (const QJsonValue &v : o.value(QStringLiteral("files")).toArray()) {
        const QJsonObject fo = v.toObject();
        File f;
        f.name = fo.value(QStringLiteral("name")).toString();
        f.size = qint64(fo.value(QStringLiteral("size")).toDouble(-1));
        const QJsonArray chunks = fo.value(QStringLiteral("chunks")).toArray();
        if (f.size < 0 || chunks.size() != chunkCount(f.size, d.chunkBytes))
            return bad(QStringLiteral("%1 has %2 chunks for %3 bytes")
                           .arg(f.name.isEmpty() ? QStringLiteral("the archive") : f.name)
                           .arg(chunks.size())
                           .arg(f.size));
        for (const QJsonValue &c : chunks) {
            const QString h = c.toString();
            if (!hex.match(h).hasMatch())
                return bad(QStringLiteral("a chunk's SHA-256 is \"%1\"").arg(h.left(70)));
            f.chunks << QByteArray::fromHex(h.toLatin1());
        }
        if (!d.files.isEmpty() && d.files.last().name >= f.name)
            return bad(QStringLiteral("its files are not in name order"));
        d.files << f;
    }
    if (d.files.isEmpty())
        return bad(QStringLiteral("it lists no file"));
    if (rootOf(d.files) != root)
        return bad(QStringLiteral("the chunks do not give the archive's SHA-256"));
    return d;
}

namespace archivedigest {

Result<QList<ArchiveDigest::File>> listFiles(const QString &pathIn)
{
    const QString path = QFileInfo(pathIn).absoluteFilePath();
    const QFileInfo fi(path);
    QList<ArchiveDigest::File> files;
    if (fi.isDir()) {
        QDirIterator it(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            files << ArchiveDigest::File { QDir(path).relativeFilePath(it.filePath()),
                it.fileInfo().size(), {} };
        }
        std::sort(files.begin(), files.end(),
            [](const auto &a, const auto &b) { return a.name < b.name; });
    } else if (fi.exists()) {
        files << ArchiveDigest::File { QString(), fi.size(), {} };
    } else {
        return Error(Error::Kind::Io, QStringLiteral("%1 does not exist.").arg(path));
    }
    return files;
}

Result<qint64> archiveSize(const QString &path)
{
    auto files = listFiles(path);
    if (!files)
        return files.error();
    qint64 n = 0;
    for (const auto &f : files.value())
        n += f.size;
    return n;
}

Status hashChunks(
    int fd, const QString &name, qint64 from, qint64 to, qint64 chunkBytes, QList<QByteArray> &out)
{
    Sha256 sha;
    if (!sha.ok())
        return noSha();
    QByteArray buf(int(kBlock), Qt::Uninitialized);
    for (qint64 at = from; at < to; at += chunkBytes) {
        if (auto s = hashRange(fd, name, at, std::min(to, at + chunkBytes), buf, sha); !s)
            return s;
        out << sha.take();
    }
    return Ok {};
}

Result<ArchiveDigest> compute(const QString &pathIn, ArchiveDigest::Scheme scheme,
    const HashControl &control, qint64 chunkBytes)
{
    const QString path = QFileInfo(pathIn).absoluteFilePath();
    auto files = listFiles(path);
    if (!files)
        return files.error();
    if (scheme == ArchiveDigest::Scheme::Whole)
        return computeWhole(path, files.value(), QFileInfo(path).isDir(), control);
    ChunkRun run;
    run.root = path;
    run.files = &files.value();
    run.chunkBytes = chunkBytes;
    const qint64 all = cutIntoPieces(files.value(), chunkBytes, run);
    if (auto s = run.run(control.threads, control, all); !s)
        return s.error();
    ArchiveDigest d;
    d.chunkBytes = chunkBytes;
    d.files = files.value();
    size_t i = 0;
    for (auto &f : d.files)
        for (qint64 c = 0; c < chunkCount(f.size, chunkBytes); ++c)
            f.chunks << run.out[i++];
    d.hex = ArchiveDigest::rootOf(d.files);
    return d;
}

Status check(const QString &pathIn, const ArchiveDigest &expected, const HashControl &control)
{
    const QString path = QFileInfo(pathIn).absoluteFilePath();
    if (expected.scheme == ArchiveDigest::Scheme::Whole) {
        auto d = compute(path, expected.scheme, control);
        if (!d)
            return d.error();
        if (d->hex != expected.hex)
            return differsError(
                QStringLiteral("%1 does not match its manifest: the SHA-256 is %2, the "
                               "manifest says %3. The archive is damaged or was changed.")
                    .arg(path, d->hex.left(16), expected.hex.left(16)));
        return Ok {};
    }
    auto files = listFiles(path);
    if (!files)
        return files.error();
    // A one-file archive against a directory's manifest, or the other way round.
    if (files->size() == 1 && expected.files.size() == 1
        && files->first().name.isEmpty() != expected.files.first().name.isEmpty())
        return differsError(
            QStringLiteral("%1 does not match its manifest: it is a %2, the manifest is of a %3.")
                .arg(path,
                    files->first().name.isEmpty() ? QStringLiteral("file")
                                                  : QStringLiteral("folder"),
                    files->first().name.isEmpty() ? QStringLiteral("folder")
                                                  : QStringLiteral("file")));
    if (auto s = sameFiles(path, files.value(), expected); !s)
        return s;
    ChunkRun run;
    run.root = path;
    run.files = &expected.files;
    run.chunkBytes = expected.chunkBytes;
    const qint64 all = cutIntoPieces(expected.files, expected.chunkBytes, run);
    std::vector<QByteArray> want;
    want.reserve(run.pieces.size());
    for (const auto &f : expected.files)
        for (const QByteArray &c : f.chunks)
            want.push_back(c);
    run.expected = &want;
    auto s = run.run(control.threads, control, all);
    if (!s && run.differs < 0)
        return s;
    if (run.differs >= 0) {
        const Piece &p = run.pieces[size_t(run.differs.load())];
        const auto &f = expected.files.at(p.file);
        const qint64 from = p.chunk * expected.chunkBytes;
        const qint64 to = std::min(f.size, from + expected.chunkBytes);
        return differsError(
            QStringLiteral("%1 does not match its manifest: bytes %2 to %3 differ from what was "
                           "written (chunk %4 of %5). The archive is damaged or was changed.")
                .arg(fileLabel(path, f.name))
                .arg(from)
                .arg(to - 1)
                .arg(p.chunk + 1)
                .arg(f.chunks.size()));
    }
    return Ok {};
}

} // namespace archivedigest

} // namespace strata::core
