#pragma once

#include "stats/statssnapshot.h"
#include "statssections.h"
#include "workspacepage.h"

#include <QTimer>

#include <functional>

class QCheckBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace strata::models {
class LockTreeModel;
}

namespace strata::ui {

class HealthTab;
class LiveChart;
class LocksTab;
class StatsController;
class StatsTab;

// The statistics dashboard: health at a glance, live charts, sizes, sessions, locks, vacuum,
// indexes, sequences, materialized views, replication and top statements. The page composes:
// a StatsController reads and acts, one widget per tab shows what it read. Two clocks, each
// named where it is set: the tables are read every N seconds, the live charts and figures are
// sampled every M seconds; Pause stops both, "Refresh now" does both at once.
class StatsPage : public WorkspacePage
{
    Q_OBJECT
public:
    explicit StatsPage(AppContext *context, QWidget *parent = nullptr);
    ~StatsPage() override;
    static QString pageId() { return QStringLiteral("statistics"); }
    static QString pageTitle() { return tr("Statistics"); }
    QString id() const override { return pageId(); }
    QString title() const override { return pageTitle(); }
    void refresh() override { refreshNow(); }
    QString busyReason() const override;

    // For tests and the benchmark.
    void setRefreshIntervalSeconds(int seconds);
    void setSampleIntervalMs(int ms);
    void setPaused(bool paused);
    void refreshNow();
    int refreshCount() const;
    int sampleCount() const;
    int skippedSamples() const;
    int skippedRefreshes() const;
    const core::StatsSnapshot &snapshot() const;
    LiveChart *tpsChart() const;
    QListWidget *warningList() const;
    models::LockTreeModel *lockModel(); // builds the Locks tab if it was not yet
    StatsSections *tabs() const { return m_tabs; }
    StatsController *controller() const { return m_controller; }

Q_SIGNALS:
    void refreshed();
    void sampled();
    void jobFinished(bool ok, const QString &message);

private:
    QWidget *buildControls();
    void addTabs();
    // The tab at `index`, built now if it was not yet (the Health tab is built with the page,
    // the others one per turn of the event loop after it, or when first shown or reached).
    StatsTab *tab(int index);
    void buildNextTab();
    void onReset(bool connected);
    void onRefreshed();
    void onSampled();
    void showTab(int index);
    void showAges();
    void showLink(const QString &section, const QVariant &key);
    void setStatus(const QString &text, bool refreshError = false);

    static constexpr int kLocksTab = 3;
    StatsController *m_controller;
    QList<StatsTab *> m_tabList; // null while the tab holds its stand-in
    QList<std::function<StatsTab *()>> m_makeTab;
    HealthTab *m_health;
    LocksTab *m_locks = nullptr; // once its tab is built
    QTimer m_ageTimer; // "read 12 s ago" moves on
    bool m_refreshErrorShown = false; // the status says the last read failed

    QLabel *m_status;
    QPushButton *m_refreshButton;
    QCheckBox *m_pause;
    QSpinBox *m_sampleSpin;
    QSpinBox *m_refreshSpin;
    QProgressBar *m_jobBar;
    QLabel *m_jobLabel;
    QPushButton *m_jobCancel;
    StatsSections *m_tabs;
    QLabel *m_notConnected;
};

} // namespace strata::ui
