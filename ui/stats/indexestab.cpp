#include "indexestab.h"

#include "stats/statsrows.h"
#include "stats/statstablemodel.h"

#include <QSplitter>
#include <QVBoxLayout>

namespace strata::ui {

using models::StatsTableModel;
namespace rows = models::statsrows;

IndexesTab::IndexesTab(StatsController *controller, QWidget *parent) : StatsTab(controller, parent)
{
    m_unused = new StatsTableModel(rows::unusedIndexHeaders(), this);
    m_duplicates = new StatsTableModel(rows::duplicateIndexHeaders(), this);
    auto *split = new QSplitter(Qt::Vertical);
    auto *unused = addView(QStringLiteral("unused_indexes"),
        new StatsTableView(tr("Unused indexes"), m_unused, StatsTableModel::KeyRole));
    unused->setDescription(tr("Indexes never scanned since the statistics were reset"));
    split->addWidget(unused);
    split->addWidget(addView(QStringLiteral("duplicate_indexes"),
        new StatsTableView(tr("Duplicate indexes"), m_duplicates, StatsTableModel::KeyRole)));
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
}

void IndexesTab::showSnapshot(const core::StatsSnapshot &s)
{
    m_unused->setRows(rows::unusedIndexes(s.unusedIndexes.rows));
    showSection(view(QStringLiteral("unused_indexes")), s.unusedIndexes);
    m_duplicates->setRows(rows::duplicateIndexes(s.duplicateIndexes.rows));
    showSection(view(QStringLiteral("duplicate_indexes")), s.duplicateIndexes);
}

} // namespace strata::ui
