#include "db/session.h"
#include "jobs/backupcatalog.h"
#include "jobs/backupjob.h"
#include "jobs/backupmanifest.h"
#include "jobs/toollocator.h"
#include "testserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <csignal>
#include <sys/resource.h>
#include <thread>

using namespace strata::core;
using strata::test::TestServer;

namespace {

const char *kDb = "tst_backupjob";

// Waits (in the test thread) until pred() or the timeout.
template <typename P> bool waitFor(P pred, int ms = 30000)
{
    QElapsedTimer t;
    t.start();
    while (!pred()) {
        if (t.elapsed() > ms)
            return false;
        QThread::msleep(20);
    }
    return true;
}

QStringList leftovers(const QString &dir)
{
    return QDir(dir).entryList(QStringList { QStringLiteral(".*partial*") },
        QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
}

QString listArchive(const QString &path)
{
    QProcess p;
    p.start(TestServer::binDir() + "/pg_restore", { "--list", path });
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

bool logContains(const Job &job, const QString &needle)
{
    for (const QString &l : job.log())
        if (l.contains(needle))
            return true;
    return false;
}

} // namespace

class tst_BackupJob : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void locatorPicksAToolForTheServer();
    void oldPgDumpIsRefusedBeforeAnythingRuns();
    void toolVersionIsReadOnceUntilTheFileChanges();
    void debianWrapperIsNotRunWhenARealCopyIsFound();
    void missingToolsNameWhereTheyWereLookedFor();
    void dockerCommandRunsInsideTheContainer();
    void backupWritesManifestCatalogAndNoPartialFile();
    void backupReplacesAnOlderFileOfTheSameName();
    void hashReportsItsProgress();
    void checksumsHashedWhilePgDumpWritesMatchTheArchiveInEveryFormat();
    void progressMovesWithTheTablesAndNeverGoesBack();
    void foreignKeyClosureOfOddlyNamedTables();
    void cancelMidDumpRemovesThePartialFile();
    void cancelRightAfterStartEndsTheJob();
    void serverDyingMidDumpFailsCleanly();
    void writeFailureMidDumpFailsAndLeavesNoFile();
    void passwordNeverAppearsInAProcessArgument();
    void invalidOptionsAreRefused();
    void partitionedTableIsBackedUpWithItsWholeTree();
    void foreignKeyClosureTakesAPartitionedTableWhole();
    void emptyFolderAsOutputOfAFileFormatIsRefused();
    void directoryFormatOverAFileIsRefusedBeforeDumping();
    void partialFileOfADeadBackupIsRemovedAndOthersAreNot();

private:
    QTemporaryDir m_dir;
    QString m_catalog;
};

void tst_BackupJob::initTestCase()
{
    STRATA_REQUIRE_SERVER();
    TestServer::createDatabase(kDb);
    const QString err = TestServer::exec(kDb, QString::fromUtf8(R"SQL(
        CREATE SCHEMA "Sch ém""a.x";
        CREATE TABLE "Sch ém""a.x"."Cüstomer" (id serial PRIMARY KEY, name text);
        CREATE TABLE public.region (id int PRIMARY KEY, name text);
        ALTER TABLE "Sch ém""a.x"."Cüstomer" ADD COLUMN region int REFERENCES public.region(id);
        CREATE TABLE "Sch ém""a.x"."Tab ""le"".y" (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            customer int REFERENCES "Sch ém""a.x"."Cüstomer"(id), note text);
        CREATE TABLE public.unrelated (x int);
        INSERT INTO public.region VALUES (1, 'north'), (2, 'south');
        INSERT INTO "Sch ém""a.x"."Cüstomer"(name, region) SELECT 'c' || g, 1 + g % 2
            FROM generate_series(1, 500) g;
        INSERT INTO "Sch ém""a.x"."Tab ""le"".y"(customer, note) SELECT 1 + g % 500, md5(g::text)
            FROM generate_series(1, 2000) g;
        CREATE TABLE public.big_a AS SELECT g AS id, md5(g::text) || md5((g+1)::text) AS t
            FROM generate_series(1, 1500000) g;
        CREATE TABLE public.parted (id int NOT NULL, at date NOT NULL, v text)
            PARTITION BY RANGE (at);
        CREATE TABLE public.parted_2023 PARTITION OF public.parted
            FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
        CREATE TABLE public.parted_2024 PARTITION OF public.parted
            FOR VALUES FROM ('2024-01-01') TO ('2025-01-01') PARTITION BY RANGE (id);
        CREATE TABLE public.parted_2024_low PARTITION OF public.parted_2024
            FOR VALUES FROM (MINVALUE) TO (100);
        CREATE TABLE public.parted_2024_high PARTITION OF public.parted_2024
            FOR VALUES FROM (100) TO (MAXVALUE);
        INSERT INTO public.parted SELECT g, DATE '2023-06-01' + (g % 400), 'r' || g
            FROM generate_series(1, 300) g;
        ALTER TABLE public.parted ADD PRIMARY KEY (id, at);
        CREATE TABLE public.parted_ref (id int PRIMARY KEY, pid int, pat date,
            FOREIGN KEY (pid, pat) REFERENCES public.parted (id, at));
        INSERT INTO public.parted_ref SELECT g, g, DATE '2023-06-01' + (g % 400)
            FROM generate_series(1, 10) g;
        CREATE TABLE public.big_b AS SELECT g AS id, md5(g::text) AS t
            FROM generate_series(1, 600000) g;
        ANALYZE;
        GRANT USAGE ON SCHEMA "Sch ém""a.x" TO strata_scram;
        GRANT SELECT ON ALL TABLES IN SCHEMA "Sch ém""a.x" TO strata_scram;
        GRANT SELECT ON ALL SEQUENCES IN SCHEMA "Sch ém""a.x" TO strata_scram;
    )SQL"));
    QVERIFY2(err.isEmpty(), qPrintable(err));
    QVERIFY(m_dir.isValid());
    m_catalog = m_dir.filePath("catalog.sqlite");
}

void tst_BackupJob::locatorPicksAToolForTheServer()
{
    ToolLocator locator(TestServer::profile(kDb));
    auto t = locator.locate("pg_dump", 15, "dump a PostgreSQL 15 server");
    QVERIFY2(t.ok(), qPrintable(t.error().toString()));
    QVERIFY(t->major >= 15);
    QVERIFY(QFileInfo(t->path).isExecutable());
    auto none = locator.locate("pg_dump", 99, "dump a PostgreSQL 99 server");
    QVERIFY(!none.ok());
    QVERIFY2(none.error().message.contains("cannot dump a PostgreSQL 99 server"),
        qPrintable(none.error().message));
    QVERIFY(none.error().message.contains("postgresql-client-99"));
}

void tst_BackupJob::oldPgDumpIsRefusedBeforeAnythingRuns()
{
    QTemporaryDir tools;
    const QString marker = tools.filePath("ran");
    QFile script(tools.filePath("pg_dump"));
    QVERIFY(script.open(QIODevice::WriteOnly));
    // Prints an old version; if it were ever run for a dump it would leave a marker file.
    script.write(QStringLiteral("#!/bin/sh\nif [ \"$1\" = --version ]; then echo 'pg_dump "
                                "(PostgreSQL) 13.9'; exit 0; fi\ntouch '%1'\nexit 1\n")
                     .arg(marker)
                     .toUtf8());
    script.close();
    script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    BackupOptions o;
    o.outputPath = m_dir.filePath("old.dump");
    auto job = std::make_shared<BackupJob>(TestServer::profile(kDb), QString(), o);
    job->setToolFolders({ tools.path() });
    job->setCatalogPath(m_catalog);
    const JobResult r = job->start().result();
    QVERIFY(!r.ok);
    QCOMPARE(r.error.kind, Error::Kind::Tool);
    QVERIFY2(r.error.message.startsWith("pg_dump 13 cannot dump a PostgreSQL 15 server: install "
                                        "postgresql-client-15 or set the tools folder"),
        qPrintable(r.error.message));
    QVERIFY2(r.error.detail.contains(tools.filePath("pg_dump")), qPrintable(r.error.detail));
    QVERIFY(!QFile::exists(marker));
    QVERIFY(!QFile::exists(o.outputPath));
    QVERIFY(leftovers(m_dir.path()).isEmpty());
}

void tst_BackupJob::toolVersionIsReadOnceUntilTheFileChanges()
{
    QTemporaryDir tools;
    const QString counter = tools.filePath("runs");
    // Each `--version` appends a line to the counter file.
    auto writeTool = [&](const QString &version) {
        QFile script(tools.filePath("pg_dump"));
        QVERIFY(script.open(QIODevice::WriteOnly | QIODevice::Truncate));
        script.write(QStringLiteral("#!/bin/sh\necho x >> '%1'\necho 'pg_dump (PostgreSQL) %2'\n")
                         .arg(counter, version)
                         .toUtf8());
        script.close();
        script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    };
    auto runs = [&] {
        QFile f(counter);
        return f.open(QIODevice::ReadOnly) ? f.readAll().count('\n') : 0;
    };
    writeTool("13.9");
    ToolLocator locator(TestServer::profile(kDb));
    locator.setSearchFolders({ tools.path() });
    QCOMPARE(locator.locate("pg_dump", 0, "dump")->major, 13);
    QCOMPARE(locator.locate("pg_dump", 0, "dump")->major, 13);
    ToolLocator again(TestServer::profile(kDb));
    again.setSearchFolders({ tools.path() });
    QCOMPARE(again.locate("pg_dump", 0, "dump")->major, 13);
    QCOMPARE(runs(), 1);

    // A newer pg_dump installed in its place is read again.
    writeTool("16.4");
    auto t = again.locate("pg_dump", 15, "dump a PostgreSQL 15 server");
    QVERIFY2(t.ok(), qPrintable(t.error().toString()));
    QCOMPARE(t->major, 16);
    QCOMPARE(runs(), 2);
}

void tst_BackupJob::debianWrapperIsNotRunWhenARealCopyIsFound()
{
    // bin/pg_dump -> share/pg_wrapper (as /usr/bin/pg_dump on Debian), and a real copy in real/.
    QTemporaryDir root;
    QVERIFY(QDir(root.path()).mkpath("bin") && QDir(root.path()).mkpath("share")
        && QDir(root.path()).mkpath("real"));
    const QString counter = root.filePath("wrapper-runs");
    auto writeScript = [](const QString &path, const QString &body) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(("#!/bin/sh\n" + body).toUtf8());
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    };
    writeScript(root.filePath("share/pg_wrapper"),
        QStringLiteral("echo x >> '%1'\necho 'pg_dump (PostgreSQL) 15.2'\n").arg(counter));
    QVERIFY(QFile::link(root.filePath("share/pg_wrapper"), root.filePath("bin/pg_dump")));
    writeScript(root.filePath("real/pg_dump"), "echo 'pg_dump (PostgreSQL) 15.2'\n");

    ToolLocator locator(TestServer::profile(kDb));
    locator.setSearchFolders({ root.filePath("bin"), root.filePath("real") });
    const auto all = locator.findAll("pg_dump");
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().path, root.filePath("real/pg_dump"));
    QVERIFY2(!QFile::exists(counter), "the wrapper was started");

