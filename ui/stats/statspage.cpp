#include "statspage.h"

#include "activitytab.h"
#include "appcontext.h"
#include "flowlayout.h"
#include "healthtab.h"
#include "indexestab.h"
#include "lockstab.h"
#include "matviewstab.h"
#include "replicationtab.h"
#include "sequencestab.h"
#include "sizestab.h"
#include "statementstab.h"
#include "statscontroller.h"
#include "statssections.h"
#include "vacuumtab.h"

#include <QCheckBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace strata::ui {

namespace {

// A label and the control it names, kept together on one line when the bar wraps.
QWidget *labelled(const QString &text, QWidget *control, const QString &toolTip)
{
    auto *box = new QWidget;
    auto *label = new QLabel(text, box);
    label->setBuddy(control);
    label->setToolTip(toolTip);
    control->setToolTip(toolTip);
    control->setParent(box);
    auto *l = new QHBoxLayout(box);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(label);
    l->addWidget(control);
    return box;
}

} // namespace

StatsPage::StatsPage(AppContext *context, QWidget *parent) : WorkspacePage(context, parent)
{
    m_controller = new StatsController(this);
    m_notConnected = new QLabel(tr("<h2>Not connected</h2><p>Choose a connection to see its "
                                   "statistics.</p>"),
        this);
    m_tabs = new StatsSections(this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildControls());
    layout->addWidget(m_notConnected);
    layout->addWidget(m_tabs, 1);
    addTabs();

    connect(m_controller, &StatsController::reset, this, &StatsPage::onReset);
    connect(m_controller, &StatsController::refreshed, this, &StatsPage::onRefreshed);
    connect(m_controller, &StatsController::sampled, this, &StatsPage::onSampled);
    connect(m_controller, &StatsController::refreshFailed, this,
        [this](const QString &text) { setStatus(text, true); });
    connect(m_controller, &StatsController::sampleFailed, this,
        [this](const QString &text) { setStatus(text); });
    connect(m_controller, &StatsController::message, this,
        [this](const QString &text) { setStatus(text); });
    connect(m_controller, &StatsController::errorOccurred, context, &AppContext::reportError);
    connect(m_controller, &StatsController::jobStarted, this, [this](const QString &statement) {
        m_jobBar->setRange(0, 0); // busy until progress is known
        m_jobLabel->setText(statement);
        m_jobBar->show();
        m_jobLabel->show();
        m_jobCancel->show();
    });
    connect(m_controller, &StatsController::jobProgress, this,
        [this](const QString &text, qint64 done, qint64 total) {
            m_jobLabel->setText(text);
            if (total > 0) {
                m_jobBar->setRange(0, 1000);
                m_jobBar->setValue(int(1000.0 * double(done) / double(total)));
            } else {
                m_jobBar->setRange(0, 0);
            }
        });
    connect(
        m_controller, &StatsController::jobFinished, this, [this](bool ok, const QString &message) {
            m_jobBar->hide();
            m_jobLabel->hide();
            m_jobCancel->hide();
            Q_EMIT jobFinished(ok, message);
        });
    connect(m_jobCancel, &QPushButton::clicked, m_controller, &StatsController::cancelMaintenance);
    connect(m_tabs, &StatsSections::currentChanged, this, &StatsPage::showTab);
    m_ageTimer.setInterval(1000);
    connect(&m_ageTimer, &QTimer::timeout, this, &StatsPage::showAges);
    connect(context, &AppContext::connectionChanged, this,
        [this] { m_controller->setConnection(this->context()->connection()); });
    // A restore changed what the server holds: read it again now.
    connect(context, &AppContext::serverChanged, this, &StatsPage::refreshNow);
    m_controller->setConnection(context->connection());
}

// The controller's service closes its sessions on their own threads; nothing here waits.
StatsPage::~StatsPage() = default;

