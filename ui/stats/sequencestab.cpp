#include "sequencestab.h"

#include "stats/statsrows.h"
#include "stats/statstablemodel.h"

#include <QVBoxLayout>

namespace strata::ui {

using models::StatsTableModel;
namespace rows = models::statsrows;

SequencesTab::SequencesTab(StatsController *controller, QWidget *parent)
    : StatsTab(controller, parent)
{
    m_model = new StatsTableModel(rows::sequenceHeaders(), this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *v = addView(QStringLiteral("sequences"),
        new StatsTableView(tr("Sequences"), m_model, StatsTableModel::KeyRole));
    v->setDescription(tr("How far each sequence has come, against the column it feeds when that "
                         "column's type ends sooner than the sequence"));
    layout->addWidget(v);
}

void SequencesTab::showSnapshot(const core::StatsSnapshot &s)
{
    m_model->setRows(rows::sequences(s.sequences.rows, 0.8));
    showSection(view(QStringLiteral("sequences")), s.sequences);
}

} // namespace strata::ui
