#pragma once

#include "statstab.h"

class QGridLayout;

namespace strata::models {
class StatsTableModel;
}

namespace strata::ui {

class SizeBarChart;

// The largest tables (a partitioned table with its partitions' total) and indexes, and every
// database's size and transaction-ID age. The tables sit side by side under the chart in a wide
// window, and one under the other (the tab scrolls) in a narrow one.
class SizesTab : public StatsTab
{
    Q_OBJECT
public:
    explicit SizesTab(StatsController *controller, QWidget *parent = nullptr);
    void showSnapshot(const core::StatsSnapshot &s) override;
    void showAge(qint64 snapshotAgeMs, qint64 sampleAgeMs) override;
    QStringList sections() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void reflow(int width);

    QGridLayout *m_grid;
    int m_columns = 0;
    SizeBarChart *m_chart;
    models::StatsTableModel *m_relations;
    models::StatsTableModel *m_indexes;
    models::StatsTableModel *m_databases;
};

} // namespace strata::ui
