#include "archivefollower.h"

#include "util/async.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QScopeGuard>
#include <QThread>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace strata::core {

namespace {

using Counts = Result<QList<TableRowCount>>;

using Shared = ArchiveFollower::Shared;

Counts stopped()
{
    return Error(Error::Kind::Canceled, QStringLiteral("Stopped."));
}

Counts followFile(Shared &s)
{
    ArchiveRowCounter counter(s.format);
    QFile f(s.path);
    QByteArray block(1 << 20, Qt::Uninitialized);
    while (!s.stop) {
        // Read the flag before reading the file: when it was set, everything pg_dump wrote is
        // in the file, and this pass reads it to the end.
        const bool last = s.writerDone;
        if (!f.isOpen() && !f.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
            if (last)
                return Error(Error::Kind::Io,
                    QStringLiteral("Could not read %1: %2").arg(s.path, f.errorString()));
            QThread::msleep(20);
            continue;
        }
        qint64 n = 0;
        while (!s.stop && (n = f.read(block.data(), block.size())) > 0)
            counter.feed(block.constData(), n);
        if (n < 0)
            return Error(Error::Kind::Io,
                QStringLiteral("Could not read %1: %2").arg(s.path, f.errorString()));
        if (last)
            return counter.finish();
        QThread::msleep(20);
    }
    return stopped();
}

// The directory is held open and its files opened relative to it: the job renames the
// finished archive to its real name before it asks for the counts.
Counts followDirectory(Shared &s)
{
    ArchiveRowCounter counter(s.format);
    QHash<QString, qint64> readSoFar; // data file -> bytes counted
    QByteArray block(1 << 20, Qt::Uninitialized);
    int dirFd = -1;
    const auto closeDir = qScopeGuard([&dirFd] {
        if (dirFd >= 0)
            ::close(dirFd);
    });
    auto readAll = [&](const char *name, const std::function<void(const char *, qsizetype)> &to,
                       qint64 from) -> qint64 {
        const int fd = ::openat(dirFd, name, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return 0;
        qint64 total = 0;
        if (::lseek(fd, from, SEEK_SET) == from)
            for (ssize_t n; !s.stop && (n = ::read(fd, block.data(), size_t(block.size()))) > 0;) {
                to(block.constData(), n);
                total += n;
            }
        ::close(fd);
        return total;
    };
    while (!s.stop) {
        const bool last = s.writerDone;
        if (dirFd < 0)
            dirFd
                = ::open(QFile::encodeName(s.path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dirFd < 0) {
            if (last)
                return Error(Error::Kind::Io, QStringLiteral("Could not read %1.").arg(s.path));
            QThread::msleep(50);
            continue;
        }
        // Files are opened only while they have new bytes: a dump of 10,000 tables does not
        // hold 10,000 descriptors.
        DIR *listing = ::fdopendir(::dup(dirFd));
        if (listing) {
            ::rewinddir(listing);
            while (const dirent *e = ::readdir(listing)) {
                const QString name = QFile::decodeName(e->d_name);
                struct stat st;
                if (!ArchiveRowCounter::isDataFile(name) || ::fstatat(dirFd, e->d_name, &st, 0) != 0
                    || st.st_size <= readSoFar.value(name))
                    continue;
                readSoFar[name] += readAll(
                    e->d_name, [&](const char *p, qsizetype n) { counter.feedFile(name, p, n); },
                    readSoFar.value(name));
            }
            ::closedir(listing);
        }
        if (last) {
            QByteArray toc;
            readAll(
                "toc.dat", [&toc](const char *p, qsizetype n) { toc.append(p, n); }, 0);
            counter.setDirectoryToc(toc);
            return counter.finish();
        }
        QThread::msleep(100);
    }
    return stopped();
}

} // namespace

ArchiveFollower::ArchiveFollower(QString path, ArchiveFormat format)
    : m_shared(std::make_shared<Shared>())
{
    m_shared->path = std::move(path);
    m_shared->format = format;
    m_future = asyncRun<Counts>(Pool::Jobs, [shared = m_shared](QPromise<Counts> &p) {
        if (shared->claimed.exchange(true))
            return; // finish() counted without this thread, or the follower is gone
        p.addResult(shared->format == ArchiveFormat::Directory ? followDirectory(*shared)
                                                               : followFile(*shared));
    });
}

ArchiveFollower::~ArchiveFollower()
{
    m_shared->stop = true;
    if (m_shared->claimed.exchange(true))
        m_future.waitForFinished(); // it runs: it sees stop within a read or a nap
}

Counts ArchiveFollower::finish()
{
    m_shared->writerDone = true;
    if (!m_shared->claimed.exchange(true))
        return countArchiveRows(m_shared->path); // the pool had no thread free
    m_future.waitForFinished();
    return m_future.resultCount() > 0 ? m_future.result() : stopped();
}

} // namespace strata::core
