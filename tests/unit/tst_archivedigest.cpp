#include "jobs/archivedigest.h"
#include "jobs/archiveinspector.h"
#include "jobs/backupmanifest.h"
#include "jobs/digestfollower.h"
#include "util/async.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>

using namespace strata::core;

// The chunked checksums of manifest version 2: computed on any number of threads, checked with
// the difference named, cancelled midway, followed while a writer writes, and the manifests of
// version 1 still verified. Qt's own SHA-256 (QCryptographicHash) is the reference.
class tst_ArchiveDigest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void chunksMatchAnIndependentHashAtAwkwardSizes();
    void everyThreadCountGivesTheSameDigest();
    void directoryArchiveIsHashedFileByFileInNameOrder();
    void checkNamesTheBytesThatDiffer();
    void checkCatchesATruncatedFileAndMissingOrAddedFiles();
    void cancelledChunkedHashStopsAndSaysSo();
    void manifestOfVersionOneStillVerifies();
    void manifestOfVersionTwoRoundTripsAndDamageIsRefused();
    void followerHashesAFileAsItGrows();
    void followerHashesADirectoryWhoseFilesGrowTogether();
    void followerHashesAgainWholeWhatItCannotTrust();
    void followerStoppedMidwayLeavesNothingBehind();

private:
    QTemporaryDir m_dir;
};

namespace {

constexpr qint64 kChunk = 4096;

QByteArray randomBytes(qint64 n, quint32 seed)
{
    QByteArray b(n, Qt::Uninitialized);
    QRandomGenerator g(seed);
    for (qint64 i = 0; i < n; ++i)
        b[i] = char(g.bounded(256));
    return b;
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

// The chunks of `bytes`, by Qt's SHA-256.
QList<QByteArray> referenceChunks(const QByteArray &bytes, qint64 chunk)
{
    QList<QByteArray> out;
    for (qint64 at = 0; at < bytes.size(); at += chunk)
        out << QCryptographicHash::hash(bytes.mid(at, chunk), QCryptographicHash::Sha256);
    return out;
}

QString referenceRoot(const QList<std::pair<QString, QByteArray>> &files, qint64 chunk)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (const auto &[name, bytes] : files) {
        h.addData(name.toUtf8());
        h.addData(QByteArrayView("\0", 1));
        h.addData(QByteArray::number(bytes.size()));
        h.addData(QByteArrayView("\0", 1));
        for (const QByteArray &c : referenceChunks(bytes, chunk))
            h.addData(c);
    }
    return QString::fromLatin1(h.result().toHex());
}

} // namespace

