#include "lockstab.h"

#include "stats/locktreemodel.h"
#include "statsconfirm.h"

#include <QVBoxLayout>

namespace strata::ui {

LocksTab::LocksTab(StatsController *controller, QWidget *parent) : StatsTab(controller, parent)
{
    m_model = new models::LockTreeModel(this);
    auto *v = addView(QStringLiteral("locks"),
        new StatsTableView(tr("Blocked sessions"), m_model, models::LockTreeModel::PidRole, true));
    v->setDescription(tr("Sessions that wait for a lock, each under the session that holds it"));
    statsconfirm::addBackendButtons(v, controller);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(v);
}

void LocksTab::showSnapshot(const core::StatsSnapshot &s)
{
    m_model->setTree(s.lockTree());
    showSection(view(QStringLiteral("locks")), s.locks);
}

} // namespace strata::ui
