#pragma once

#include "stats/statsactions.h"
#include "stats/statssnapshot.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace strata::core {
class Connection;
class StatsService;
} // namespace strata::core

namespace strata::ui {

// What the statistics page knows and does, without a widget: the StatsService of the current
// connection, two clocks (a full read of the tables every refreshIntervalSeconds, a sample of
// the live counters every sampleIntervalMs), the maintenance statement running and its progress.
// Every result arrives through core::whenFinished; a generation number drops what belonged to a
// previous connection, and a read never queues behind a slow one (the tick is skipped).
class StatsController : public QObject
{
    Q_OBJECT
public:
    // Sessions whose statement has run longer than this are "long-running".
    static constexpr double kLongRunningSeconds = 60;

    explicit StatsController(QObject *parent = nullptr);
    ~StatsController() override;

    // A new connection (or none): drops everything that belonged to the old one, then reads
    // the tables and takes a first sample at once.
    void setConnection(std::shared_ptr<const core::Connection> connection);
    bool isConnected() const { return bool(m_service); }

    void setRefreshIntervalSeconds(int seconds);
    int refreshIntervalSeconds() const { return m_refreshTimer.interval() / 1000; }
    void setSampleIntervalMs(int ms);
    int sampleIntervalMs() const { return m_sampleTimer.interval(); }
    // Stops both clocks (nothing is read until resumed or refreshNow).
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    void refreshNow();
    void sampleNow();

    int refreshCount() const { return m_refreshes; }
    int sampleCount() const { return m_samples; }
    int skippedSamples() const { return m_skippedSamples; }
    int skippedRefreshes() const { return m_skippedRefreshes; }

    const core::StatsSnapshot &snapshot() const { return m_snapshot; }
    const std::optional<core::ActivitySample> &lastSample() const { return m_lastSample; }
    // The last rates that could be measured (for the figures), and those between the last two
    // samples (invalid when they could not be: the first sample, a statistics reset).
    const core::Rates &lastRates() const { return m_lastRates; }
    const core::Rates &sampleRates() const { return m_sampleRates; }
    // Milliseconds since the tables were read, or since the last sample; -1 before the first.
    qint64 snapshotAgeMs() const;
    qint64 sampleAgeMs() const;

    // Actions, asked for after the person confirmed them.
    void signalBackend(int pid, bool terminate);
    // False (and a message) when a maintenance statement is already running.
    bool startMaintenance(
        core::statsactions::Maintenance what, const QString &schema, const QString &name);
    void cancelMaintenance();
    bool isJobRunning() const { return m_jobRunning; }
    QString jobText() const { return m_jobText; }
    static QString statementFor(
        core::statsactions::Maintenance what, const QString &schema, const QString &name);

Q_SIGNALS:
    // The connection changed: whatever was shown belongs to the old one.
    void reset(bool connected);
    void refreshed();
    void refreshFailed(const QString &message);
    void sampled();
    void sampleFailed(const QString &message);
    // A sentence for the status line ("Session 4711 was asked to end.").
    void message(const QString &text);
    // A failure a person must see (an action the server refused).
    void errorOccurred(const QString &text);
    void jobStarted(const QString &statement);
    // total 0: how far is not known (yet).
    void jobProgress(const QString &text, qint64 done, qint64 total);
    void jobFinished(bool ok, const QString &message);

private:
    void applySample(const core::ActivitySample &sample);
    void pollJobProgress();
    void finishJob(const core::Status &status);

    std::unique_ptr<core::StatsService> m_service;
    int m_generation = 0;
    bool m_paused = false;
    bool m_refreshInFlight = false;
    bool m_sampleInFlight = false;
    int m_refreshes = 0;
    int m_samples = 0;
    int m_skippedSamples = 0;
    int m_skippedRefreshes = 0;
    QTimer m_refreshTimer;
    QTimer m_sampleTimer;
    core::StatsSnapshot m_snapshot;
    QElapsedTimer m_snapshotClock;
    std::optional<core::ActivitySample> m_lastSample;
    core::Rates m_lastRates;
    core::Rates m_sampleRates;
    QElapsedTimer m_sampleClock;

    // The maintenance statement running, if any.
    bool m_jobRunning = false;
    int m_jobPid = 0;
    bool m_progressInFlight = false;
    core::statsactions::Maintenance m_jobKind = core::statsactions::Maintenance::Vacuum;
    QString m_jobText;
    QTimer m_progressTimer;
    QElapsedTimer m_jobClock;
};

} // namespace strata::ui
