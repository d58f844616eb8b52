#include "statspage.h"

#include "appcontext.h"
#include "stats/livechart.h"
#include "stats/locktreemodel.h"
#include "stats/sizebarchart.h"
#include "stats/statscollector.h"
#include "stats/statsrows.h"
#include "stats/statsservice.h"
#include "stats/statstablemodel.h"
#include "stats/statstableview.h"
#include "util/whenfinished.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

namespace strata::ui {

using models::StatsTableModel;
namespace rows = models::statsrows;

namespace {

template <typename T> void showSection(StatsTableView *view, const core::StatsSection<T> &s)
{
    if (s.error.isError())
        view->setNote(s.error.toString(), true);
    else
        view->setNote(s.note);
}

} // namespace

StatsPage::StatsPage(AppContext *context, QWidget *parent) : WorkspacePage(context, parent)
{
    m_status = new QLabel(this);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_refreshButton = new QPushButton(tr("Refresh"), this);
    m_refreshSpin = new QSpinBox(this);
    m_refreshSpin->setRange(1, 3600);
    m_refreshSpin->setValue(30);
    m_refreshSpin->setSuffix(tr(" s"));
    m_refreshSpin->setToolTip(tr("How often sizes, sessions, locks and the rest are read again"));
    m_sampleSpin = new QSpinBox(this);
    m_sampleSpin->setRange(1, 300);
    m_sampleSpin->setValue(3);
    m_sampleSpin->setSuffix(tr(" s"));
    m_sampleSpin->setToolTip(tr("How often the live charts take a sample"));
    m_pause = new QCheckBox(tr("Pause"), this);
    m_jobBar = new QProgressBar(this);
    m_jobBar->setMaximumWidth(180);
    m_jobBar->hide();
    m_jobLabel = new QLabel(this);
    m_jobLabel->hide();
    m_jobCancel = new QPushButton(tr("Stop"), this);
    m_jobCancel->setToolTip(tr("Cancel the running maintenance statement"));
    m_jobCancel->hide();

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_refreshButton);
    bar->addWidget(new QLabel(tr("every"), this));
    bar->addWidget(m_refreshSpin);
    bar->addSpacing(16);
    bar->addWidget(new QLabel(tr("Live sample every"), this));
    bar->addWidget(m_sampleSpin);
    bar->addWidget(m_pause);
    bar->addSpacing(16);
    bar->addWidget(m_status, 1);
    bar->addWidget(m_jobLabel);
    bar->addWidget(m_jobBar);
    bar->addWidget(m_jobCancel);

