#include "bench.h"

#include "db/session.h"
#include "jobs/archiveinspector.h"
#include "jobs/backupjob.h"
#include "jobs/restorejob.h"
#include "jobs/toollocator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>

#include <unistd.h>

using namespace strata::core;

// Strata's backup and restore jobs against the same pg_dump / pg_restore run bare, on a
// database of at least 500 MB that the bench makes (and keeps for the next run), plus how well
// the progress bar tracks the bytes: the fraction shown at 25/50/75% of the elapsed time next to
// the true fraction of bytes written at that moment.
namespace {

const QString kDb = QStringLiteral("strata_bench_jobs");
const QString kTarget = QStringLiteral("strata_bench_jobs_restore");
constexpr qint64 kMinBytes = 500LL * 1024 * 1024;

struct Env
{
    ConnectionProfile admin;
    ConnectionProfile source;
    ConnectionProfile target;
    QString password;
    QString dir;
    ToolInfo pgDump;
    ToolInfo pgRestore;
};

Result<PgResult> adminExec(Env &env, const QString &db, const QString &sql)
{
    ConnectionProfile p = env.admin;
    p.database = db;
    SessionOptions o;
    o.readOnly = false;
    o.statementTimeoutMs = 0;
    Session s(p, env.password, o);
    return s.run([sql](SessionContext &ctx) { return ctx.execScript(sql); }).result();
}

bool prepare(Env &env, const QStringList &args)
{
    if (args.isEmpty()) {
        std::fprintf(stderr, "usage: strata-bench backup|restore CONNINFO (a superuser)\n");
        return false;
    }
    auto p = ConnectionProfile::fromConnInfo(args.first(), &env.password);
    if (!p) {
        std::fprintf(stderr, "%s\n", qPrintable(p.error().toString()));
        return false;
    }
    env.admin = p.value();
    env.admin.database = QStringLiteral("postgres");
    env.source = env.admin;
    env.source.database = kDb;
    env.target = env.admin;
    env.target.database = kTarget;
    env.dir = QDir::temp().filePath(QStringLiteral("strata-bench-jobs"));
    QDir().mkpath(env.dir);

    auto exists = adminExec(env, QStringLiteral("postgres"),
        QStringLiteral("SELECT coalesce((SELECT pg_database_size(datname) FROM "
                       "pg_database WHERE datname = '%1'), 0)")
            .arg(kDb));
    if (!exists) {
        std::fprintf(stderr, "%s\n", qPrintable(exists.error().toString()));
        return false;
    }
    if (exists->toLongLong(0, 0) < kMinBytes) {
        std::fprintf(
            stderr, "strata-bench: making %s (at least 500 MB, once)...\n", qPrintable(kDb));
        adminExec(
            env, QStringLiteral("postgres"), QStringLiteral("DROP DATABASE IF EXISTS %1").arg(kDb));
        auto c = adminExec(
            env, QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1").arg(kDb));
        if (!c) {
            std::fprintf(stderr, "%s\n", qPrintable(c.error().toString()));
            return false;
        }
        // Tables of very different sizes, so that progress by table count would be wrong.
        auto fill = adminExec(env, kDb, QStringLiteral(R"SQL(
            CREATE TABLE events (id bigserial PRIMARY KEY, at timestamptz, kind int, payload text);
            INSERT INTO events(at, kind, payload)
                SELECT now() - g * interval '1 second', g % 17, md5(g::text) || repeat('x', 120)
                FROM generate_series(1, 2200000) g;
            CREATE TABLE measurements AS
                SELECT g AS id, random() AS v, md5(g::text) AS tag FROM generate_series(1, 1500000) g;
            CREATE TABLE customers (id serial PRIMARY KEY, name text);
            INSERT INTO customers(name) SELECT 'customer ' || g FROM generate_series(1, 20000) g;
            CREATE TABLE tiny (id int PRIMARY KEY);
            INSERT INTO tiny VALUES (1), (2), (3);
            ANALYZE;)SQL"));
        if (!fill) {
            std::fprintf(stderr, "%s\n", qPrintable(fill.error().toString()));
            return false;
        }
    }
    auto size = adminExec(env, kDb, QStringLiteral("SELECT pg_database_size(current_database())"));
    if (size)
        strata::bench::report(QStringLiteral("jobs.database_mb"),
            size->toLongLong(0, 0) / 1048576.0, QStringLiteral("MB"));
    ToolLocator locator(env.source);
    auto d = locator.locate(QStringLiteral("pg_dump"), 0, QStringLiteral("dump"));
    auto r = locator.locate(QStringLiteral("pg_restore"), 0, QStringLiteral("restore"));
    if (!d || !r) {
        std::fprintf(stderr, "pg_dump / pg_restore not found\n");
        return false;
    }
    env.pgDump = d.value();
    env.pgRestore = r.value();
    return true;
}

// `probe` is the measuring the job's run carries (every 50 ms): the bare run carries it too,
// so that neither is charged for it alone.
double runBare(const QString &program, const QStringList &args, const QString &password,
    const std::function<void()> &probe = {})
{
    QProcess p;
    auto e = QProcessEnvironment::systemEnvironment();
    if (!password.isEmpty())
        e.insert(QStringLiteral("PGPASSWORD"), password);
    p.setProcessEnvironment(e);
    p.setStandardOutputFile(QProcess::nullDevice());
    p.setStandardErrorFile(QProcess::nullDevice());
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    while (!p.waitForFinished(50) && p.state() != QProcess::NotRunning)
        if (probe)
            probe();
    if (p.exitCode() != 0)
        std::fprintf(stderr, "strata-bench: %s failed\n", qPrintable(program));
    return t.nsecsElapsed() / 1e9;
}

// The middle of an odd number of runs: one run slowed by the machine does not move it.
double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

// Rounds of a bare run and Strata's job back to back, the bare run first in even rounds and
// second in odd ones (whatever the first run leaves behind, the second pays for alike).
constexpr int kRounds = 7;

void runRound(int round, const std::function<void()> &bare, const std::function<void()> &job)
{
    if (round % 2 == 0) {
        bare();
        job();
    } else {
        job();
        bare();
    }
}

// The wall times of both, and three views of Strata's share:
// - overhead_pct: the median over rounds of (job - bare) / bare, each round's two runs made
//   back to back; this machine's run-to-run noise (other tenants of a shared VM) is in it, and
//   the lowest and highest round show how large that is;
// - overhead_best_pct: the fastest job against the fastest bare run: noise only ever adds time,
//   so the fastest run of each is the closest to its cost on a quiet machine;
// - strata_own_s / _pct: measured inside each job run, its wall time minus the time the tool's
//   process ran (JobResult::toolMs): what Strata does before and after the tool (connecting,
//   reading sizes, the SHA-256, the manifest, resetting sequences), free of the noise between
//   runs. What Strata does during the tool (reading its messages, one progress query a second
//   at most) is in the first two only.
void reportTimes(const QString &prefix, const QString &tool, const QList<double> &bare,
    const QList<double> &job, const QList<double> &own)
{
    QList<double> overhead;
    for (int i = 0; i < std::min(bare.size(), job.size()); ++i)
        overhead << 100.0 * (job.at(i) - bare.at(i)) / bare.at(i);
    strata::bench::report(prefix + u'.' + tool + QStringLiteral("_bare_s"), median(bare), "s");
    strata::bench::report(prefix + QStringLiteral(".strata_job_s"), median(job), "s");
    strata::bench::report(prefix + QStringLiteral(".overhead_pct"), median(overhead), "%");
    std::sort(overhead.begin(), overhead.end());
    if (!overhead.isEmpty()) {
        strata::bench::report(
            prefix + QStringLiteral(".overhead_lowest_round_pct"), overhead.first(), "%");
        strata::bench::report(
            prefix + QStringLiteral(".overhead_highest_round_pct"), overhead.last(), "%");
        const double bestBare = *std::min_element(bare.cbegin(), bare.cend());
        const double bestJob = *std::min_element(job.cbegin(), job.cend());
        strata::bench::report(prefix + QStringLiteral(".overhead_best_pct"),
            100.0 * (bestJob - bestBare) / bestBare, "%");
    }
    if (own.size() != job.size()) {
        std::fprintf(
            stderr, "strata-bench: %s: a job failed, no own time reported\n", qPrintable(prefix));
        return;
    }
    strata::bench::report(prefix + QStringLiteral(".strata_own_s"), median(own), "s");
    strata::bench::report(
        prefix + QStringLiteral(".strata_own_pct"), 100.0 * median(own) / median(bare), "%");
}

struct Sample
{
    qint64 ms;
    double shown;
    qint64 bytes;
};

// Runs the job, sampling the bar and the true bytes every 50 ms on a thread of their own: the
// job's end is taken when it happens, as the bare run's is (a 50 ms polling loop would add
// 25 ms to the job on average). `own`: the job's time outside the tool's process.
double runJob(const std::shared_ptr<Job> &job, const std::function<qint64()> &bytesNow,
    QList<Sample> &samples, QList<double> &own)
{
    QElapsedTimer t;
    t.start();
    auto f = job->start();
    std::atomic<bool> ended { false };
    std::thread sampler([&] {
        while (!ended) {
            samples << Sample { t.elapsed(), job->status().fraction, bytesNow() };
            QThread::msleep(50);
        }
    });
    f.waitForFinished();
    const double secs = t.nsecsElapsed() / 1e9;
    ended = true;
    sampler.join();
    if (!job->result() || !job->result()->ok)
        std::fprintf(stderr, "strata-bench: the job failed: %s\n",
            job->result() ? qPrintable(job->result()->error.toString()) : "no result");
    else
        own << (job->result()->elapsedMs - job->result()->toolMs) / 1000.0;
    return secs;
}

void reportTracking(const QString &prefix, const QList<Sample> &samples, qint64 finalBytes)
{
    if (samples.isEmpty() || finalBytes <= 0)
        return;
    const qint64 total = samples.last().ms;
    for (int pct : { 25, 50, 75 }) {
        const qint64 at = total * pct / 100;
        const Sample *best = &samples.first();
        for (const Sample &s : samples)
            if (qAbs(s.ms - at) < qAbs(best->ms - at))
                best = &s;
        strata::bench::report(QStringLiteral("%1.progress_at_%2pct_time").arg(prefix).arg(pct),
            best->shown * 100, QStringLiteral("%"));
        strata::bench::report(QStringLiteral("%1.bytes_done_at_%2pct_time").arg(prefix).arg(pct),
            100.0 * double(best->bytes) / double(finalBytes), QStringLiteral("%"));
    }
}

qint64 partialSize(const QString &dir)
{
    qint64 n = 0;
    for (const QFileInfo &fi :
        QDir(dir).entryInfoList({ QStringLiteral(".*partial*") }, QDir::Files | QDir::Hidden))
        n += fi.size();
    return n;
}

QString archivePath(const Env &env, int compress)
{
    return QDir(env.dir).filePath(
        compress == 0 ? QStringLiteral("bench-uncompressed.dump") : QStringLiteral("bench.dump"));
}

// One comparison: kRounds runs of the bare pg_dump and of Strata's job, alternating.
// compress -1 is pg_dump's default (what the backup dialog starts with); 0 is uncompressed,
// the worst case for Strata's share: pg_dump is fastest while Strata's SHA-256 of the archive
// (which must read the finished file, since pg_dump rewrites its table of contents at the end)
// costs the same per byte.
void compareBackup(Env &env, int compress, const QString &prefix)
{
    const QString bare = QDir(env.dir).filePath(QStringLiteral("bare.dump"));
    QStringList bareArgs { QStringLiteral("--format=custom"), QStringLiteral("--file=") + bare,
        QStringLiteral("--dbname=") + env.source.toConnInfo() };
    if (compress >= 0)
        bareArgs << QStringLiteral("--compress=%1").arg(compress);
    runBare(env.pgDump.path, bareArgs, env.password); // warms the page cache
    QList<double> bareSecs, strataSecs, own; // one per round
    QList<Sample> samples;
    qint64 finalBytes = 0;
    const QString dir = env.dir;
    // Neither run pays for freeing the previous run's file inside its time: removed before,
    // untimed, and the background settles before the run starts.
    auto clear = [&] {
        QFile::remove(bare);
        QFile::remove(archivePath(env, compress));
        ::sync();
    };
    for (int i = 0; i < kRounds; ++i) {
        runRound(
            i,
            [&] {
                clear();
                bareSecs << runBare(
                    env.pgDump.path, bareArgs, env.password, [dir] { partialSize(dir); });
            },
            [&] {
                clear();
                BackupOptions o;
                o.outputPath = archivePath(env, compress);
                o.compress = compress;
                auto job = std::make_shared<BackupJob>(env.source, env.password, o);
                job->setCatalogPath({});
                samples.clear();
                strataSecs << runJob(
                    job, [dir] { return partialSize(dir); }, samples, own);
                finalBytes = QFileInfo(o.outputPath).size();
                // Once renamed the partial is gone: the last samples count as complete.
                for (Sample &s : samples)
                    if (s.bytes == 0 && s.ms > samples.last().ms / 2)
                        s.bytes = finalBytes;
            });
    }
    // The job's archive stays for the restore benchmark when the last round ran the job last
    // (kRounds odd); compareRestore makes it when it is missing.
    QFile::remove(bare);
    reportTimes(prefix, QStringLiteral("pg_dump"), bareSecs, strataSecs, own);
    strata::bench::report(prefix + QStringLiteral(".archive_mb"), finalBytes / 1048576.0, "MB");
    reportTracking(prefix, samples, finalBytes);
}

int benchBackup(const QStringList &args)
{
    Env env;
    if (!prepare(env, args))
        return 1;
    compareBackup(env, -1, QStringLiteral("jobs.backup"));
    compareBackup(env, 0, QStringLiteral("jobs.backup.uncompressed"));
    return 0;
}

// The restore of the archive the backup benchmark made with the same compression (made here
// when missing), bare and as Strata's job, which first checks the archive against its
// manifest's SHA-256 and afterwards resets the sequences.
bool compareRestore(Env &env, int compress, const QString &prefix)
{
    if (!QFile::exists(archivePath(env, compress))) {
        BackupOptions o;
        o.outputPath = archivePath(env, compress);
        o.compress = compress;
        auto job = std::make_shared<BackupJob>(env.source, env.password, o);
        job->setCatalogPath({});
        if (!job->start().result().ok) {
            std::fprintf(stderr, "strata-bench: the backup for the restore failed\n");
            return false;
        }
    }
    // An empty target for each run, and nothing of the previous run still to be written: the
    // server's dirty buffers (CHECKPOINT) and the kernel's (sync) are flushed, untimed.
    auto recreate = [&] {
        adminExec(env, QStringLiteral("postgres"),
            QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(kTarget));
        adminExec(
            env, QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1").arg(kTarget));
        adminExec(env, QStringLiteral("postgres"), QStringLiteral("CHECKPOINT"));
        ::sync();
    };
    // The same command Strata runs: one transaction, stop at the first error.
    const QStringList bareArgs { QStringLiteral("--exit-on-error"),
        QStringLiteral("--single-transaction"),
        QStringLiteral("--dbname=") + env.target.toConnInfo(), archivePath(env, compress) };
    QList<double> bareSecs, strataSecs, own; // one per round
    QList<Sample> samples;
    qint64 finalBytes = 0;
    // The database's growth is the restore's "bytes written"; read on a session of its own.
    auto sizeNow = [&env] {
        SessionOptions so;
        so.statementTimeoutMs = 0;
        auto monitor = std::make_shared<Session>(env.target, env.password, so);
        return std::function<qint64()>([monitor] {
            auto s = monitor
                         ->run([](SessionContext &ctx) {
                             return ctx.execText(
                                 QStringLiteral("SELECT pg_database_size(current_database())"));
                         })
                         .result();
            return s ? s->toLongLong(0, 0) : 0;
        });
    };
    for (int i = 0; i < kRounds; ++i) {
        runRound(
            i,
            [&] {
                recreate();
                auto probe = sizeNow();
                bareSecs << runBare(
                    env.pgRestore.path, bareArgs, env.password, [probe] { probe(); });
            },
            [&] {
                recreate();
                const qint64 empty = adminExec(
                    env, kTarget, QStringLiteral("SELECT pg_database_size(current_database())"))
                                         ->toLongLong(0, 0);
                RestoreOptions o;
                o.archivePath = archivePath(env, compress);
                // Every round a first restore of the archive: its SHA-256 is checked again, not
                // taken from the previous round.
                ArchiveInspector::forgetVerified();
                auto job = std::make_shared<RestoreJob>(env.target, env.password, o);
                auto probe = sizeNow();
                samples.clear();
                strataSecs << runJob(
                    job, [probe, empty] { return probe() - empty; }, samples, own);
                finalBytes = samples.isEmpty() ? 0
                                               : adminExec(env, kTarget,
                                                     QStringLiteral("SELECT pg_database_size("
                                                                    "current_database())"))
                                                     ->toLongLong(0, 0)
                        - empty;
            });
    }
    adminExec(env, QStringLiteral("postgres"),
        QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(kTarget));
    reportTimes(prefix, QStringLiteral("pg_restore"), bareSecs, strataSecs, own);
    reportTracking(prefix, samples, finalBytes);
    return true;
}

int benchRestore(const QStringList &args)
{
    Env env;
    if (!prepare(env, args))
        return 1;
    if (!compareRestore(env, -1, QStringLiteral("jobs.restore")))
        return 1;
    return compareRestore(env, 0, QStringLiteral("jobs.restore.uncompressed")) ? 0 : 1;
}

} // namespace

STRATA_BENCH("backup", "backup CONNINFO", benchBackup);
STRATA_BENCH("restore", "restore CONNINFO", benchRestore);
