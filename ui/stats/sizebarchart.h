#pragma once

#include "stats/statssnapshot.h"

#include <QWidget>

class QChart;
class QChartView;
class QLabel;

namespace strata::ui {

// The largest relations as horizontal stacked bars: heap, TOAST and indexes, in MiB. A
// partitioned table is one bar (its partitions' total); its partitions get none of their own.
class SizeBarChart : public QWidget
{
    Q_OBJECT
public:
    explicit SizeBarChart(QWidget *parent = nullptr);
    void setRelations(const QList<core::RelationSizeRow> &rows, int shown = 12);
    QImage toImage() const;
    // A line under the chart, beside its export button ("read 12 s ago").
    void setCaption(const QString &caption);
    int barCount() const { return m_bars; }

private:
    QChart *m_chart;
    QChartView *m_view;
    QLabel *m_caption;
    int m_bars = 0;
};

} // namespace strata::ui
