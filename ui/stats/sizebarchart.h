#pragma once

#include "stats/statssnapshot.h"

#include <QWidget>

class QChart;
class QChartView;

namespace strata::ui {

// The largest relations as horizontal stacked bars: heap, TOAST and indexes, in MiB.
class SizeBarChart : public QWidget
{
    Q_OBJECT
public:
    explicit SizeBarChart(QWidget *parent = nullptr);
    void setRelations(const QList<core::RelationSizeRow> &rows, int shown = 12);
    QImage toImage() const;
    int barCount() const { return m_bars; }

private:
    QChart *m_chart;
    QChartView *m_view;
    int m_bars = 0;
};

} // namespace strata::ui
