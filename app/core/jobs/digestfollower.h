#pragma once

#include "jobs/archivedigest.h"
#include "jobs/archivetoc.h"

#include <QFuture>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace strata::core {

// Hashes the chunks of pg_dump's output while pg_dump writes them (a file, or each file of a
// directory archive), on a thread of the Jobs pool a few milliseconds behind the writer. pg_dump
// only appends, except that the custom format's table of contents is written again, in place and
// the same length, when the dump ends (with the data offsets filled in): finish() hashes again
// the chunks that hold it. Whatever cannot be trusted (the files at the end are not the files
// that were followed, the table of contents does not read) is hashed again whole.
class DigestFollower
{
public:
    DigestFollower(
        QString path, ArchiveFormat format, qint64 chunkBytes = ArchiveDigest::kChunkBytes);
    // Stops following without a digest (the dump failed or was cancelled).
    ~DigestFollower();
    DigestFollower(const DigestFollower &) = delete;
    DigestFollower &operator=(const DigestFollower &) = delete;

    // pg_dump has ended and succeeded: hashes what is left and what pg_dump rewrote, and returns
    // the archive's chunked digest. Blocks (the job's worker thread).
    Result<ArchiveDigest> finish(const HashControl &control = {});

    // What finish() had to hash itself, for the log and tests.
    struct Stats
    {
        qint64 followedBytes = 0; // hashed while pg_dump wrote
        qint64 rehashedBytes = 0; // hashed again at the end (the rewritten table of contents)
        QString wholeAgain; // why the archive was hashed again whole; empty when it was not
    };
    Stats stats() const { return m_stats; }

    struct Shared
    {
        QString path;
        ArchiveFormat format = ArchiveFormat::Unknown;
        qint64 chunkBytes = ArchiveDigest::kChunkBytes;
        std::atomic<bool> writerDone { false };
        std::atomic<bool> stop { false };
        std::atomic<bool> claimed { false }; // the thread started, or finish() hashes instead
        std::mutex mutex;
        std::condition_variable wake;
        void nap(int ms);
        void rouse();
    };

private:
    Result<ArchiveDigest> completed(QList<ArchiveDigest::File> followed, const HashControl &c);
    Result<ArchiveDigest> hashWhole(const QString &why, const HashControl &c);

    std::shared_ptr<Shared> m_shared;
    QFuture<Result<QList<ArchiveDigest::File>>> m_future;
    Stats m_stats;
};

} // namespace strata::core