QWidget *StatsPage::buildControls()
{
    m_refreshButton = new QPushButton(tr("Refresh now"));
    m_refreshButton->setToolTip(tr("Read the tables and take a sample of the live figures now"));
    m_refreshSpin = new QSpinBox;
    m_refreshSpin->setRange(1, 3600);
    m_refreshSpin->setValue(m_controller->refreshIntervalSeconds());
    m_refreshSpin->setSuffix(tr(" s"));
    m_sampleSpin = new QSpinBox;
    m_sampleSpin->setRange(1, 300);
    m_sampleSpin->setValue(m_controller->sampleIntervalMs() / 1000);
    m_sampleSpin->setSuffix(tr(" s"));
    m_pause = new QCheckBox(tr("Pause"));
    m_pause->setToolTip(tr("Stop both: no table is read and no sample taken until unticked"));
    m_status = new QLabel;
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_status->setWordWrap(true);
    m_status->hide();
    m_jobBar = new QProgressBar;
    m_jobBar->setMaximumWidth(180);
    m_jobBar->hide();
    m_jobLabel = new QLabel;
    m_jobLabel->hide();
    m_jobCancel = new QPushButton(tr("Stop"));
    m_jobCancel->setToolTip(tr("Cancel the running maintenance statement"));
    m_jobCancel->hide();

    auto *bar = new QWidget(this);
    auto *flow = new FlowLayout(bar, 12, 4);
    flow->addWidget(m_refreshButton);
    flow->addWidget(labelled(tr("Read tables every"), m_refreshSpin,
        tr("How often every table of every tab (sizes, sessions, locks, vacuum, …), the health "
           "warnings, the cache hit ratios and the database size are read again")));
    flow->addWidget(labelled(tr("Sample charts every"), m_sampleSpin,
        tr("How often the live charts and the connections, transactions/s and tuples/s figures "
           "take a sample")));
    flow->addWidget(m_pause);
    flow->addWidget(m_status);
    flow->addWidget(m_jobLabel);
    flow->addWidget(m_jobBar);
    flow->addWidget(m_jobCancel);

    connect(m_refreshButton, &QPushButton::clicked, this, &StatsPage::refreshNow);
    connect(m_refreshSpin, &QSpinBox::valueChanged, m_controller,
        &StatsController::setRefreshIntervalSeconds);
    connect(m_sampleSpin, &QSpinBox::valueChanged, this,
        [this](int s) { m_controller->setSampleIntervalMs(s * 1000); });
    connect(m_pause, &QCheckBox::toggled, this, &StatsPage::setPaused);
    return bar;
}

void StatsPage::addTabs()
{
    // Only the Health tab (shown first) is built with the page: the others cost the first
    // frame nothing, and are built one per turn after it, so that no turn takes long.
    m_health = new HealthTab(m_controller);
    m_locks = nullptr;
    StatsController *c = m_controller;
    m_makeTab = { [this] { return m_health; }, [c] { return new SizesTab(c); },
        [c] { return new ActivityTab(c); },
        [this, c] {
            m_locks = new LocksTab(c);
            return m_locks;
        },
        [c] { return new VacuumTab(c); }, [c] { return new IndexesTab(c); },
        [c] { return new SequencesTab(c); }, [c] { return new MatviewsTab(c); },
        [c] { return new ReplicationTab(c); }, [c] { return new StatementsTab(c); } };
    const QStringList names
        = { tr("Health"), tr("Sizes"), tr("Activity"), tr("Locks"), tr("Vacuum"), tr("Indexes"),
              tr("Sequences"), tr("Materialized views"), tr("Replication"), tr("Statements") };
    Q_ASSERT(names.size() == m_makeTab.size() && names.at(kLocksTab) == tr("Locks"));
    for (int i = 0; i < names.size(); ++i) {
        m_tabList << (i == 0 ? m_health : nullptr);
        m_tabs->addTab(i == 0 ? static_cast<QWidget *>(m_health) : new QWidget, names.at(i));
    }
    connect(m_health, &HealthTab::linkActivated, this, &StatsPage::showLink);
    connect(m_tabs, &StatsSections::aboutToShow, this, [this](int index) { tab(index); });
    QTimer::singleShot(0, this, &StatsPage::buildNextTab);
}

StatsTab *StatsPage::tab(int index)
{
    if (index < 0 || index >= m_tabList.size())
        return nullptr;
    if (!m_tabList.at(index)) {
        m_tabList[index] = m_makeTab.at(index)(); // stale: filled when shown
        m_tabs->replaceWidget(index, m_tabList.at(index));
    }
    return m_tabList.at(index);
}

void StatsPage::buildNextTab()
{
    const int next = int(m_tabList.indexOf(nullptr));
    if (next < 0)
        return;
    tab(next);
    QTimer::singleShot(0, this, &StatsPage::buildNextTab);
}

