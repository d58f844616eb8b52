#pragma once

#include "result.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QMutex>
#include <QPromise>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <atomic>
#include <memory>
#include <optional>

namespace strata::core {

// A snapshot of a running job for the panel and the CLI.
struct JobStatus
{
    double fraction = 0; // 0..1
    QString object; // what is being worked on: "public.orders"
    qint64 etaSeconds = -1;
    QString text; // "42% dumping public.orders, about 3 min left"
    qint64 elapsedMs = 0;
};

struct JobResult
{
    bool ok = false;
    bool canceled = false;
    Error error;
    QString summary; // one line: "Backed up strata_demo to /x/demo.dump (12 MB)"
    QStringList notes; // e.g. sequences moved by the reset
    QString outputPath;
    QString manifestPath;
    qint64 bytes = 0;
    qint64 elapsedMs = 0;
    // How long the tool itself (pg_dump, pg_restore, psql) ran: the rest of elapsedMs is
    // Strata's own work before and after it (planning, checks, SHA-256, sequences).
    qint64 toolMs = 0;
};

// A long piece of work (a backup, a restore) run on a pool thread with a QPromise: progress
// 0..1000 with a text naming the current object and an ETA, a log, and cancel. Held by
// shared_ptr: the worker keeps the job alive until it ends.
class Job : public std::enable_shared_from_this<Job>
{
public:
    enum class Kind { Backup, Restore, RestoreTest };
    static constexpr int progressMaximum = 1000;

    virtual ~Job();
    virtual Kind kind() const = 0;
    virtual QString title() const = 0;

    QFuture<JobResult> start();
    // Asks the job to stop: the tool is terminated and partial output removed. Any thread.
    void cancel();
    bool cancelRequested() const;
    QFuture<JobResult> future() const;
    bool isRunning() const;

    JobStatus status() const;
    // Lines as "[   1.23 s] text": the time since the job started, then the text.
    // From line `from` on (a reader following the log takes only what is new).
    QStringList log(qsizetype from = 0) const;
    // The final result (also after a cancel, when the future carries none).
    std::optional<JobResult> result() const;
    // The tool's command line without any password, once known.
    QString commandLine() const;

    static QString formatEta(qint64 seconds);

protected:
    // Runs on the worker; subclasses report through the helpers below.
    virtual JobResult execute() = 0;

    void setProgress(double fraction, const QString &object = {});
    void appendLog(const QString &line);
    void setCommandLine(const QString &line);
    bool canceled() const;

private:
    mutable QMutex m_mutex;
    JobStatus m_status;
    QStringList m_log;
    std::optional<JobResult> m_result;
    QString m_commandLine;
    QFuture<JobResult> m_future;
    QPromise<JobResult> *m_promise = nullptr; // valid while execute() runs
    QElapsedTimer m_clock;
    std::atomic<bool> m_cancel { false };
    std::atomic<bool> m_running { false };
    int m_lastValue = -1;
};

} // namespace strata::core
