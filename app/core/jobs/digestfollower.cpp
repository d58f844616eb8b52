#include "digestfollower.h"

#include "jobs/dumptocreader.h"
#include "util/async.h"

#include <QFile>
#include <QScopeGuard>

#include <algorithm>
#include <chrono>
#include <map>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace strata::core {

namespace {

using Files = QList<ArchiveDigest::File>;
using Followed = Result<Files>;
using Shared = DigestFollower::Shared;

constexpr int kNapMs = 20;

Followed stopped()
{
    return Error(Error::Kind::Canceled, QStringLiteral("Stopped."));
}

// Reads fd from where it is to its end into the stream; false on a read error.
bool drain(int fd, ChunkStream &stream, QByteArray &buf, const std::atomic<bool> &stop)
{
    while (!stop) {
        const ssize_t n = ::read(fd, buf.data(), size_t(buf.size()));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;
        if (n == 0)
            return true;
        stream.add(buf.constData(), n);
    }
    return true;
}

Followed followFile(Shared &s)
{
    ChunkStream stream(s.chunkBytes);
    QByteArray buf(1 << 20, Qt::Uninitialized);
    int fd = -1;
    const auto closeFile = qScopeGuard([&fd] {
        if (fd >= 0)
            ::close(fd);
    });
    while (!s.stop) {
        // The flag before the file: once it is set, everything pg_dump wrote is in the file.
        const bool last = s.writerDone;
        if (fd < 0)
            fd = ::open(QFile::encodeName(s.path).constData(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0 && !drain(fd, stream, buf, s.stop))
            return Error(Error::Kind::Io, QStringLiteral("Could not read %1.").arg(s.path));
        if (last) {
            if (fd < 0)
                return Error(Error::Kind::Io, QStringLiteral("Could not read %1.").arg(s.path));
            return Files { stream.finish(QString()) };
        }
        s.nap(kNapMs);
    }
    return stopped();
}

// The directory is held open and its files opened relative to it, only while they have new
// bytes: a dump of 10,000 tables does not hold 10,000 descriptors. The job renames the
// directory when it is done; the descriptor follows it.
Followed followDirectory(Shared &s)
{
    std::map<QString, ChunkStream> streams; // in name order
    QByteArray buf(1 << 20, Qt::Uninitialized);
    int dirFd = -1;
    const auto closeDir = qScopeGuard([&dirFd] {
        if (dirFd >= 0)
            ::close(dirFd);
    });
    while (!s.stop) {
        const bool last = s.writerDone;
        if (dirFd < 0)
            dirFd
                = ::open(QFile::encodeName(s.path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        // The copy shares the descriptor's position: each pass lists from the start.
        DIR *listing = dirFd >= 0 ? ::fdopendir(::dup(dirFd)) : nullptr;
        if (listing)
            ::rewinddir(listing);
        for (const dirent *e; listing && (e = ::readdir(listing));) {
            struct stat st;
            if (::fstatat(dirFd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
                continue;
            const QString name = QFile::decodeName(e->d_name);
            auto it = streams.try_emplace(name, s.chunkBytes).first;
            ChunkStream &stream = it->second;
            if (st.st_size <= stream.size())
                continue;
            const int fd = ::openat(dirFd, e->d_name, O_RDONLY | O_CLOEXEC);
            const bool read = fd >= 0 && ::lseek(fd, stream.size(), SEEK_SET) == stream.size()
                && drain(fd, stream, buf, s.stop);
            if (fd >= 0)
                ::close(fd);
            if (!read) {
                ::closedir(listing);
                return Error(
                    Error::Kind::Io, QStringLiteral("Could not read %1 in %2.").arg(name, s.path));
            }
        }
        if (listing)
            ::closedir(listing);
        if (last) {
            if (dirFd < 0)
                return Error(Error::Kind::Io, QStringLiteral("Could not read %1.").arg(s.path));
            Files files;
            for (auto &[name, stream] : streams)
                files << stream.finish(name);
            return files;
        }
        s.nap(kNapMs);
    }
    return stopped();
}

// Where the custom format's header and table of contents end: the bytes pg_dump writes again.
Result<qint64> tocEnd(int fd, const QString &path)
{
    DumpTocReader reader(DumpTocReader::Extra::Offset);
    QByteArray head;
    qsizetype pos = 0;
    QByteArray buf(1 << 20, Qt::Uninitialized);
    for (qint64 at = 0;;) {
        const ssize_t n = ::pread(fd, buf.data(), size_t(buf.size()), at);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return Error(Error::Kind::InvalidInput,
                QStringLiteral("%1 ends inside its table of contents.").arg(path));
        head.append(buf.constData(), n);
        at += n;
        const auto state = reader.read(head, pos);
        if (state == DumpTocReader::State::Done)
            return qint64(pos);
        if (state == DumpTocReader::State::Failed)
            return Error(Error::Kind::InvalidInput, reader.error());
    }
}

bool sameNamesAndSizes(const Files &a, const Files &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(),
        [](const auto &x, const auto &y) { return x.name == y.name && x.size == y.size; });
}

} // namespace

void Shared::nap(int ms)
{
    std::unique_lock lock(mutex);
    wake.wait_for(lock, std::chrono::milliseconds(ms), [this] { return writerDone || stop; });
}

void Shared::rouse()
{
    std::lock_guard lock(mutex);
    wake.notify_all();
}

DigestFollower::DigestFollower(QString path, ArchiveFormat format, qint64 chunkBytes)
    : m_shared(std::make_shared<Shared>())
{
    m_shared->path = std::move(path);
    m_shared->format = format;
    m_shared->chunkBytes = chunkBytes;
    m_future = asyncRun<Followed>(Pool::Jobs, [shared = m_shared](QPromise<Followed> &p) {
        if (shared->claimed.exchange(true))
            return; // finish() hashes without this thread, or the follower is gone
        p.addResult(shared->format == ArchiveFormat::Directory ? followDirectory(*shared)
                                                               : followFile(*shared));
    });
}

DigestFollower::~DigestFollower()
{
    m_shared->stop = true;
    m_shared->rouse();
    if (m_shared->claimed.exchange(true))
        m_future.waitForFinished(); // it runs: it sees stop within a read or a nap
}

Result<ArchiveDigest> DigestFollower::hashWhole(const QString &why, const HashControl &c)
{
    m_stats.wholeAgain = why;
    auto d = archivedigest::compute(
        m_shared->path, ArchiveDigest::Scheme::Chunked, c, m_shared->chunkBytes);
    if (d)
        m_stats.rehashedBytes = d->size();
    return d;
}

Result<ArchiveDigest> DigestFollower::finish(const HashControl &c)
{
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->writerDone = true;
    }
    m_shared->rouse();
    if (!m_shared->claimed.exchange(true))
        return hashWhole(QStringLiteral("no thread was free to follow the dump"), c);
    m_future.waitForFinished();
    Followed followed = m_future.resultCount() > 0 ? m_future.result() : stopped();
    if (!followed)
        return hashWhole(followed.error().message, c);
    return completed(std::move(followed.value()), c);
}

Result<ArchiveDigest> DigestFollower::completed(Files followed, const HashControl &c)
{
    for (const auto &f : followed)
        m_stats.followedBytes += f.size;
    auto now = archivedigest::listFiles(m_shared->path);
    if (!now)
        return now.error();
    if (!sameNamesAndSizes(followed, now.value()))
        return hashWhole(QStringLiteral("the files changed after they were read"), c);
    if (m_shared->format == ArchiveFormat::Custom && !followed.isEmpty()) {
        const QString &path = m_shared->path;
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return hashWhole(QStringLiteral("the archive could not be opened again"), c);
        const auto closeFile = qScopeGuard([fd] { ::close(fd); });
        auto end = tocEnd(fd, path);
        if (!end)
            return hashWhole(end.error().message, c);
        ArchiveDigest::File &f = followed.first();
        const qint64 chunkBytes = m_shared->chunkBytes;
        const qint64 to
            = std::min(f.size, (end.value() + chunkBytes - 1) / chunkBytes * chunkBytes);
        QList<QByteArray> again;
        if (auto s = archivedigest::hashChunks(fd, path, 0, to, chunkBytes, again); !s)
            return s.error();
        std::copy(again.cbegin(), again.cend(), f.chunks.begin());
        m_stats.rehashedBytes = to;
    }
    ArchiveDigest d;
    d.chunkBytes = m_shared->chunkBytes;
    d.files = std::move(followed);
    d.hex = ArchiveDigest::rootOf(d.files);
    return d;
}

} // namespace strata::core
