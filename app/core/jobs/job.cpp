#include "job.h"

#include "util/async.h"

#include <QtConcurrent>

#include <cmath>
#include <exception>

namespace strata::core {

Job::~Job() = default;

QFuture<JobResult> Job::start()
{
    auto self = shared_from_this();
    m_running = true;
    m_clock.start();
    auto work = [self](QPromise<JobResult> &promise) {
        promise.setProgressRange(0, progressMaximum);
        {
            QMutexLocker lock(&self->m_mutex);
            self->m_promise = &promise;
        }
        JobResult r;
        if (self->canceled()) {
            r.error = Error(Error::Kind::Canceled, QStringLiteral("Cancelled before it started."));
        } else {
            // Core reports errors as results; anything thrown anyway (a thread that could not
            // start, memory) still ends the job with a result, or the panel would show it
            // running for ever.
            try {
                r = self->execute();
            } catch (const std::exception &e) {
                r = JobResult {};
                r.error = Error(Error::Kind::Internal,
                    QStringLiteral("The job stopped on an internal error: %1")
                        .arg(QString::fromLocal8Bit(e.what())));
            }
        }
        r.elapsedMs = self->m_clock.elapsed();
        if (r.ok && r.toolMs > 0)
            self->appendLog(QStringLiteral("finished in %1 s: the tool ran %2 s, Strata's own "
                                           "steps before and after it %3 s")
                                .arg(r.elapsedMs / 1000.0, 0, 'f', 2)
                                .arg(r.toolMs / 1000.0, 0, 'f', 2)
                                .arg((r.elapsedMs - r.toolMs) / 1000.0, 0, 'f', 2));
        if (self->canceled() && !r.ok) {
            r.canceled = true;
            if (!r.error.isError())
                r.error = Error(Error::Kind::Canceled, QStringLiteral("Cancelled."));
        }
        {
            QMutexLocker lock(&self->m_mutex);
            self->m_result = r;
            self->m_promise = nullptr;
            if (r.ok) {
                self->m_status.fraction = 1;
                self->m_status.etaSeconds = 0;
                self->m_status.text = QStringLiteral("100% done");
            } else {
                self->m_status.text
                    = r.canceled ? QStringLiteral("cancelled") : QStringLiteral("failed");
            }
        }
        if (r.ok)
            promise.setProgressValueAndText(progressMaximum, QStringLiteral("done"));
        promise.addResult(r);
        self->m_running = false; // after the result: not running means the future has it
    };
    // Jobs run for minutes: the Jobs pool keeps them from starving the pools that short reads
    // (tool versions, archive listings) use, and lets several run at once.
    QFuture<JobResult> f = asyncRun<JobResult>(Pool::Jobs, work);
    QMutexLocker lock(&m_mutex);
    m_future = f;
    return f;
}

void Job::cancel()
{
    // Only a flag the worker polls: cancelling the QFuture itself would make QtConcurrent skip
    // a task that has not started yet, and the job would never report its end.
    m_cancel = true;
}

bool Job::cancelRequested() const
{
    return m_cancel.load();
}

bool Job::canceled() const
{
    if (m_cancel.load())
        return true;
    QMutexLocker lock(&m_mutex);
    return m_promise && m_promise->isCanceled();
}

QFuture<JobResult> Job::future() const
{
    QMutexLocker lock(&m_mutex);
    return m_future;
}

bool Job::isRunning() const
{
    return m_running.load();
}

JobStatus Job::status() const
{
    QMutexLocker lock(&m_mutex);
    JobStatus s = m_status;
    if (m_running)
        s.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    return s;
}

QStringList Job::log(qsizetype from) const
{
    QMutexLocker lock(&m_mutex);
    return from <= 0 ? m_log : m_log.mid(from);
}

std::optional<JobResult> Job::result() const
{
    QMutexLocker lock(&m_mutex);
    return m_result;
}

QString Job::commandLine() const
{
    QMutexLocker lock(&m_mutex);
    return m_commandLine;
}

QString Job::formatEta(qint64 s)
{
    if (s < 0)
        return {};
    if (s < 60)
        return QStringLiteral("about %1 s left").arg(std::max<qint64>(s, 1));
    if (s < 3600)
        return QStringLiteral("about %1 min left").arg((s + 30) / 60);
    return QStringLiteral("about %1 h %2 min left").arg(s / 3600).arg((s % 3600) / 60);
}

void Job::setProgress(double fraction, const QString &object)
{
    fraction = std::clamp(fraction, 0.0, 1.0);
    QMutexLocker lock(&m_mutex);
    // Never backwards: a bar that goes back looks broken.
    fraction = std::max(fraction, m_status.fraction);
    const qint64 elapsed = m_clock.elapsed();
    m_status.fraction = fraction;
    if (!object.isEmpty())
        m_status.object = object;
    m_status.elapsedMs = elapsed;
    // An ETA only once there is something to extrapolate from.
    m_status.etaSeconds = (fraction > 0.02 && elapsed > 1500)
        ? qint64(std::llround(elapsed / 1000.0 * (1 - fraction) / fraction))
        : -1;
    QString text = QStringLiteral("%1%").arg(int(fraction * 100));
    if (!m_status.object.isEmpty())
        text += u' ' + m_status.object;
    if (m_status.etaSeconds >= 0)
        text += QStringLiteral(", ") + formatEta(m_status.etaSeconds);
    m_status.text = text;
    const int value = int(fraction * progressMaximum);
    if (m_promise && value > m_lastValue) {
        m_lastValue = value;
        m_promise->setProgressValueAndText(value, text);
    }
}

void Job::appendLog(const QString &line)
{
    QMutexLocker lock(&m_mutex);
    // The time since the job started: which table took long, and what Strata did around the tool.
    m_log.append(m_clock.isValid()
            ? QStringLiteral("[%1 s] ").arg(m_clock.elapsed() / 1000.0, 7, 'f', 2) + line
            : line);
}

void Job::setCommandLine(const QString &line)
{
    QMutexLocker lock(&m_mutex);
    m_commandLine = line;
}

} // namespace strata::core
