#include "statscontroller.h"

#include "stats/statscollector.h"
#include "stats/statsservice.h"
#include "util/whenfinished.h"

namespace strata::ui {

using core::statsactions::Maintenance;

StatsController::StatsController(QObject *parent) : QObject(parent)
{
    m_refreshTimer.setInterval(30 * 1000);
    m_sampleTimer.setInterval(3 * 1000);
    m_progressTimer.setInterval(500);
    connect(&m_refreshTimer, &QTimer::timeout, this, &StatsController::refreshNow);
    connect(&m_sampleTimer, &QTimer::timeout, this, &StatsController::sampleNow);
    connect(&m_progressTimer, &QTimer::timeout, this, &StatsController::pollJobProgress);
}

// The service's sessions close on their own threads; nothing here waits for them.
StatsController::~StatsController() = default;

void StatsController::setConnection(std::shared_ptr<const core::Connection> connection)
{
    ++m_generation;
    m_refreshTimer.stop();
    m_sampleTimer.stop();
    m_progressTimer.stop();
    m_service.reset();
    m_refreshInFlight = m_sampleInFlight = m_progressInFlight = false;
    m_jobRunning = false;
    m_jobPid = 0;
    m_lastSample.reset();
    m_lastRates = m_sampleRates = {};
    m_snapshot = {};
    m_snapshotClock.invalidate();
    m_sampleClock.invalidate();
    if (connection)
        m_service = std::make_unique<core::StatsService>(std::move(connection));
    Q_EMIT reset(isConnected());
    if (!m_service)
        return;
    refreshNow();
    sampleNow();
    setPaused(m_paused);
}

void StatsController::setRefreshIntervalSeconds(int seconds)
{
    m_refreshTimer.setInterval(std::max(1, seconds) * 1000);
}

void StatsController::setSampleIntervalMs(int ms)
{
    m_sampleTimer.setInterval(std::max(1, ms));
}

void StatsController::setPaused(bool paused)
{
    m_paused = paused;
    if (paused || !m_service) {
        m_refreshTimer.stop();
        m_sampleTimer.stop();
    } else {
        m_refreshTimer.start();
        m_sampleTimer.start();
    }
}

qint64 StatsController::snapshotAgeMs() const
{
    return m_snapshotClock.isValid() ? m_snapshotClock.elapsed() : -1;
}

qint64 StatsController::sampleAgeMs() const
{
    return m_sampleClock.isValid() ? m_sampleClock.elapsed() : -1;
}

void StatsController::refreshNow()
{
    if (!m_service)
        return;
    if (m_refreshInFlight) { // never queue refreshes behind a slow one
        ++m_skippedRefreshes;
        return;
    }
    m_refreshInFlight = true;
    const int generation = m_generation;
    core::StatsCollector::Options options;
    options.longRunningSeconds = kLongRunningSeconds;
    core::whenFinished(
        this, m_service->collect(options), [this, generation](core::Result<core::StatsSnapshot> r) {
            if (generation != m_generation)
                return;
            m_refreshInFlight = false;
            if (!r) {
                Q_EMIT refreshFailed(
                    tr("Could not read the statistics: %1").arg(r.error().toString()));
                return;
            }
            m_snapshot = std::move(r).value();
            m_snapshotClock.start();
            ++m_refreshes;
            Q_EMIT refreshed();
        });
}

void StatsController::sampleNow()
{
    if (!m_service)
        return;
    if (m_sampleInFlight) { // a slow server: skip this tick rather than pile up samples
        ++m_skippedSamples;
        return;
    }
    m_sampleInFlight = true;
    const int generation = m_generation;
    core::whenFinished(
        this, m_service->sample(), [this, generation](core::Result<core::ActivitySample> r) {
            if (generation != m_generation)
                return;
            m_sampleInFlight = false;
            if (!r) {
                Q_EMIT sampleFailed(tr("Sampling failed: %1").arg(r.error().message));
                return;
            }
            applySample(r.value());
        });
}

void StatsController::applySample(const core::ActivitySample &sample)
{
    m_sampleRates = m_lastSample ? core::Rates::between(*m_lastSample, sample) : core::Rates {};
    if (m_sampleRates.valid())
        m_lastRates = m_sampleRates;
    m_lastSample = sample;
    m_sampleClock.start();
    ++m_samples;
    Q_EMIT sampled();
}

void StatsController::signalBackend(int pid, bool terminate)
{
    if (!m_service || pid <= 0)
        return;
    const int generation = m_generation;
    core::whenFinished(this, m_service->signalBackend(pid, terminate),
        [this, pid, terminate, generation](core::Result<bool> r) {
            if (generation != m_generation)
                return;
            if (!r)
                Q_EMIT errorOccurred(r.error().toString());
            else
                Q_EMIT message(r.value()
                        ? (terminate ? tr("Session %1 was asked to end.").arg(pid)
                                     : tr("Session %1 was asked to cancel its statement.").arg(pid))
                        : tr("Session %1 is gone or may not be signalled by this role.").arg(pid));
            refreshNow();
        });
}

bool StatsController::startMaintenance(Maintenance what, const QString &schema, const QString &name)
{
    if (!m_service)
        return false;
    if (m_jobRunning) {
        Q_EMIT message(tr("%1 is still running; wait for it or stop it first.").arg(m_jobText));
        return false;
    }
    const int generation = m_generation;
    m_jobRunning = true;
    m_jobKind = what;
    m_jobText = statementFor(what, schema, name);
    m_jobPid = 0;
    m_jobClock.start();
    Q_EMIT jobStarted(m_jobText);
    // The pid first (it runs before the statement on the same session), so the sampler's
    // session can watch pg_stat_progress_* for it.
    core::whenFinished(
        this, m_service->maintenancePid(), [this, generation](core::Result<int> pid) {
            if (generation == m_generation && pid)
                m_jobPid = pid.value();
        });
    core::whenFinished(
        this, m_service->runMaintenance(what, schema, name), [this, generation](core::Status st) {
            if (generation == m_generation)
                finishJob(st);
        });
    m_progressTimer.start();
    return true;
}

void StatsController::finishJob(const core::Status &status)
{
    m_jobRunning = false;
    m_progressTimer.stop();
    const QString statement = m_jobText;
    const QString text = status
        ? tr("%1 finished in %2 s.").arg(statement).arg(m_jobClock.elapsed() / 1000.0, 0, 'f', 1)
        : status.error().toString();
    Q_EMIT message(status ? text : tr("%1 failed.").arg(statement));
    if (!status)
        Q_EMIT errorOccurred(text);
    Q_EMIT jobFinished(status.ok(), text);
    refreshNow();
}

void StatsController::cancelMaintenance()
{
    if (m_service && m_jobRunning)
        m_service->cancelMaintenance();
}

void StatsController::pollJobProgress()
{
    if (!m_jobRunning || m_jobPid <= 0 || !m_service || m_progressInFlight)
        return;
    m_progressInFlight = true;
    const int generation = m_generation;
    core::whenFinished(this, m_service->progress(m_jobKind, m_jobPid),
        [this, generation](core::Result<core::statsactions::Progress> p) {
            if (generation != m_generation)
                return;
            m_progressInFlight = false;
            if (!m_jobRunning || !p)
                return;
            const QString text = p->phase.isEmpty()
                ? tr("%1 (%2 s)").arg(m_jobText).arg(m_jobClock.elapsed() / 1000)
                : tr("%1: %2").arg(m_jobText, p->phase);
            Q_EMIT jobProgress(text, p->done, p->total);
        });
}

QString StatsController::statementFor(Maintenance what, const QString &schema, const QString &name)
{
    return core::StatsService::statementFor(what, schema, name);
}

} // namespace strata::ui
