#pragma once

#include "jobs/archiverowcounter.h"

#include <QFuture>

#include <atomic>
#include <memory>

namespace strata::core {

// Reads pg_dump's output while pg_dump writes it (a file, or a directory archive's files) and
// counts each table's rows on a thread of the Jobs pool, a few milliseconds behind the writer:
// the counting overlaps the dump, and when pg_dump ends only its last bytes are left to read.
class ArchiveFollower
{
public:
    ArchiveFollower(QString path, ArchiveFormat format);
    // Stops following without waiting for the counts (the dump failed or was cancelled).
    ~ArchiveFollower();
    ArchiveFollower(const ArchiveFollower &) = delete;
    ArchiveFollower &operator=(const ArchiveFollower &) = delete;

    // pg_dump has ended and succeeded: reads what is left and returns the counts. When the
    // pool had no thread free for the follower, the archive is counted here instead.
    Result<QList<TableRowCount>> finish();

    // What the follower's thread and this object share (the thread may start after this
    // object is gone, and must then find it claimed).
    struct Shared
    {
        QString path;
        ArchiveFormat format = ArchiveFormat::Unknown;
        std::atomic<bool> writerDone { false };
        std::atomic<bool> stop { false };
        std::atomic<bool> claimed { false }; // the follower started, or finish() counts instead
    };

private:
    std::shared_ptr<Shared> m_shared;
    QFuture<Result<QList<TableRowCount>>> m_future;
};

} // namespace strata::core