void StatsPage::onReset(bool connected)
{
    m_jobBar->hide();
    m_jobLabel->hide();
    m_jobCancel->hide();
    m_health->clear();
    for (StatsTab *t : std::as_const(m_tabList))
        if (t)
            t->markStale();
    m_notConnected->setVisible(!connected);
    m_tabs->setVisible(connected);
    setStatus(connected ? tr("Reading statistics…") : QString(), connected);
    if (connected)
        m_ageTimer.start();
    else
        m_ageTimer.stop();
}

void StatsPage::onRefreshed()
{
    const core::StatsSnapshot &s = m_controller->snapshot();
    // Tables of the other tabs are filled when their tab is shown: a refresh then costs the
    // GUI thread only what is on screen.
    for (StatsTab *t : std::as_const(m_tabList))
        if (t)
            t->markStale();
    showTab(m_tabs->currentIndex());
    if (m_tabs->currentIndex() != 0)
        m_health->showIfStale(s); // the warnings and figures, for the tab's count

    int blocked = 0;
    for (const core::LockRow &l : s.locks.rows)
        blocked += l.blockedBy.isEmpty() ? 0 : 1;
    m_tabs->setTabText(
        0, s.warnings.isEmpty() ? tr("Health") : tr("Health (%1)").arg(s.warnings.size()));
    m_tabs->setTabText(2, tr("Activity (%1)").arg(s.activity.rows.size()));
    m_tabs->setTabText(3, blocked ? tr("Locks (%1 waiting)").arg(blocked) : tr("Locks"));
    // Each table and figure says how old it is; the line says only what went wrong.
    if (m_refreshErrorShown)
        setStatus({});
    m_refreshButton->setToolTip(
        tr("Read the tables and take a sample of the live figures now (the last read took %1 ms)")
            .arg(s.elapsedMs));
    showAges();
    Q_EMIT refreshed();
}

void StatsPage::onSampled()
{
    m_health->showSample();
    showAges();
    Q_EMIT sampled();
}

void StatsPage::setStatus(const QString &text, bool refreshError)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty()); // an empty line takes no room in the bar
    m_refreshErrorShown = refreshError;
}

void StatsPage::showTab(int index)
{
    if (index < 0 || index >= m_tabList.size() || m_controller->refreshCount() == 0)
        return;
    tab(index)->showIfStale(m_controller->snapshot());
    showAges();
}

void StatsPage::showAges()
{
    // Only the tab on screen: the others catch up when shown.
    if (!isVisible())
        return;
    if (StatsTab *t = tab(m_tabs->currentIndex()))
        t->showAge(m_controller->snapshotAgeMs(), m_controller->sampleAgeMs());
}

void StatsPage::showLink(const QString &section, const QVariant &key)
{
    for (int i = 0; i < m_tabList.size(); ++i) {
        if (!tab(i)->sections().contains(section))
            continue;
        m_tabs->setCurrentIndex(i);
        m_tabList.at(i)->selectRow(section, key);
        return;
    }
}

void StatsPage::setPaused(bool paused)
{
    if (m_pause->isChecked() != paused)
        m_pause->setChecked(paused); // comes back here through toggled
    m_controller->setPaused(paused);
}

void StatsPage::setRefreshIntervalSeconds(int seconds)
{
    m_refreshSpin->setValue(seconds);
}

void StatsPage::setSampleIntervalMs(int ms)
{
    m_controller->setSampleIntervalMs(ms);
}

void StatsPage::refreshNow()
{
    m_controller->refreshNow();
    m_controller->sampleNow();
}

int StatsPage::refreshCount() const
{
    return m_controller->refreshCount();
}

int StatsPage::sampleCount() const
{
    return m_controller->sampleCount();
}

int StatsPage::skippedSamples() const
{
    return m_controller->skippedSamples();
}

int StatsPage::skippedRefreshes() const
{
    return m_controller->skippedRefreshes();
}

const core::StatsSnapshot &StatsPage::snapshot() const
{
    return m_controller->snapshot();
}

LiveChart *StatsPage::tpsChart() const
{
    return m_health->tpsChart();
}

QListWidget *StatsPage::warningList() const
{
    return m_health->warningList();
}

models::LockTreeModel *StatsPage::lockModel()
{
    tab(kLocksTab);
    return m_locks->model();
}

QString StatsPage::busyReason() const
{
    return m_controller->isJobRunning() ? tr("%1 is still running.").arg(m_controller->jobText())
                                        : QString();
}

} // namespace strata::ui
