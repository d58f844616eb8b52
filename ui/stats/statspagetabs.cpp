// StatsPage's tabs: how each is laid out and which actions it offers.
#include "statspage.h"

#include "stats/livechart.h"
#include "stats/locktreemodel.h"
#include "stats/sizebarchart.h"
#include "stats/statsrows.h"
#include "stats/statstablemodel.h"
#include "stats/statstableview.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace strata::ui {

using models::StatsTableModel;
namespace rows = models::statsrows;

namespace {

QSplitter *split(Qt::Orientation o, std::initializer_list<QWidget *> widgets)
{
    auto *s = new QSplitter(o);
    for (QWidget *w : widgets)
        s->addWidget(w);
    s->setChildrenCollapsible(false);
    return s;
}

} // namespace

QWidget *StatsPage::buildHealthTab()
{
    auto *w = new QWidget;
    auto *figures = new QGridLayout;
    const QStringList titles = { tr("Connections"), tr("Transactions/s"), tr("Tuples/s"),
        tr("Cache hit: tables"), tr("Cache hit: indexes"), tr("Database size") };
    for (int i = 0; i < titles.size(); ++i) {
        auto *title = new QLabel(titles.at(i), w);
        auto *value = new QLabel(QStringLiteral("–"), w);
        QFont f = value->font();
        f.setPointSizeF(f.pointSizeF() * 1.6);
        f.setBold(true);
        value->setFont(f);
        figures->addWidget(title, 0, i);
        figures->addWidget(value, 1, i);
        m_figureValues.append(value);
    }
    m_warnings = new QListWidget(w);
    m_warnings->setWordWrap(true);
    m_warnings->setSelectionMode(QAbstractItemView::NoSelection);
    m_warnings->setSpacing(2);
    auto *warningsBox = new QWidget;
    auto *wl = new QVBoxLayout(warningsBox);
    wl->setContentsMargins(0, 0, 0, 0);
    wl->addWidget(new QLabel(tr("<b>Health</b>"), warningsBox));
    wl->addWidget(m_warnings, 1);

    m_tpsChart = new LiveChart(
        tr("Transactions per second"), { tr("commits"), tr("rollbacks") }, tr("per second"));
    m_tupleChart
        = new LiveChart(tr("Tuples per second"), { tr("read"), tr("written") }, tr("per second"));
    m_connChart = new LiveChart(tr("Client sessions"),
        { tr("all"), tr("active"), tr("idle in transaction"), tr("waiting on a lock") },
        tr("sessions"));
    auto *charts = new QWidget;
    auto *cl = new QGridLayout(charts);
    cl->setContentsMargins(0, 0, 0, 0);
    cl->addWidget(m_tpsChart, 0, 0);
    cl->addWidget(m_tupleChart, 0, 1);
    cl->addWidget(m_connChart, 1, 0, 1, 2);
    auto *s = split(Qt::Horizontal, { warningsBox, charts });
    s->setStretchFactor(0, 2);
    s->setStretchFactor(1, 5);
    s->setSizes({ 420, 980 });
    auto *layout = new QVBoxLayout(w);
    layout->addLayout(figures);
    layout->addWidget(s, 1);
    return w;
}

QWidget *StatsPage::buildSizesTab()
{
    m_sizeChart = new SizeBarChart;
    m_relationModel = new StatsTableModel(rows::relationHeaders(), this);
    m_relationView = new StatsTableView(tr("Largest tables"), m_relationModel);
    m_indexSizeModel = new StatsTableModel(rows::indexSizeHeaders(), this);
    m_indexSizeView = new StatsTableView(tr("Largest indexes"), m_indexSizeModel);
    m_databaseModel = new StatsTableModel(rows::databaseHeaders(), this);
    m_databaseView = new StatsTableView(tr("Databases"), m_databaseModel);
    auto *bottom = split(Qt::Horizontal, { m_relationView, m_indexSizeView, m_databaseView });
    bottom->setSizes({ 640, 400, 360 });
    auto *s = split(Qt::Vertical, { m_sizeChart, bottom });
    s->setSizes({ 380, 320 });
    return s;
}

QWidget *StatsPage::buildActivityTab()
{
    m_activityModel = new StatsTableModel(rows::activityHeaders(), this);
    m_activityView = new StatsTableView(tr("Client sessions"), m_activityModel);
    m_activityFilter = new QComboBox;
    m_activityFilter->addItems({ tr("All sessions"), tr("Active"),
        tr("Long-running (over %1 s)").arg(kLongRunningSeconds), tr("Idle in transaction") });
    connect(
        m_activityFilter, &QComboBox::currentIndexChanged, this, [this] { updateActivityRows(); });
    auto *cancel = new QPushButton(tr("Cancel query…"));
    auto *terminate = new QPushButton(tr("Terminate session…"));
    m_activityView->actionRow()->addWidget(m_activityFilter);
    m_activityView->actionRow()->addWidget(cancel);
    m_activityView->actionRow()->addWidget(terminate);
    auto pid = [this] { return m_activityView->currentKey(StatsTableModel::KeyRole).toInt(); };
    connect(cancel, &QPushButton::clicked, this, [this, pid] { signalBackend(pid(), false); });
    connect(terminate, &QPushButton::clicked, this, [this, pid] { signalBackend(pid(), true); });
    return m_activityView;
}