    // Alone, the wrapper is what there is.
    locator.setSearchFolders({ root.filePath("bin") });
    auto t = locator.locate("pg_dump", 15, "dump a PostgreSQL 15 server");
    QVERIFY2(t.ok(), qPrintable(t.error().toString()));
    QCOMPARE(t->path, root.filePath("bin/pg_dump"));
    QVERIFY(QFile::exists(counter));
}

void tst_BackupJob::missingToolsNameWhereTheyWereLookedFor()
{
    QTemporaryDir empty;
    BackupOptions o;
    o.outputPath = m_dir.filePath("missing.dump");
    auto job = std::make_shared<BackupJob>(TestServer::profile(kDb), QString(), o);
    job->setToolFolders({ empty.path() });
    const JobResult r = job->start().result();
    QVERIFY(!r.ok);
    QVERIFY2(r.error.message.contains("pg_dump was not found"), qPrintable(r.error.message));
    QVERIFY(r.error.message.contains(empty.path()));
    QVERIFY(r.error.hint.contains("postgresql-client-15"));
    QVERIFY(!QFile::exists(o.outputPath));
}

void tst_BackupJob::dockerCommandRunsInsideTheContainer()
{
    // Docker cannot run here (no daemon): the command construction is what is checked.
    ConnectionProfile p = TestServer::profile(kDb);
    p.dockerContainer = "pg-prod";
    ToolLocator locator(p);
    ToolInfo t;
    t.program = "pg_dump";
    t.path = "pg_dump";
    t.major = 15;
    t.dockerContainer = "pg-prod";
    BackupOptions o;
    o.outputPath = "/backups/x.dump";
    const QStringList args = BackupJob::dumpArguments(o, {}, p.toConnInfo(), {});
    const ToolCommand c = locator.command(t, args);
    QCOMPARE(c.program, QStringLiteral("docker"));
    QCOMPARE(c.arguments.mid(0, 2), (QStringList { "exec", "-i" }));
    const int at = c.arguments.indexOf("pg-prod");
    QVERIFY(at > 0);
    QCOMPARE(c.arguments.at(at + 1), QStringLiteral("pg_dump"));
    QVERIFY(c.arguments.contains("PGPASSWORD")); // forwarded by name, no value
    for (const QString &a : c.arguments)
        QVERIFY2(!a.startsWith("--file"), qPrintable(a)); // output comes back on stdout
    QVERIFY(c.display().startsWith("docker exec -i "));

    auto job = std::make_shared<BackupJob>(p, QString(), [] {
        BackupOptions d;
        d.outputPath = "/tmp/never-written";
        d.format = BackupFormat::Directory;
        return d;
    }());
    const JobResult r = job->start().result();
    QVERIFY(!r.ok);
    QVERIFY(r.error.message.contains("Docker"));
}