void tst_ArchiveDigest::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void tst_ArchiveDigest::chunksMatchAnIndependentHashAtAwkwardSizes()
{
    for (const qint64 size :
        { qint64(0), qint64(1), kChunk - 1, kChunk, kChunk + 1, 3 * kChunk + 5, 7 * kChunk }) {
        const QString path = m_dir.filePath(QStringLiteral("sized-%1").arg(size));
        const QByteArray bytes = randomBytes(size, quint32(size));
        writeFile(path, bytes);
        auto d = archivedigest::compute(path, ArchiveDigest::Scheme::Chunked, {}, kChunk);
        QVERIFY2(d.ok(), qPrintable(d.error().toString()));
        QCOMPARE(d->files.size(), 1);
        QCOMPARE(d->files.first().name, QString());
        QCOMPARE(d->files.first().size, size);
        QCOMPARE(d->files.first().chunks, referenceChunks(bytes, kChunk));
        QCOMPARE(d->hex, referenceRoot({ { QString(), bytes } }, kChunk));
        QCOMPARE(d->schemeName(), QStringLiteral("SHA-256 of 0.00390625 MiB chunks"));
        // Whole: what sha256sum says.
        auto w = archivedigest::compute(path, ArchiveDigest::Scheme::Whole);
        QVERIFY(w.ok());
        QCOMPARE(w->hex,
            QString::fromLatin1(
                QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(w->size(), size);
    }
}

void tst_ArchiveDigest::everyThreadCountGivesTheSameDigest()
{
    const QString path = m_dir.filePath("threads");
    writeFile(path, randomBytes(200 * kChunk + 17, 7));
    QString first;
    for (const int threads : { 1, 2, 3, 8, 0 }) {
        HashControl c;
        c.threads = threads;
        auto d = archivedigest::compute(path, ArchiveDigest::Scheme::Chunked, c, kChunk);
        QVERIFY(d.ok());
        QCOMPARE(d->files.first().chunks.size(), 201);
        if (first.isEmpty())
            first = d->hex;
        QCOMPARE(d->hex, first);
    }
}

void tst_ArchiveDigest::directoryArchiveIsHashedFileByFileInNameOrder()
{
    const QString dir = m_dir.filePath("dir.d");
    QDir().mkpath(dir);
    const QList<std::pair<QString, QByteArray>> files {
        { "3001.dat.gz", randomBytes(5 * kChunk, 1) }, { "3002.dat", QByteArray() },
        { "blob ü.dat", randomBytes(100, 2) }, { "toc.dat", randomBytes(kChunk + 3, 3) }
    };
    for (const auto &[name, bytes] : files)
        writeFile(QDir(dir).filePath(name), bytes);
    auto d = archivedigest::compute(dir, ArchiveDigest::Scheme::Chunked, {}, kChunk);
    QVERIFY(d.ok());
    QCOMPARE(d->files.size(), 4);
    for (int i = 0; i < files.size(); ++i) {
        QCOMPARE(d->files.at(i).name, files.at(i).first);
        QCOMPARE(d->files.at(i).chunks, referenceChunks(files.at(i).second, kChunk));
    }
    QCOMPARE(d->hex, referenceRoot(files, kChunk));
    QVERIFY(archivedigest::check(dir, d.value()).ok());
}

void tst_ArchiveDigest::checkNamesTheBytesThatDiffer()
{
    const QString path = m_dir.filePath("flipped");
    QByteArray bytes = randomBytes(4 * kChunk, 11);
    writeFile(path, bytes);
    auto d = archivedigest::compute(path, ArchiveDigest::Scheme::Chunked, {}, kChunk);
    QVERIFY(d.ok());
    QVERIFY(archivedigest::check(path, d.value()).ok());
    bytes[9000] = char(bytes.at(9000) ^ 0x01); // chunk 3 of 4: bytes 8192 to 12287
    writeFile(path, bytes);
    for (const int threads : { 1, 4 }) {
        HashControl c;
        c.threads = threads;
        auto s = archivedigest::check(path, d.value(), c);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().kind, Error::Kind::InvalidInput);
        QVERIFY2(s.error().message.contains("bytes 8192 to 12287 differ")
                && s.error().message.contains("chunk 3 of 4"),
            qPrintable(s.error().message));
    }
    // The whole-file scheme says only that it differs.
    auto w = archivedigest::check(path, ArchiveDigest::whole(QString(64, u'0')));
    QVERIFY(!w.ok());
    QVERIFY2(w.error().message.contains("the SHA-256 is"), qPrintable(w.error().message));
}

void tst_ArchiveDigest::checkCatchesATruncatedFileAndMissingOrAddedFiles()
{
    const QString path = m_dir.filePath("truncated");
    const QByteArray bytes = randomBytes(3 * kChunk, 5);
    writeFile(path, bytes);
    auto d = archivedigest::compute(path, ArchiveDigest::Scheme::Chunked, {}, kChunk);
    QVERIFY(d.ok());
    writeFile(path, bytes.left(2 * kChunk));
    auto s = archivedigest::check(path, d.value());
    QVERIFY(!s.ok());
    QVERIFY2(s.error().message.contains("it is 8192 bytes, the manifest says 12288"),
        qPrintable(s.error().message));

    const QString dir = m_dir.filePath("changing.d");
    QDir().mkpath(dir);
    writeFile(QDir(dir).filePath("toc.dat"), "toc");
    writeFile(QDir(dir).filePath("1.dat"), "one");
    auto dd = archivedigest::compute(dir, ArchiveDigest::Scheme::Chunked, {}, kChunk);
    QVERIFY(dd.ok());
    QVERIFY(QFile::remove(QDir(dir).filePath("1.dat")));
    s = archivedigest::check(dir, dd.value());
    QVERIFY(!s.ok());
    QVERIFY2(s.error().message.contains("1.dat is missing"), qPrintable(s.error().message));
    writeFile(QDir(dir).filePath("1.dat"), "one");
    writeFile(QDir(dir).filePath("2.dat"), "two");
    s = archivedigest::check(dir, dd.value());
    QVERIFY(!s.ok());
    QVERIFY2(s.error().message.contains("2.dat was added"), qPrintable(s.error().message));
    // A file where the manifest has a folder.
    s = archivedigest::check(path, dd.value());
    QVERIFY(!s.ok());
}

void tst_ArchiveDigest::cancelledChunkedHashStopsAndSaysSo()
{
    const QString path = m_dir.filePath("long");
    writeFile(path, randomBytes(2000 * kChunk, 9));
    auto d = archivedigest::compute(path, ArchiveDigest::Scheme::Chunked, {}, kChunk);
    QVERIFY(d.ok());
    for (const int threads : { 1, 3 }) {
        std::atomic<qint64> lastDone { 0 };
        int polls = 0;
        HashControl c;
        c.threads = threads;
        c.canceled = [&] { return ++polls > 5; };
        c.progress = [&](qint64 done, qint64) { lastDone = done; };
        auto r = archivedigest::compute(path, ArchiveDigest::Scheme::Chunked, c, kChunk);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Canceled);
        QVERIFY2(lastDone < 2000 * kChunk / 2, qPrintable(QString::number(lastDone)));
        polls = 0;
        auto s = archivedigest::check(path, d.value(), c);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().kind, Error::Kind::Canceled);
    }
}