QWidget *StatsPage::buildLocksTab()
{
    m_lockModel = new models::LockTreeModel(this);
    m_lockView = new StatsTableView(tr("Blocked sessions and their blockers"), m_lockModel, true);
    auto *cancel = new QPushButton(tr("Cancel query…"));
    auto *terminate = new QPushButton(tr("Terminate session…"));
    m_lockView->actionRow()->addWidget(cancel);
    m_lockView->actionRow()->addWidget(terminate);
    auto pid = [this] { return m_lockView->currentKey(models::LockTreeModel::PidRole).toInt(); };
    connect(cancel, &QPushButton::clicked, this, [this, pid] { signalBackend(pid(), false); });
    connect(terminate, &QPushButton::clicked, this, [this, pid] { signalBackend(pid(), true); });
    return m_lockView;
}

QWidget *StatsPage::buildVacuumTab()
{
    m_vacuumModel = new StatsTableModel(rows::vacuumHeaders(), this);
    m_vacuumView = new StatsTableView(tr("Dead tuples and (auto)vacuum"), m_vacuumModel);
    auto *vacuum = new QPushButton(tr("VACUUM…"));
    auto *analyze = new QPushButton(tr("ANALYZE…"));
    m_vacuumView->actionRow()->addWidget(vacuum);
    m_vacuumView->actionRow()->addWidget(analyze);
    auto run = [this](core::statsactions::Maintenance what) {
        const QStringList key = m_vacuumView->currentKey(StatsTableModel::KeyRole).toStringList();
        if (key.size() != 2) {
            m_status->setText(tr("Select a table first."));
            return;
        }
        startMaintenance(what, key.at(0), key.at(1));
    };
    connect(vacuum, &QPushButton::clicked, this,
        [run] { run(core::statsactions::Maintenance::Vacuum); });
    connect(analyze, &QPushButton::clicked, this,
        [run] { run(core::statsactions::Maintenance::Analyze); });
    m_xidModel = new StatsTableModel(rows::xidHeaders(), this);
    m_xidView = new StatsTableView(
        tr("Oldest tables (transaction-ID wraparound at 2,147,483,647)"), m_xidModel);
    auto *s = split(Qt::Vertical, { m_vacuumView, m_xidView });
    s->setSizes({ 460, 240 });
    return s;
}

QWidget *StatsPage::buildIndexesTab()
{
    m_unusedModel = new StatsTableModel(rows::unusedIndexHeaders(), this);
    m_unusedView = new StatsTableView(
        tr("Unused indexes (never scanned since the statistics were reset)"), m_unusedModel);
    m_duplicateModel = new StatsTableModel(rows::duplicateIndexHeaders(), this);
    m_duplicateView = new StatsTableView(tr("Duplicate indexes"), m_duplicateModel);
    return split(Qt::Vertical, { m_unusedView, m_duplicateView });
}

QWidget *StatsPage::buildSequencesTab()
{
    m_sequenceModel = new StatsTableModel(rows::sequenceHeaders(), this);
    m_sequenceView
        = new StatsTableView(tr("Sequences, against the column they feed"), m_sequenceModel);
    return m_sequenceView;
}

QWidget *StatsPage::buildMatviewsTab()
{
    m_matviewModel = new StatsTableModel(rows::matviewHeaders(), this);
    m_matviewView = new StatsTableView(tr("Materialized views"), m_matviewModel);
    auto *refresh = new QPushButton(tr("REFRESH…"));
    m_matviewView->actionRow()->addWidget(refresh);
    connect(refresh, &QPushButton::clicked, this, [this] {
        const QStringList key = m_matviewView->currentKey(StatsTableModel::KeyRole).toStringList();
        if (key.size() != 2) {
            m_status->setText(tr("Select a materialized view first."));
            return;
        }
        bool concurrently = false;
        for (const core::MatViewRow &m : m_snapshot.matviews.rows)
            if (m.schema == key.at(0) && m.name == key.at(1))
                concurrently = m.canRefreshConcurrently();
        startMaintenance(concurrently ? core::statsactions::Maintenance::RefreshConcurrently
                                      : core::statsactions::Maintenance::Refresh,
            key.at(0), key.at(1));
    });
    return m_matviewView;
}

QWidget *StatsPage::buildReplicationTab()
{
    m_replicationModel = new StatsTableModel(rows::replicationHeaders(), this);
    m_replicationView = new StatsTableView(tr("Standbys"), m_replicationModel);
    m_slotModel = new StatsTableModel(rows::slotHeaders(), this);
    m_slotView = new StatsTableView(tr("Replication slots"), m_slotModel);
    m_checkpointLabel = new QLabel;
    m_checkpointLabel->setWordWrap(true);
    auto *w = new QWidget;
    auto *l = new QVBoxLayout(w);
    l->addWidget(split(Qt::Vertical, { m_replicationView, m_slotView }), 1);
    l->addWidget(m_checkpointLabel);
    return w;
}

QWidget *StatsPage::buildStatementsTab()
{
    m_statementModel = new StatsTableModel(rows::statementHeaders(), this);
    m_statementView = new StatsTableView(
        tr("Top statements by total time (pg_stat_statements)"), m_statementModel);
    return m_statementView;
}

} // namespace strata::ui
