#pragma once

#include "stats/statsactions.h"
#include "stats/statssnapshot.h"
#include "workspacepage.h"

#include <QElapsedTimer>
#include <QTimer>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace strata::core {
class StatsService;
}
namespace strata::models {
class LockTreeModel;
class StatsTableModel;
} // namespace strata::models

namespace strata::ui {

class LiveChart;
class SizeBarChart;
class StatsTableView;

// The statistics dashboard: health at a glance, live charts, sizes, sessions, locks, vacuum,
// indexes, sequences, materialized views, replication and top statements. Reads through two
// sessions (a full refresh and the live samples, so neither waits for the other) and acts
// (cancel, terminate, VACUUM, ANALYZE, REFRESH) through a third, read-write one: all of them
// the StatsService's.
class StatsPage : public WorkspacePage
{
    Q_OBJECT
public:
    explicit StatsPage(AppContext *context, QWidget *parent = nullptr);
    ~StatsPage() override;
    QString id() const override { return QStringLiteral("statistics"); }
    QString title() const override { return tr("Statistics"); }
    void refresh() override { refreshNow(); }
    QString busyReason() const override;

    // For tests and the benchmark.
    void setRefreshIntervalSeconds(int seconds);
    void setSampleIntervalMs(int ms);
    void setPaused(bool paused);
    void refreshNow();
    int refreshCount() const { return m_refreshes; }
    int sampleCount() const { return m_samples; }
    int skippedSamples() const { return m_skippedSamples; }
    int skippedRefreshes() const { return m_skippedRefreshes; }
    const core::StatsSnapshot &snapshot() const { return m_snapshot; }
    LiveChart *tpsChart() const { return m_tpsChart; }
    QListWidget *warningList() const { return m_warnings; }
    models::LockTreeModel *lockModel() const { return m_lockModel; }
    QTabWidget *tabs() const { return m_tabs; }

    // Sessions whose statement has run longer than this are "long-running".
    static constexpr double kLongRunningSeconds = 60;

Q_SIGNALS:
    void refreshed();
    void sampled();
    void jobFinished(bool ok, const QString &message);

private:
    QWidget *buildHealthTab();
    QWidget *buildSizesTab();
    QWidget *buildActivityTab();
    QWidget *buildLocksTab();
    QWidget *buildVacuumTab();
    QWidget *buildIndexesTab();
    QWidget *buildSequencesTab();
    QWidget *buildMatviewsTab();
    QWidget *buildReplicationTab();
    QWidget *buildStatementsTab();

    void onConnectionChanged();
    void sample();
    void applySample(const core::ActivitySample &s);
    void applySnapshot();
    void updateActivityRows();
    void applyTab(int index);
    void updateFigures();

    // Actions (statspageactions.cpp).
    void confirm(const QString &title, const QString &text, std::function<void()> onYes);
    void signalBackend(int pid, bool terminate);
    void startMaintenance(
        core::statsactions::Maintenance what, const QString &schema, const QString &name);
    void pollJobProgress();

    std::unique_ptr<core::StatsService> m_service;
    int m_generation = 0;
    bool m_refreshInFlight = false;
    bool m_sampleInFlight = false;
    int m_refreshes = 0;
    int m_samples = 0;
    int m_skippedSamples = 0;
    int m_skippedRefreshes = 0;
    QTimer m_refreshTimer;
    QTimer m_sampleTimer;
    std::optional<core::ActivitySample> m_lastSample;
    core::Rates m_lastRates;
    core::StatsSnapshot m_snapshot;
    quint32 m_dirtyTabs = 0; // tabs whose tables still show an older snapshot

    // Job state.
    bool m_jobRunning = false;
    int m_jobPid = 0;
    bool m_progressInFlight = false;
    core::statsactions::Maintenance m_jobKind = core::statsactions::Maintenance::Vacuum;
    QString m_jobText;
    QTimer m_progressTimer;
    QElapsedTimer m_jobClock;

    // Widgets.
    QLabel *m_status;
    QPushButton *m_refreshButton;
    QCheckBox *m_pause;
    QSpinBox *m_sampleSpin;
    QSpinBox *m_refreshSpin;
    QProgressBar *m_jobBar;
    QLabel *m_jobLabel;
    QPushButton *m_jobCancel;
    QTabWidget *m_tabs;
    QLabel *m_notConnected;

    QList<QLabel *> m_figureValues; // connections, TPS, tuples, cache tables, cache indexes, size
    QListWidget *m_warnings;
    QStringList m_warningTexts;
    LiveChart *m_tpsChart;
    LiveChart *m_tupleChart;
    LiveChart *m_connChart;
    SizeBarChart *m_sizeChart;

    QComboBox *m_activityFilter;
    models::StatsTableModel *m_activityModel;
    models::LockTreeModel *m_lockModel;
    models::StatsTableModel *m_vacuumModel, *m_xidModel, *m_databaseModel, *m_relationModel,
        *m_indexSizeModel, *m_unusedModel, *m_duplicateModel, *m_sequenceModel, *m_matviewModel,
        *m_replicationModel, *m_slotModel, *m_statementModel;
    StatsTableView *m_activityView, *m_lockView, *m_vacuumView, *m_xidView, *m_databaseView,
        *m_relationView, *m_indexSizeView, *m_unusedView, *m_duplicateView, *m_sequenceView,
        *m_matviewView, *m_replicationView, *m_slotView, *m_statementView;
    QLabel *m_checkpointLabel;
};

} // namespace strata::ui