void tst_BackupJob::backupWritesManifestCatalogAndNoPartialFile()
{
    BackupOptions o;
    o.outputPath = m_dir.filePath("full.dump");
    auto job = std::make_shared<BackupJob>(TestServer::profile(kDb), QString(), o);
    job->setCatalogPath(m_catalog);
    const JobResult r = job->start().result();
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QVERIFY(QFileInfo(o.outputPath).size() > 0);
    QCOMPARE(r.bytes, QFileInfo(o.outputPath).size());
    QVERIFY(leftovers(m_dir.path()).isEmpty());
    // The command shown names the target, never the temporary file, and has no password.
    QVERIFY2(job->commandLine().contains("--file=" + o.outputPath), qPrintable(job->commandLine()));
    QVERIFY(!job->commandLine().contains("partial"));
    // How long pg_dump itself ran, within the job's time, and said in the log.
    QVERIFY(r.toolMs > 0);
    QVERIFY2(
        r.toolMs <= r.elapsedMs, qPrintable(QString("%1 > %2").arg(r.toolMs).arg(r.elapsedMs)));
    QVERIFY2(job->log().last().contains("] finished in "), qPrintable(job->log().last()));
    QVERIFY2(job->log().first().startsWith("[   0."), qPrintable(job->log().first()));

    auto m = BackupManifest::read(o.outputPath);
    QVERIFY2(m.ok(), qPrintable(m.error().toString()));
    QCOMPARE(m->database, QString(kDb));
    QVERIFY(m->serverVersion.startsWith("PostgreSQL 15"));
    QVERIFY(m->toolVersion.contains("15"));
    QCOMPARE(m->format, QStringLiteral("custom"));
    QCOMPARE(m->size, QFileInfo(o.outputPath).size());
    // Chunked checksums, hashed while pg_dump wrote: the same as the archive's own now.
    QCOMPARE(m->digest.scheme, ArchiveDigest::Scheme::Chunked);
    auto fresh = archivedigest::compute(o.outputPath, ArchiveDigest::Scheme::Chunked);
    QVERIFY(fresh.ok());
    QCOMPARE(m->digest.hex, fresh->hex);
    QVERIFY2(job->log().join('\n').contains("hashed while pg_dump wrote"),
        qPrintable(job->log().join('\n')));
    bool sawBig = false;
    for (const auto &v : m->objects())
        if (v.toObject().value("name").toString() == "big_a")
            sawBig = v.toObject().value("rows_estimate").toDouble() > 1000000;
    QVERIFY(sawBig);

    auto list = BackupCatalog(m_catalog).list();
    QVERIFY(list.ok());
    // The history also holds the earlier tests' failed runs.
    QList<BackupEntry> written;
    for (const BackupEntry &e : list.value())
        if (e.outcome == BackupOutcome::Written)
            written << e;
    QCOMPARE(written.size(), 1);
    QCOMPARE(written.first().sha256, m->digest.hex);
    QCOMPARE(written.first().database, QString(kDb));
    QVERIFY(listArchive(o.outputPath).contains("TABLE DATA public big_a"));
}

