#include "statementstab.h"

#include "stats/statsrows.h"
#include "stats/statstablemodel.h"

#include <QAbstractItemView>
#include <QVBoxLayout>

namespace strata::ui {

using models::StatsTableModel;
namespace rows = models::statsrows;

StatementsTab::StatementsTab(StatsController *controller, QWidget *parent)
    : StatsTab(controller, parent)
{
    m_model = new StatsTableModel(rows::statementHeaders(), this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *v = addView(QStringLiteral("statements"),
        new StatsTableView(tr("Top statements"), m_model, StatsTableModel::KeyRole));
    v->setDescription(tr("The statements that took the most time in all, from pg_stat_statements"));
    layout->addWidget(v);
}

void StatementsTab::showSnapshot(const core::StatsSnapshot &s)
{
    m_model->setRows(rows::statements(s.statements.rows));
    StatsTableView *v = view(QStringLiteral("statements"));
    showSection(v, s.statements);
    v->view()->setVisible(s.statementsState == core::StatementsState::Available);
}

} // namespace strata::ui