void tst_ArchiveDigest::manifestOfVersionOneStillVerifies()
{
    // Written as Strata wrote them before the chunks: one SHA-256 of the archive.
    const QString path = m_dir.filePath("old.dump");
    const QByteArray bytes = randomBytes(3 * kChunk, 21);
    writeFile(path, bytes);
    const QJsonObject old { { "manifest_version", 1 }, { "file", "old.dump" },
        { "database", "shop" }, { "format", "custom" }, { "size", double(bytes.size()) },
        { "sha256",
            QString::fromLatin1(
                QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()) } };
    writeFile(BackupManifest::manifestPath(path), QJsonDocument(old).toJson());
    auto m = BackupManifest::read(path);
    QVERIFY2(m.ok(), qPrintable(m.error().toString()));
    QCOMPARE(m->digest.scheme, ArchiveDigest::Scheme::Whole);
    QCOMPARE(m->database, QStringLiteral("shop"));
    auto checked = ArchiveInspector::checkManifest(path);
    QVERIFY(checked.has_value());
    QVERIFY2(checked->ok(), qPrintable(checked->error().toString()));

    QByteArray changed = bytes;
    changed[5] = char(changed.at(5) ^ 0x40);
    writeFile(path, changed);
    ArchiveInspector::forgetVerified();
    checked = ArchiveInspector::checkManifest(path);
    QVERIFY(checked.has_value() && !checked->ok());
    QVERIFY2(checked->error().message.contains("does not match its manifest"),
        qPrintable(checked->error().message));
    QVERIFY(checked->error().hint.contains("Nothing was restored"));
}

void tst_ArchiveDigest::manifestOfVersionTwoRoundTripsAndDamageIsRefused()
{
    const QString path = m_dir.filePath("new.dump");
    writeFile(path, randomBytes(5 * kChunk + 1, 31));
    BackupManifest m;
    m.path = path;
    m.database = "shop";
    m.format = "custom";
    auto d = archivedigest::compute(path, ArchiveDigest::Scheme::Chunked, {}, kChunk);
    QVERIFY(d.ok());
    m.digest = d.value();
    m.size = d->size();
    QVERIFY(m.write().ok());
    auto back = BackupManifest::read(path);
    QVERIFY2(back.ok(), qPrintable(back.error().toString()));
    QCOMPARE(back->digest.scheme, ArchiveDigest::Scheme::Chunked);
    QCOMPARE(back->digest.hex, d->hex);
    QCOMPARE(back->digest.chunkBytes, kChunk);
    QCOMPARE(back->digest.files.first().chunks, d->files.first().chunks);
    ArchiveInspector::forgetVerified();
    auto checked = ArchiveInspector::checkManifest(path);
    QVERIFY(checked.has_value() && checked->ok());

    // One chunk's checksum changed in the manifest: the manifest is damaged, and the archive
    // is not used (never taken for an archive without a manifest).
    QFile f(BackupManifest::manifestPath(path));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    QCOMPARE(o.value("manifest_version").toInt(), 2);
    QJsonObject sums = o.value("checksum").toObject();
    QJsonArray files = sums.value("files").toArray();
    QJsonObject file = files.at(0).toObject();
    QJsonArray chunks = file.value("chunks").toArray();
    chunks[2] = QString(64, u'a');
    file["chunks"] = chunks;
    files[0] = file;
    sums["files"] = files;
    o["checksum"] = sums;
    writeFile(BackupManifest::manifestPath(path), QJsonDocument(o).toJson());
    auto damaged = BackupManifest::read(path);
    QVERIFY(!damaged.ok());
    QVERIFY2(damaged.error().message.contains("do not give the archive's SHA-256"),
        qPrintable(damaged.error().message));
    checked = ArchiveInspector::checkManifest(path);
    QVERIFY(checked.has_value() && !checked->ok());
    QVERIFY2(checked->error().message.contains("is damaged"), qPrintable(checked->error().message));
}