void tst_BackupJob::backupReplacesAnOlderFileOfTheSameName()
{
    BackupOptions o;
    o.outputPath = m_dir.filePath("nightly.dump");
    o.schemaOnly = true;
    {
        QFile old(o.outputPath);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write(QByteArray(1 << 20, 'x'));
    }
    auto job = std::make_shared<BackupJob>(TestServer::profile(kDb), QString(), o);
    job->setCatalogPath({});
    const JobResult r = job->start().result();
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QFile now(o.outputPath);
    QVERIFY(now.open(QIODevice::ReadOnly));
    QCOMPARE(now.read(5), QByteArray("PGDMP"));
    QCOMPARE(now.size(), r.bytes);
    QCOMPARE(BackupManifest::read(o.outputPath)->digest.hex,
        archivedigest::compute(o.outputPath, ArchiveDigest::Scheme::Chunked)->hex);
    QVERIFY(leftovers(m_dir.path()).isEmpty());
}

void tst_BackupJob::hashReportsItsProgress()
{
    // A file of 3.5 MB and a directory of two files: the bytes hashed, out of all of them.
    QTemporaryDir d;
    auto write = [](const QString &path, qint64 bytes) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(bytes, 'a'));
    };
    write(d.filePath("one.dump"), 3 * (1 << 20) + 512 * 1024);
    QDir().mkpath(d.filePath("dir"));
    write(d.filePath("dir/toc.dat"), 1000);
    write(d.filePath("dir/3001.dat"), 2 * (1 << 20));
    for (const auto &[path, expected] :
        { std::pair { d.filePath("one.dump"), qint64(3 * (1 << 20) + 512 * 1024) },
            std::pair { d.filePath("dir"), qint64(2 * (1 << 20) + 1000) } }) {
        // Whole on one thread, chunked of 1 MiB on one thread (so that every step is seen):
        // the bytes hashed grow to all of them.
        for (const auto scheme : { ArchiveDigest::Scheme::Whole, ArchiveDigest::Scheme::Chunked }) {
            QList<QPair<qint64, qint64>> seen;
            HashControl control;
            control.threads = 1;
            control.progress = [&](qint64 done, qint64 all) { seen.append({ done, all }); };
            auto sha = archivedigest::compute(path, scheme, control, 1 << 20);
            QVERIFY(sha.ok());
            QCOMPARE(sha->size(), expected);
            QVERIFY2(seen.size() >= 3, qPrintable(path));
            for (int i = 0; i < seen.size(); ++i) {
                QCOMPARE(seen.at(i).second, expected);
                QVERIFY(i == 0 || seen.at(i).first > seen.at(i - 1).first);
            }
            QCOMPARE(seen.last().first, expected);
        }
    }
}