    m_notConnected = new QLabel(tr("<h2>Not connected</h2><p>Choose a connection to see its "
                                   "statistics.</p>"),
        this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildHealthTab(), tr("Health"));
    m_tabs->addTab(buildSizesTab(), tr("Sizes"));
    m_tabs->addTab(buildActivityTab(), tr("Activity"));
    m_tabs->addTab(buildLocksTab(), tr("Locks"));
    m_tabs->addTab(buildVacuumTab(), tr("Vacuum"));
    m_tabs->addTab(buildIndexesTab(), tr("Indexes"));
    m_tabs->addTab(buildSequencesTab(), tr("Sequences"));
    m_tabs->addTab(buildMatviewsTab(), tr("Materialized views"));
    m_tabs->addTab(buildReplicationTab(), tr("Replication"));
    m_tabs->addTab(buildStatementsTab(), tr("Statements"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_notConnected);
    layout->addWidget(m_tabs, 1);

    connect(m_refreshButton, &QPushButton::clicked, this, &StatsPage::refreshNow);
    connect(m_refreshSpin, &QSpinBox::valueChanged, this,
        [this](int s) { m_refreshTimer.setInterval(s * 1000); });
    connect(m_sampleSpin, &QSpinBox::valueChanged, this,
        [this](int s) { m_sampleTimer.setInterval(s * 1000); });
    connect(m_pause, &QCheckBox::toggled, this, &StatsPage::setPaused);
    m_refreshTimer.setInterval(m_refreshSpin->value() * 1000);
    m_sampleTimer.setInterval(m_sampleSpin->value() * 1000);
    connect(&m_refreshTimer, &QTimer::timeout, this, &StatsPage::refreshNow);
    connect(&m_sampleTimer, &QTimer::timeout, this, &StatsPage::sample);
    m_progressTimer.setInterval(500);
    connect(&m_progressTimer, &QTimer::timeout, this, &StatsPage::pollJobProgress);
    connect(m_jobCancel, &QPushButton::clicked, this, [this] {
        if (m_service)
            m_service->cancelMaintenance();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &StatsPage::applyTab);
    connect(context, &AppContext::connectionChanged, this, &StatsPage::onConnectionChanged);
    connect(context, &AppContext::serverChanged, this, &StatsPage::refreshNow);
    onConnectionChanged();
}

// The service's sessions close on their own threads; nothing here waits for them.
StatsPage::~StatsPage() = default;

void StatsPage::onConnectionChanged()
{
    ++m_generation;
    m_refreshTimer.stop();
    m_sampleTimer.stop();
    m_progressTimer.stop();
    m_service.reset();
    m_refreshInFlight = m_sampleInFlight = m_progressInFlight = false;
    m_jobRunning = false;
    m_jobBar->hide();
    m_jobLabel->hide();
    m_jobCancel->hide();
    m_lastSample.reset();
    m_lastRates = {};
    m_snapshot = {};
    m_tpsChart->clear();
    m_tupleChart->clear();
    m_connChart->clear();
    const bool connected = context()->isConnected();
    m_notConnected->setVisible(!connected);
    m_tabs->setVisible(connected);
    if (!connected) {
        m_status->clear();
        return;
    }
    m_service = std::make_unique<core::StatsService>(context()->connection());
    m_status->setText(tr("Reading statistics…"));
    refreshNow();
    sample();
    setPaused(m_pause->isChecked());
}

void StatsPage::setPaused(bool paused)
{
    if (m_pause->isChecked() != paused)
        m_pause->setChecked(paused); // comes back here through toggled
    if (paused || !m_service) {
        m_refreshTimer.stop();
        m_sampleTimer.stop();
    } else {
        m_refreshTimer.start();
        m_sampleTimer.start();
    }
}

void StatsPage::setRefreshIntervalSeconds(int seconds)
{
    m_refreshSpin->setValue(seconds);
}

void StatsPage::setSampleIntervalMs(int ms)
{
    m_sampleTimer.setInterval(ms);
}

void StatsPage::refreshNow()
{
    if (!m_service)
        return;
    if (m_refreshInFlight) { // never queue refreshes behind a slow one
        ++m_skippedRefreshes;
        return;
    }
    m_refreshInFlight = true;
    const int generation = m_generation;
    QPointer<StatsPage> self(this);
    core::StatsCollector::Options options;
    options.longRunningSeconds = kLongRunningSeconds;
    core::whenFinished(
        this, m_service->collect(options), [self, generation](core::Result<core::StatsSnapshot> r) {
            if (!self || generation != self->m_generation)
                return;
            self->m_refreshInFlight = false;
            if (!r) {
                self->m_status->setText(
                    tr("Could not read the statistics: %1").arg(r.error().toString()));
                return;
            }
            self->m_snapshot = std::move(r).value();
            ++self->m_refreshes;
            self->applySnapshot();
            Q_EMIT self->refreshed();
        });
}

void StatsPage::sample()
{
    if (!m_service)
        return;
    if (m_sampleInFlight) { // a slow server: skip this tick rather than pile up samples
        ++m_skippedSamples;
        return;
    }
    m_sampleInFlight = true;
    const int generation = m_generation;
    QPointer<StatsPage> self(this);
    core::whenFinished(
        this, m_service->sample(), [self, generation](core::Result<core::ActivitySample> r) {
            if (!self || generation != self->m_generation)
                return;
            self->m_sampleInFlight = false;
            if (!r) {
                self->m_status->setText(tr("Sampling failed: %1").arg(r.error().message));
                return;
            }
            self->applySample(r.value());
        });
}

void StatsPage::applySample(const core::ActivitySample &s)
{
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(qint64(s.serverEpoch * 1000));
    // The charts take their points in turns of the event loop a little apart, so each repaint
    // covers one chart and no single turn paints all three (a long stall on a slow machine).
    const int generation = m_generation;
    auto later = [this, generation](
                     int ms, LiveChart *chart, const QList<double> &values, const QDateTime &when) {
        QTimer::singleShot(ms, this, [this, generation, chart, values, when] {
            if (generation == m_generation)
                chart->addPoint(when, values);
        });
    };
    if (m_lastSample) {
        const core::Rates r = core::Rates::between(*m_lastSample, s);
        if (r.valid()) {
            m_lastRates = r;
            m_tpsChart->addPoint(at, { r.commits, r.rollbacks });
            later(60, m_tupleChart, { r.tuplesRead(), r.tuplesWritten() }, at);
        }
    }
    later(120, m_connChart,
        { double(s.connections), double(s.active), double(s.idleInTransaction),
            double(s.waitingOnLock) },
        at);
    m_lastSample = s;
    ++m_samples;
    updateFigures();
    Q_EMIT sampled();
}

void StatsPage::updateFigures()
{
    const QLocale locale;
    int maxConn = 0;
    if (m_snapshot.server.ok() && !m_snapshot.server.rows.isEmpty())
        maxConn = m_snapshot.server.rows.first().maxConnections;
    if (m_lastSample)
        m_figureValues[0]->setText(maxConn > 0
                ? tr("%1 / %2").arg(m_lastSample->connections).arg(maxConn)
                : QString::number(m_lastSample->connections));
    if (m_lastRates.valid()) {
        m_figureValues[1]->setText(locale.toString(m_lastRates.transactions, 'f', 1));
        m_figureValues[2]->setText(
            locale.toString(m_lastRates.tuplesRead() + m_lastRates.tuplesWritten(), 'f', 0));
    }
    if (m_snapshot.cacheHit.ok() && !m_snapshot.cacheHit.rows.isEmpty()) {
        const core::CacheHitRow &c = m_snapshot.cacheHit.rows.first();
        auto pct = [](double f) {
            return f < 0 ? tr("no reads yet") : QString::number(f * 100, 'f', 1) + u'%';
        };
        m_figureValues[3]->setText(pct(c.tableRatio()));
        m_figureValues[4]->setText(pct(c.indexRatio()));
    }
    if (m_snapshot.server.ok() && !m_snapshot.server.rows.isEmpty())
        for (const core::DatabaseRow &d : m_snapshot.databases.rows)
            if (d.name == m_snapshot.server.rows.first().database)
                m_figureValues[5]->setText(rows::formatBytes(d.bytes));
}

void StatsPage::updateActivityRows()
{
    QList<core::ActivityRow> list;
    switch (m_activityFilter->currentIndex()) {
    case 1:
        for (const core::ActivityRow &a : m_snapshot.activity.rows)
            if (a.isActive())
                list.append(a);
        break;
    case 2:
        list = m_snapshot.longRunning(kLongRunningSeconds);
        break;
    case 3:
        list = m_snapshot.idleInTransaction();
        break;
    default:
        list = m_snapshot.activity.rows;
    }
    m_activityModel->setRows(rows::activity(list, kLongRunningSeconds));
}

void StatsPage::applySnapshot()
{
    const core::StatsSnapshot &s = m_snapshot;
    // Rebuild the list only when the warnings changed: an unchanged list costs no relayout.
    QStringList texts;
    for (const core::HealthWarning &w : s.warnings)
        texts << w.text;
    if (texts != m_warningTexts || m_warnings->count() == 0) {
        m_warningTexts = texts;
        m_warnings->clear();
        QStyle *st = style();
        for (const core::HealthWarning &w : s.warnings) {
            const auto icon = w.severity == core::HealthWarning::Severity::Critical
                ? st->standardIcon(QStyle::SP_MessageBoxCritical)
                : w.severity == core::HealthWarning::Severity::Warning
                ? st->standardIcon(QStyle::SP_MessageBoxWarning)
                : st->standardIcon(QStyle::SP_MessageBoxInformation);
            m_warnings->addItem(new QListWidgetItem(icon, w.text));
        }
        if (s.warnings.isEmpty())
            m_warnings->addItem(new QListWidgetItem(st->standardIcon(QStyle::SP_DialogApplyButton),
                tr("No warnings: nothing here needs attention now.")));
    }

    // Tables and charts of the other tabs are filled when their tab is shown: a refresh then
    // costs the GUI thread only what is on screen.
    m_dirtyTabs = ~0u;
    applyTab(m_tabs->currentIndex());

    int blocked = 0;
    for (const core::LockRow &l : s.locks.rows)
        blocked += l.blockedBy.isEmpty() ? 0 : 1;
    // Only real changes: a new tab text lays the tab bar out again.
    auto setTab = [this](int i, const QString &text) {
        if (m_tabs->tabText(i) != text)
            m_tabs->setTabText(i, text);
    };
    setTab(0, s.warnings.isEmpty() ? tr("Health") : tr("Health (%1)").arg(s.warnings.size()));
    setTab(2, tr("Activity (%1)").arg(s.activity.rows.size()));
    setTab(3, blocked ? tr("Locks (%1 waiting)").arg(blocked) : tr("Locks"));
    updateFigures();
    m_status->setText(tr("Refreshed %1 in %2 ms")
                          .arg(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss")))
                          .arg(s.elapsedMs));
}

void StatsPage::applyTab(int index)
{
    if (index < 0 || !(m_dirtyTabs & (1u << index)))
        return;
    m_dirtyTabs &= ~(1u << index);
    const core::StatsSnapshot &s = m_snapshot;
    switch (index) {
    case 1:
        m_sizeChart->setRelations(s.relations.rows);
        m_relationModel->setRows(rows::relations(s.relations.rows));
        showSection(m_relationView, s.relations);
        m_indexSizeModel->setRows(rows::indexSizes(s.largestIndexes.rows));
        showSection(m_indexSizeView, s.largestIndexes);
        m_databaseModel->setRows(rows::databases(s.databases.rows));
        showSection(m_databaseView, s.databases);
        break;
    case 2:
        updateActivityRows();
        showSection(m_activityView, s.activity);
        break;
    case 3:
        m_lockModel->setTree(s.lockTree());
        showSection(m_lockView, s.locks);
        break;
    case 4: {
        const QDateTime now = s.server.ok() && !s.server.rows.isEmpty()
            ? QDateTime::fromMSecsSinceEpoch(
                qint64(s.server.rows.first().serverEpoch * 1000), Qt::UTC)
            : s.takenAt;
        m_vacuumModel->setRows(rows::vacuum(s.vacuum.rows, now));
        showSection(m_vacuumView, s.vacuum);
        m_xidModel->setRows(rows::xidTables(s.xidTables.rows));
        showSection(m_xidView, s.xidTables);
        break;
    }
    case 5:
        m_unusedModel->setRows(rows::unusedIndexes(s.unusedIndexes.rows));
        showSection(m_unusedView, s.unusedIndexes);
        m_duplicateModel->setRows(rows::duplicateIndexes(s.duplicateIndexes.rows));
        showSection(m_duplicateView, s.duplicateIndexes);
        break;
    case 6:
        m_sequenceModel->setRows(rows::sequences(s.sequences.rows, 0.8));
        showSection(m_sequenceView, s.sequences);
        break;
    case 7:
        m_matviewModel->setRows(rows::matviews(s.matviews.rows));
        showSection(m_matviewView, s.matviews);
        break;
    case 8:
        m_replicationModel->setRows(rows::replication(s.replication.rows));
        showSection(m_replicationView, s.replication);
        if (s.replication.ok() && s.replication.rows.isEmpty())
            m_replicationView->setNote(tr("No standby is streaming from this server."));
        m_slotModel->setRows(rows::slots(s.slots.rows));
        showSection(m_slotView, s.slots);
        if (s.checkpoints.ok() && !s.checkpoints.rows.isEmpty()) {
            const core::CheckpointRow &c = s.checkpoints.rows.first();
            m_checkpointLabel->setText(
                tr("Checkpoints since %1: %2 timed, %3 requested; %4 buffers written.")
                    .arg(c.statsReset.isValid() ? c.statsReset.toLocalTime().toString(
                             QStringLiteral("yyyy-MM-dd HH:mm"))
                                                : tr("the start"))
                    .arg(c.timed)
                    .arg(c.requested)
                    .arg(c.buffersWritten));
        }
        break;
    case 9:
        m_statementModel->setRows(rows::statements(s.statements.rows));
        showSection(m_statementView, s.statements);
        m_statementView->view()->setVisible(s.statementsState == core::StatementsState::Available);
        break;
    default:
        break;
    }
}

QString StatsPage::busyReason() const
{
    return m_jobRunning ? tr("%1 is still running.").arg(m_jobText) : QString();
}

} // namespace strata::ui
