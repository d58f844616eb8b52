#include "sizestab.h"

#include "sizebarchart.h"
#include "stats/statsrows.h"
#include "stats/statstablemodel.h"

#include <QGridLayout>
#include <QScrollArea>
#include <QVBoxLayout>

namespace strata::ui {

using models::StatsTableModel;
namespace rows = models::statsrows;

SizesTab::SizesTab(StatsController *controller, QWidget *parent) : StatsTab(controller, parent)
{
    m_chart = new SizeBarChart;
    m_relations = new StatsTableModel(rows::relationHeaders(), this);
    m_indexes = new StatsTableModel(rows::indexSizeHeaders(), this);
    m_databases = new StatsTableModel(rows::databaseHeaders(), this);
    auto *relations = addView(QStringLiteral("relations"),
        new StatsTableView(tr("Largest tables"), m_relations, StatsTableModel::KeyRole));
    auto *indexes = addView(QStringLiteral("largest_indexes"),
        new StatsTableView(tr("Largest indexes"), m_indexes, StatsTableModel::KeyRole));
    auto *databases = addView(QStringLiteral("databases"),
        new StatsTableView(tr("Databases"), m_databases, StatsTableModel::KeyRole));
    relations->setMinimumHeight(200);
    indexes->setMinimumHeight(200);
    databases->setMinimumHeight(160);
    auto *content = new QWidget;
    m_grid = new QGridLayout(content);
    m_grid->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    reflow(width());
}

void SizesTab::resizeEvent(QResizeEvent *event)
{
    StatsTab::resizeEvent(event);
    reflow(width());
}

void SizesTab::reflow(int width)
{
    // Three tables side by side from 1100 pixels, two (the largest tables over the others)
    // from 640, one column below that.
    const int columns = width >= 1100 ? 3 : width >= 640 ? 2 : 1;
    if (columns == m_columns)
        return;
    m_columns = columns;
    StatsTableView *relations = view(QStringLiteral("relations"));
    StatsTableView *indexes = view(QStringLiteral("largest_indexes"));
    StatsTableView *databases = view(QStringLiteral("databases"));
    for (QWidget *w : { static_cast<QWidget *>(m_chart), static_cast<QWidget *>(relations),
             static_cast<QWidget *>(indexes), static_cast<QWidget *>(databases) })
        m_grid->removeWidget(w);
    for (int i = 0; i < 4; ++i) {
        m_grid->setRowStretch(i, 0);
        m_grid->setColumnStretch(i, 0);
    }
    m_grid->addWidget(m_chart, 0, 0, 1, columns);
    m_grid->setRowStretch(0, 1);
    if (columns == 3) {
        m_grid->addWidget(relations, 1, 0);
        m_grid->addWidget(indexes, 1, 1);
        m_grid->addWidget(databases, 1, 2);
        m_grid->setColumnStretch(0, 16);
        m_grid->setColumnStretch(1, 10);
        m_grid->setColumnStretch(2, 9);
        m_grid->setRowStretch(1, 1);
    } else if (columns == 2) {
        m_grid->addWidget(relations, 1, 0, 1, 2);
        m_grid->addWidget(indexes, 2, 0);
        m_grid->addWidget(databases, 2, 1);
        m_grid->setColumnStretch(0, 3);
        m_grid->setColumnStretch(1, 2);
        m_grid->setRowStretch(1, 1);
        m_grid->setRowStretch(2, 1);
    } else {
        m_grid->addWidget(relations, 1, 0);
        m_grid->addWidget(indexes, 2, 0);
        m_grid->addWidget(databases, 3, 0);
        for (int row = 1; row <= 3; ++row)
            m_grid->setRowStretch(row, 1);
    }
}

QStringList SizesTab::sections() const
{
    return { QStringLiteral("relations"), QStringLiteral("largest_indexes"),
        QStringLiteral("databases") };
}

void SizesTab::showSnapshot(const core::StatsSnapshot &s)
{
    m_chart->setRelations(s.relations.rows);
    m_relations->setRows(rows::relations(s.relations.rows));
    showSection(view(QStringLiteral("relations")), s.relations);
    m_indexes->setRows(rows::indexSizes(s.largestIndexes.rows));
    showSection(view(QStringLiteral("largest_indexes")), s.largestIndexes);
    m_databases->setRows(rows::databases(s.databases.rows));
    showSection(view(QStringLiteral("databases")), s.databases);
}

void SizesTab::showAge(qint64 snapshotAgeMs, qint64 sampleAgeMs)
{
    StatsTab::showAge(snapshotAgeMs, sampleAgeMs);
    m_chart->setCaption(readAgo(snapshotAgeMs));
}

} // namespace strata::ui