void tst_BackupJob::checksumsHashedWhilePgDumpWritesMatchTheArchiveInEveryFormat()
{
    // Chunks of 64 KiB, so that the custom format's table of contents and its data share a
    // chunk and the data spans hundreds: what the follower hashed while pg_dump wrote (and
    // hashed again where pg_dump rewrote) must be what the finished archive holds, chunk by
    // chunk, in every format pg_dump writes.
    constexpr qint64 kChunk = 64 * 1024;
    struct Case
    {
        const char *name;
        BackupFormat format;
        int compress;
        int jobs;
    };
    for (const Case &c : { Case { "custom.dump", BackupFormat::Custom, -1, 1 },
             Case { "custom0.dump", BackupFormat::Custom, 0, 1 },
             Case { "dir.d", BackupFormat::Directory, 0, 2 },
             Case { "archive.tar", BackupFormat::Tar, -1, 1 },
             Case { "plain.sql", BackupFormat::Plain, -1, 1 } }) {
        BackupOptions o;
        o.outputPath = m_dir.filePath(c.name);
        o.format = c.format;
        o.compress = c.compress;
        o.jobs = c.jobs;
        o.tables = QStringList { "public.big_b", "public.region" };
        auto job = std::make_shared<BackupJob>(TestServer::profile(kDb), QString(), o);
        job->setCatalogPath({});
        job->setChunkBytes(kChunk);
        const JobResult r = job->start().result();
        QVERIFY2(r.ok, qPrintable(r.error.toString()));
        const QString log = job->log().join('\n');
        QVERIFY2(log.contains("hashed while pg_dump wrote"),
            qPrintable(c.name + ("\n" + job->log().mid(job->log().size() - 4).join(QChar(10)))));
        QVERIFY2(!log.contains("hashed again whole"), qPrintable(log));
        auto m = BackupManifest::read(o.outputPath);
        QVERIFY2(m.ok(), qPrintable(m.error().toString()));
        QCOMPARE(m->digest.chunkBytes, kChunk);
        auto fresh
            = archivedigest::compute(o.outputPath, ArchiveDigest::Scheme::Chunked, {}, kChunk);
        QVERIFY(fresh.ok());
        QCOMPARE(m->digest.files.size(), fresh->files.size());
        for (int i = 0; i < fresh->files.size(); ++i) {
            QCOMPARE(m->digest.files.at(i).name, fresh->files.at(i).name);
            QCOMPARE(m->digest.files.at(i).size, fresh->files.at(i).size);
            QVERIFY2(m->digest.files.at(i).chunks == fresh->files.at(i).chunks,
                qPrintable(QString("%1 %2").arg(c.name, fresh->files.at(i).name)));
        }
        QCOMPARE(m->digest.hex, fresh->hex);
        QVERIFY(archivedigest::check(o.outputPath, m->digest).ok());
        if (c.format == BackupFormat::Directory)
            QVERIFY(fresh->files.size() >= 3); // toc.dat and two tables' data
        else
            QVERIFY2(fresh->files.first().chunks.size() > 20, c.name);
    }
}

void tst_BackupJob::progressMovesWithTheTablesAndNeverGoesBack()
{
    BackupOptions o;
    o.outputPath = m_dir.filePath("progress.dump");
    o.compress = 1;
    auto job = std::make_shared<BackupJob>(TestServer::profile(kDb), QString(), o);
    job->setCatalogPath({});
    QList<double> seen;
    bool sawObject = false;
    auto f = job->start();
    while (!f.isFinished()) {
        const JobStatus s = job->status();
        seen << s.fraction;
        sawObject |= s.object.startsWith("public.big_");
        QThread::msleep(20);
    }
    QVERIFY2(f.result().ok, qPrintable(f.result().error.toString()));
    for (int i = 1; i < seen.size(); ++i)
        QVERIFY(seen[i] >= seen[i - 1]);
    int middle = 0;
    for (double v : seen)
        middle += (v > 0.1 && v < 0.9) ? 1 : 0;
    // A bar that jumps from 0 to 100 would have no samples in between.
    QVERIFY2(middle >= 3, qPrintable(QString::number(middle)));
    QVERIFY(sawObject);
    QCOMPARE(job->status().fraction, 1.0);
}