void tst_ArchiveDigest::followerHashesAFileAsItGrows()
{
    const QString path = m_dir.filePath("growing.sql");
    const QByteArray bytes = randomBytes(300 * kChunk + 123, 41);
    DigestFollower follower(path, ArchiveFormat::Plain, kChunk);
    {
        // Written in pieces of odd sizes, with pauses, as pg_dump writes.
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        QRandomGenerator g(3);
        for (qint64 at = 0; at < bytes.size();) {
            const qint64 n = std::min<qint64>(bytes.size() - at, g.bounded(1, 40000));
            QCOMPARE(f.write(bytes.constData() + at, n), n);
            at += n;
            if (g.bounded(8) == 0)
                QTest::qSleep(2);
        }
    }
    auto d = follower.finish();
    QVERIFY2(d.ok(), qPrintable(d.error().toString()));
    QCOMPARE(d->hex, referenceRoot({ { QString(), bytes } }, kChunk));
    QCOMPARE(follower.stats().followedBytes, bytes.size());
    QCOMPARE(follower.stats().rehashedBytes, 0);
    QVERIFY(follower.stats().wholeAgain.isEmpty());
}

void tst_ArchiveDigest::followerHashesADirectoryWhoseFilesGrowTogether()
{
    const QString dir = m_dir.filePath("growing.d");
    DigestFollower follower(dir, ArchiveFormat::Directory, kChunk);
    QTest::qSleep(30); // the follower waits for the folder to appear
    QVERIFY(QDir().mkpath(dir));
    QList<std::pair<QString, QByteArray>> files { { "1001.dat", randomBytes(90 * kChunk + 5, 1) },
        { "1002.dat", randomBytes(70 * kChunk, 2) }, { "1003.dat", QByteArray() } };
    auto writer = [&](const std::pair<QString, QByteArray> &file) {
        QFile f(QDir(dir).filePath(file.first));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return;
        for (qint64 at = 0; at < file.second.size(); at += 10000) {
            f.write(file.second.mid(at, 10000));
            if (at % 100000 == 0)
                QThread::msleep(1);
        }
    };
    std::thread a(writer, files.at(0));
    std::thread b(writer, files.at(1));
    writer(files.at(2));
    a.join();
    b.join();
    const QByteArray toc = randomBytes(kChunk / 2, 4); // written last, as pg_dump does
    writeFile(QDir(dir).filePath("toc.dat"), toc);
    files << std::pair { QStringLiteral("toc.dat"), toc };
    auto d = follower.finish();
    QVERIFY2(d.ok(), qPrintable(d.error().toString()));
    QVERIFY(follower.stats().wholeAgain.isEmpty());
    QCOMPARE(d->hex, referenceRoot(files, kChunk));
}

void tst_ArchiveDigest::followerHashesAgainWholeWhatItCannotTrust()
{
    // A "custom" archive whose table of contents does not read: hashed again whole, right.
    const QString path = m_dir.filePath("not-custom.dump");
    const QByteArray bytes = randomBytes(20 * kChunk, 51);
    {
        DigestFollower follower(path, ArchiveFormat::Custom, kChunk);
        writeFile(path, bytes);
        auto d = follower.finish();
        QVERIFY2(d.ok(), qPrintable(d.error().toString()));
        QVERIFY(!follower.stats().wholeAgain.isEmpty());
        QCOMPARE(d->hex, referenceRoot({ { QString(), bytes } }, kChunk));
    }
    // A file cut shorter after it was read (no writer does this; the follower must not trust
    // what it read).
    {
        DigestFollower follower(path, ArchiveFormat::Plain, kChunk);
        writeFile(path, bytes);
        QTest::qSleep(100); // read by now, most likely; either way the digest must be right
        QVERIFY(QFile::resize(path, 3 * kChunk));
        auto d = follower.finish();
        QVERIFY2(d.ok(), qPrintable(d.error().toString()));
        QCOMPARE(d->hex, referenceRoot({ { QString(), bytes.left(3 * kChunk) } }, kChunk));
    }
}

void tst_ArchiveDigest::followerStoppedMidwayLeavesNothingBehind()
{
    // The dump is cancelled while the follower reads: it stops at once and the file can go.
    const QString path = m_dir.filePath("cancelled.dump");
    std::atomic<bool> writing { true };
    std::thread writer([&] {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return;
        const QByteArray block = randomBytes(64 * 1024, 61);
        for (int i = 0; writing && i < 1024; ++i) // 64 MB at most
            f.write(block);
    });
    {
        DigestFollower follower(path, ArchiveFormat::Custom, kChunk);
        QTest::qSleep(50);
    } // destroyed without finish(): it returns once its thread has stopped
    QCOMPARE(Synchroniser::instance().pending(), 0);
    writing = false;
    writer.join();
    QVERIFY(QFile::remove(path));
}

QTEST_GUILESS_MAIN(tst_ArchiveDigest)
#include "tst_archivedigest.moc"
