#include "activitytab.h"

#include "stats/statsrows.h"
#include "stats/statstablemodel.h"
#include "statsconfirm.h"
#include "statscontroller.h"

#include <QComboBox>
#include <QVBoxLayout>

namespace strata::ui {

using models::StatsTableModel;
namespace rows = models::statsrows;

namespace {
enum Filter { All, Active, LongRunning, IdleInTransaction };
}

ActivityTab::ActivityTab(StatsController *controller, QWidget *parent)
    : StatsTab(controller, parent)
{
    m_model = new StatsTableModel(rows::activityHeaders(), this);
    auto *v = addView(QStringLiteral("activity"),
        new StatsTableView(tr("Client sessions"), m_model, StatsTableModel::KeyRole));
    m_filter = new QComboBox;
    m_filter->addItems({ tr("All sessions"), tr("Active"),
        tr("Long-running (over %1 s)").arg(StatsController::kLongRunningSeconds),
        tr("Idle in transaction") });
    connect(m_filter, &QComboBox::currentIndexChanged, this, &ActivityTab::showRows);
    v->addTool(m_filter);
    statsconfirm::addBackendButtons(v, controller);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(v);
}

QStringList ActivityTab::sections() const
{
    return { QStringLiteral("activity"), QStringLiteral("connections") };
}

void ActivityTab::showSnapshot(const core::StatsSnapshot &s)
{
    showRows();
    showSection(view(QStringLiteral("activity")), s.activity);
}

void ActivityTab::showRows()
{
    const core::StatsSnapshot &s = controller()->snapshot();
    const double longRunning = StatsController::kLongRunningSeconds;
    QList<core::ActivityRow> list;
    switch (m_filter->currentIndex()) {
    case Active:
        for (const core::ActivityRow &a : s.activity.rows)
            if (a.isActive())
                list.append(a);
        break;
    case LongRunning:
        list = s.longRunning(longRunning);
        break;
    case IdleInTransaction:
        list = s.idleInTransaction();
        break;
    default:
        list = s.activity.rows;
    }
    m_model->setRows(rows::activity(list, longRunning));
}

bool ActivityTab::selectRow(const QString &, const QVariant &key)
{
    if (!key.isValid())
        return false;
    // The session a warning names may be filtered out: show them all.
    m_filter->setCurrentIndex(All);
    return StatsTab::selectRow(QStringLiteral("activity"), key);
}

} // namespace strata::ui
