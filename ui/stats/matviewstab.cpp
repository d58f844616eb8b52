#include "matviewstab.h"

#include "stats/statsrows.h"
#include "stats/statstablemodel.h"
#include "statsconfirm.h"
#include "statscontroller.h"

#include <QPushButton>
#include <QVBoxLayout>

namespace strata::ui {

using core::statsactions::Maintenance;
using models::StatsTableModel;
namespace rows = models::statsrows;

MatviewsTab::MatviewsTab(StatsController *controller, QWidget *parent)
    : StatsTab(controller, parent)
{
    m_model = new StatsTableModel(rows::matviewHeaders(), this);
    auto *v = addView(QStringLiteral("matviews"),
        new StatsTableView(tr("Materialized views"), m_model, StatsTableModel::KeyRole));
    auto *refresh = new QPushButton(tr("REFRESH…"));
    v->addTool(refresh);
    statsconfirm::enableWithSelection(refresh, v);
    connect(refresh, &QPushButton::clicked, this, &MatviewsTab::refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(v);
}

void MatviewsTab::showSnapshot(const core::StatsSnapshot &s)
{
    m_model->setRows(rows::matviews(s.matviews.rows));
    showSection(view(QStringLiteral("matviews")), s.matviews);
}

void MatviewsTab::refresh()
{
    const QStringList key = view(QStringLiteral("matviews"))->selectedKey().toStringList();
    if (key.size() != 2)
        return;
    bool concurrently = false;
    for (const core::MatViewRow &m : controller()->snapshot().matviews.rows)
        if (m.schema == key.at(0) && m.name == key.at(1))
            concurrently = m.canRefreshConcurrently();
    statsconfirm::maintenance(this, controller(),
        concurrently ? Maintenance::RefreshConcurrently : Maintenance::Refresh, key.at(0),
        key.at(1));
}

} // namespace strata::ui