void tst_BackupJob::foreignKeyClosureOfOddlyNamedTables()
{
    BackupOptions o;
    o.outputPath = m_dir.filePath("closure.dump");
    o.tables = { QString::fromUtf8(R"("Sch ém""a.x"."Tab ""le"".y")") };
    o.withDependencies = true;
    auto job = std::make_shared<BackupJob>(TestServer::profile(kDb), QString(), o);
    job->setCatalogPath({});
    const JobResult r = job->start().result();
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    const BackupPlan plan = job->plan();
    QStringList added;
    for (const auto &t : plan.closureAdded)
        added << t.qualified();
    added.sort();
    QCOMPARE(added, (QStringList { QString::fromUtf8("Sch ém\"a.x.Cüstomer"), "public.region" }));
    const QString toc = listArchive(o.outputPath);
    QVERIFY2(
        toc.contains(QString::fromUtf8("TABLE DATA Sch ém\"a.x Tab \"le\".y")), qPrintable(toc));
    QVERIFY(toc.contains(QString::fromUtf8("TABLE DATA Sch ém\"a.x Cüstomer")));
    QVERIFY(toc.contains("TABLE DATA public region"));
    QVERIFY(!toc.contains("unrelated"));
    QVERIFY(!toc.contains("big_a"));
}

void tst_BackupJob::cancelMidDumpRemovesThePartialFile()
{
    BackupOptions o;
    o.outputPath = m_dir.filePath("cancelled.dump");
    const QString catalog = m_dir.filePath("cancel-catalog.sqlite");
    auto job = std::make_shared<BackupJob>(TestServer::profile(kDb), QString(), o);
    job->setCatalogPath(catalog);
    auto f = job->start();
    QVERIFY(
        waitFor([&] { return logContains(*job, "dumping contents of table \"public.big_a\""); }));
    QVERIFY(!leftovers(m_dir.path()).isEmpty()); // the partial file exists while it runs
    job->cancel();
    QVERIFY(waitFor([&] { return f.isFinished(); }));
    const auto r = job->result();
    QVERIFY(r.has_value());
    QVERIFY(!r->ok);
    QVERIFY(r->canceled);
    QVERIFY(!QFile::exists(o.outputPath));
    QVERIFY2(leftovers(m_dir.path()).isEmpty(), qPrintable(leftovers(m_dir.path()).join(",")));
    // The history has the run as cancelled (with its log), and no backup.
    auto list = BackupCatalog(catalog).list();
    QVERIFY(list.ok());
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->first().outcome, BackupOutcome::Cancelled);
}

void tst_BackupJob::cancelRightAfterStartEndsTheJob()
{
    // Whether the worker has begun or not, the job must end and say it was cancelled.
    BackupOptions o;
    o.outputPath = m_dir.filePath("early.dump");
    auto job = std::make_shared<BackupJob>(TestServer::profile(kDb), QString(), o);
    job->setCatalogPath({});
    auto f = job->start();
    job->cancel();
    QVERIFY(waitFor([&] { return f.isFinished(); }));
    QVERIFY(!job->isRunning());
    QVERIFY(job->result().has_value());
    QVERIFY(job->result()->canceled);
    QVERIFY(!QFile::exists(o.outputPath));
    QVERIFY(leftovers(m_dir.path()).isEmpty());
}

void tst_BackupJob::serverDyingMidDumpFailsCleanly()
{
    BackupOptions o;
    o.outputPath = m_dir.filePath("killed.dump");
    auto job = std::make_shared<BackupJob>(TestServer::profile(kDb), QString(), o);
    job->setCatalogPath({});
    auto f = job->start();
    QVERIFY(
        waitFor([&] { return logContains(*job, "dumping contents of table \"public.big_a\""); }));
    TestServer::exec("postgres",
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE application_name LIKE 'strata-backup-%'");
    QVERIFY(waitFor([&] { return f.isFinished(); }));
    const JobResult r = f.result();
    QVERIFY(!r.ok);
    QCOMPARE(r.error.kind, Error::Kind::Tool);
    QVERIFY2(r.error.message.startsWith("pg_dump failed"), qPrintable(r.error.toString()));
    QVERIFY(!QFile::exists(o.outputPath));
    QVERIFY(leftovers(m_dir.path()).isEmpty());
}

void tst_BackupJob::writeFailureMidDumpFailsAndLeavesNoFile()
{
    // A disk that fills up mid-dump, on any machine and without mounting anything: a file-size
    // limit (RLIMIT_FSIZE), which pg_dump inherits, makes its writes fail past 1 MB the way a
    // full disk does (EFBIG, "File too large", where a full disk says ENOSPC). SIGXFSZ is
    // ignored, as it stays across exec, so the write fails instead of the signal ending pg_dump.
    BackupOptions o;
    o.outputPath = m_dir.filePath("too-large.dump");
    o.compress = 0;
    auto job = std::make_shared<BackupJob>(TestServer::profile(kDb), QString(), o);
    job->setCatalogPath({});
    rlimit old {};
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &old), 0);
    rlimit small = old;
    small.rlim_cur = 1 << 20;
    const auto previous = std::signal(SIGXFSZ, SIG_IGN);
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &small), 0);
    const JobResult r = job->start().result();
    ::setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, previous);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.toString().contains("File too large"), qPrintable(r.error.toString()));
    QVERIFY2(!QFile::exists(o.outputPath), qPrintable(job->log().join('\n')));
    QVERIFY2(leftovers(m_dir.path()).isEmpty(), qPrintable(leftovers(m_dir.path()).join(",")));
}

