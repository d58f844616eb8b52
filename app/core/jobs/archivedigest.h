#pragma once

#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace strata::core {

// How a backup's manifest fingerprints its archive.
//
// Manifests of version 1 hold the SHA-256 of the whole archive (a directory archive: each
// file's relative name, a NUL and its bytes, in name order). It can be computed only once
// pg_dump has ended (the custom format's table of contents is rewritten at the start of the
// file last), and only on one core.
//
// Manifests of version 2 hold the SHA-256 of every chunk of each file (8 MiB; the last one of a
// file shorter, an empty file none). The chunks are hashed while pg_dump writes them, only those
// it rewrites are hashed again, and they are checked on every core. The archive's digest (what
// the history and the window show) is then the SHA-256 over, file by file in name order, the
// file's name, a NUL, its size in decimal, a NUL, and its chunks' digests, 32 bytes each.
struct ArchiveDigest
{
    enum class Scheme { Whole, Chunked };
    static constexpr qint64 kChunkBytes = qint64(8) << 20;

    struct File
    {
        QString name; // relative, in a directory archive; empty for a one-file archive
        qint64 size = 0;
        QList<QByteArray> chunks; // 32-byte SHA-256 of each chunk
    };

    Scheme scheme = Scheme::Chunked;
    qint64 chunkBytes = kChunkBytes;
    QList<File> files; // Chunked only, in name order
    QString hex; // Whole: the SHA-256 of the archive; Chunked: the root over the chunks

    bool isEmpty() const { return hex.isEmpty(); }
    qint64 size() const;
    // "SHA-256" or "SHA-256 of 8 MiB chunks": what the digest is the digest of.
    QString schemeName() const;
    // Chunked: {"algorithm": "sha256-chunks", "chunk_bytes", "files": [{"name", "size",
    // "chunks": [hex, ...]}]}.
    QJsonObject chunksJson() const;
    // Reads chunksJson(), checking that every file has the chunks its size needs and that
    // the chunks give `root`: a manifest damaged anywhere is refused, never half used.
    static Result<ArchiveDigest> fromChunksJson(const QJsonObject &o, const QString &root);
    static ArchiveDigest whole(const QString &hex);
    // The root over `files` (which must be in name order).
    static QString rootOf(const QList<File> &files);
};

// What a long hash is told and asked: `canceled` is polled and `progress(bytes done, bytes in
// all)` told between blocks, both on the calling thread only. `threads`: how many cores the
// chunks are hashed on (0: every core).
struct HashControl
{
    std::function<bool()> canceled;
    std::function<void(qint64, qint64)> progress;
    int threads = 0;
};

// Cuts a stream of bytes into chunks and hashes each: a file followed while it is written.
class ChunkStream
{
public:
    explicit ChunkStream(qint64 chunkBytes = ArchiveDigest::kChunkBytes);
    ~ChunkStream();
    ChunkStream(ChunkStream &&) noexcept;
    ChunkStream &operator=(ChunkStream &&) noexcept;

    void add(const char *data, qint64 n);
    qint64 size() const { return m_size; }
    // The file's entry: every chunk, the last shorter one too. The stream is spent.
    ArchiveDigest::File finish(const QString &name);

private:
    class Sha;
    std::unique_ptr<Sha> m_sha;
    qint64 m_chunkBytes;
    qint64 m_inChunk = 0;
    qint64 m_size = 0;
    QList<QByteArray> m_chunks;
};

namespace archivedigest {

// The archive's files in name order (a file: itself, named ""), or an error.
Result<QList<ArchiveDigest::File>> listFiles(const QString &path);
// The bytes of all of them.
Result<qint64> archiveSize(const QString &path);

// The digest of the archive at `path` in `scheme`. Blocks: run it on a worker.
Result<ArchiveDigest> compute(const QString &path, ArchiveDigest::Scheme scheme,
    const HashControl &control = {}, qint64 chunkBytes = ArchiveDigest::kChunkBytes);

// The archive against `expected`: Ok, Canceled, or an InvalidInput error that says what
// differs (the size, a missing or extra file, which bytes). Chunked digests are checked on every
// core and the check stops at the first chunk that differs. Blocks: run it on a worker.
Status check(const QString &path, const ArchiveDigest &expected, const HashControl &control = {});

// SHA-256 of each chunk of bytes [from, to) of the open file `fd`, into `out` (one entry per
// chunk, chunks counted from `from`). Used by compute and by the follower that re-hashes what
// pg_dump rewrote.
Status hashChunks(
    int fd, const QString &name, qint64 from, qint64 to, qint64 chunkBytes, QList<QByteArray> &out);

} // namespace archivedigest

} // namespace strata::core