void tst_BackupJob::passwordNeverAppearsInAProcessArgument()
{
    ConnectionProfile p = TestServer::profile(kDb);
    p.user = TestServer::scramUser();
    const QByteArray secret = TestServer::scramPassword().toUtf8();
    qunsetenv("PGPASSWORD");
    qputenv("PGPASSFILE", "/nonexistent/pgpass");
    std::atomic<bool> stop { false };
    std::atomic<int> scans { 0 };
    QStringList offenders;
    std::thread scanner([&] {
        while (!stop) {
            QDirIterator it("/proc", {}, QDir::Dirs | QDir::NoDotAndDotDot);
            while (it.hasNext()) {
                QFile f(it.next() + "/cmdline");
                if (f.open(QIODevice::ReadOnly) && f.readAll().contains(secret))
                    offenders << f.fileName();
            }
            ++scans;
        }
    });
    BackupOptions o;
    o.outputPath = m_dir.filePath("scram.dump");
    o.schemas = { QString::fromUtf8("Sch ém\"a.x") };
    auto job = std::make_shared<BackupJob>(p, TestServer::scramPassword(), o);
    job->setCatalogPath({});
    const JobResult r = job->start().result();
    stop = true;
    scanner.join();
    qunsetenv("PGPASSFILE");
    QVERIFY2(r.ok, qPrintable(r.error.toString() + "\n" + job->log().join("\n")));
    QVERIFY(scans > 0);
    QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(",")));
    QVERIFY(!job->commandLine().contains(TestServer::scramPassword()));
    for (const QString &l : job->log())
        QVERIFY(!l.contains(TestServer::scramPassword()));
    QVERIFY(QDir::temp().entryList({ "strata-pgpass-*" }, QDir::Files).isEmpty());
    QVERIFY(listArchive(o.outputPath).contains(QString::fromUtf8("Cüstomer")));
}

void tst_BackupJob::invalidOptionsAreRefused()
{
    BackupOptions o;
    o.outputPath = m_dir.filePath("x.dump");
    o.jobs = 4;
    QVERIFY(!o.validate().ok());
    o.jobs = 1;
    o.onConflictDoNothing = true;
    QVERIFY(!o.validate().ok());
    o.inserts = true;
    QVERIFY(o.validate().ok());
    o.tables = { "no_such_table" };
    auto job = std::make_shared<BackupJob>(TestServer::profile(kDb), QString(), o);
    job->setCatalogPath({});
    const JobResult r = job->start().result();
    QVERIFY(!r.ok);
    QVERIFY(r.error.message.contains("no_such_table"));
    QVERIFY(!QFile::exists(o.outputPath));
}

void tst_BackupJob::partitionedTableIsBackedUpWithItsWholeTree()
{
    // pg_dump -t of a partitioned table dumps the parent's definition alone: its rows live in
    // the partitions (and their partitions), which must be chosen with it.
    BackupOptions o;
    o.outputPath = m_dir.filePath("parted.dump");
    o.tables = { "public.parted" };
    auto job = std::make_shared<BackupJob>(TestServer::profile(kDb), QString(), o);
    job->setCatalogPath({});
    const JobResult r = job->start().result();
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    const QString toc = listArchive(o.outputPath);
    for (const char *t : { "parted_2023", "parted_2024_low", "parted_2024_high" })
        QVERIFY2(toc.contains(QStringLiteral("TABLE DATA public %1 ").arg(t)), qPrintable(toc));
    QVERIFY(!toc.contains("big_a"));
    auto m = BackupManifest::read(o.outputPath);
    QVERIFY(m.ok());
    QStringList objects;
    for (const auto &v : m->objects())
        objects << v.toObject().value("name").toString();
    objects.sort();
    QCOMPARE(objects, (QStringList { "parted_2023", "parted_2024_high", "parted_2024_low" }));
    // Restored whole: every row is back.
    TestServer::dropDatabase("tst_backup_parted_copy");
    QCOMPARE(TestServer::exec("postgres", "CREATE DATABASE tst_backup_parted_copy"), QString());
    QProcess p;
    p.start(TestServer::binDir() + "/pg_restore",
        { "--dbname=" + TestServer::connInfo("tst_backup_parted_copy"), o.outputPath });
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(TestServer::scalar("tst_backup_parted_copy", "SELECT count(*) FROM public.parted"),
        QStringLiteral("300"));
    TestServer::dropDatabase("tst_backup_parted_copy");
}

void tst_BackupJob::foreignKeyClosureTakesAPartitionedTableWhole()
{
    BackupOptions o;
    o.outputPath = m_dir.filePath("parted-closure.dump");
    o.tables = { "public.parted_ref" };
    o.withDependencies = true;
    auto job = std::make_shared<BackupJob>(TestServer::profile(kDb), QString(), o);
    job->setCatalogPath({});
    const JobResult r = job->start().result();
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QStringList added;
    for (const auto &t : job->plan().closureAdded)
        added << t.qualified();
    added.sort();
    QCOMPARE(added,
        (QStringList { "public.parted", "public.parted_2023", "public.parted_2024",
            "public.parted_2024_high", "public.parted_2024_low" }));
    const QString toc = listArchive(o.outputPath);
    QVERIFY2(toc.contains("TABLE DATA public parted_2024_low "), qPrintable(toc));
    QVERIFY(toc.contains("TABLE DATA public parted_ref "));
}

void tst_BackupJob::emptyFolderAsOutputOfAFileFormatIsRefused()
{
    const QString folder = m_dir.filePath("an-empty-folder");
    QVERIFY(QDir().mkpath(folder));
    BackupOptions o;
    o.outputPath = folder;
    o.tables = { "public.region" };
    auto job = std::make_shared<BackupJob>(TestServer::profile(kDb), QString(), o);
    job->setCatalogPath({});
    const JobResult r = job->start().result();
    QVERIFY(!r.ok);
    QVERIFY2(r.error.message.contains("is a folder"), qPrintable(r.error.toString()));
    QVERIFY(QFileInfo(folder).isDir());
    QVERIFY(!logContains(*job, "running:"));
}

void tst_BackupJob::directoryFormatOverAFileIsRefusedBeforeDumping()
{
    const QString file = m_dir.filePath("a-file-already");
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("keep me");
    f.close();
    BackupOptions o;
    o.outputPath = file;
    o.format = BackupFormat::Directory;
    o.tables = { "public.region" };
    auto job = std::make_shared<BackupJob>(TestServer::profile(kDb), QString(), o);
    job->setCatalogPath({});
    const JobResult r = job->start().result();
    QVERIFY(!r.ok);
    QVERIFY2(r.error.message.contains("is a file"), qPrintable(r.error.toString()));
    QVERIFY2(!logContains(*job, "running:"), qPrintable(job->log().join('\n')));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("keep me"));
    QVERIFY(leftovers(m_dir.path()).isEmpty());
}

void tst_BackupJob::partialFileOfADeadBackupIsRemovedAndOthersAreNot()
{
    // What an interrupted run (SIGKILL, a power cut) leaves: its partial file and the owner
    // record beside it. The owner is provably gone when its process is: that one is removed.
    // A partial file whose owner still runs, or that has no owner record, is left alone.
    QTemporaryDir dir;
    const QString target = dir.filePath("nightly.dump");
    bool recorded = true;
    auto plant = [&](const QString &suffix, qint64 pid, bool withOwner) {
        const QString partial = dir.filePath(".nightly.dump.partial-" + suffix);
        QFile f(partial);
        f.open(QIODevice::WriteOnly);
        f.write(QByteArray(4096, 'x'));
        f.close();
        if (withOwner)
            recorded = recorded && BackupJob::writeOwnerRecord(partial, pid).ok();
        return partial;
    };
    // A pid that is not running: a child that has ended and been reaped.
    QProcess gone;
    gone.start("sleep", { "0.1" });
    QVERIFY(gone.waitForStarted());
    const qint64 deadPid = gone.processId();
    QVERIFY(gone.waitForFinished());
    QVERIFY(deadPid > 0);
    const QString dead = plant("dead1", deadPid, true);
    const QString alive = plant("alive1", QCoreApplication::applicationPid(), true);
    const QString orphan = plant("noowner", 0, false);
    QVERIFY(recorded);
    BackupOptions o;
    o.outputPath = target;
    o.tables = { "public.region" };
    auto job = std::make_shared<BackupJob>(TestServer::profile(kDb), QString(), o);
    job->setCatalogPath({});
    const JobResult r = job->start().result();
    QVERIFY2(r.ok, qPrintable(r.error.toString()));
    QVERIFY(!QFile::exists(dead));
    QVERIFY(!QFile::exists(dead + ".owner"));
    QVERIFY(logContains(*job, "removed the partial file of an interrupted backup"));
    QVERIFY(QFile::exists(alive));
    QVERIFY(QFile::exists(orphan));
}

QTEST_GUILESS_MAIN(tst_BackupJob)
#include "tst_backupjob.moc"
