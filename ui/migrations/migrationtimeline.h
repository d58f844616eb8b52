#pragma once

#include "migrations/migrationhistory.h"

#include <QChartView>

namespace strata::ui {

// Applied migrations over time: one lane per history table, a point per entry with a time,
// coloured by state and sized by duration (bigger is slower). Failures are drawn as squares,
// unfinished runs as squares in orange, so they stand out at a glance.
class MigrationTimeline : public QChartView
{
    Q_OBJECT
public:
    explicit MigrationTimeline(QWidget *parent = nullptr);
    void setHistories(const QList<core::MigrationHistory> &histories);
    int pointCount() const { return m_points; }

protected:
    void resizeEvent(QResizeEvent *event) override;

Q_SIGNALS:
    void entryClicked(int history, const QString &version);

private:
    int m_points = 0;
};

} // namespace strata::ui
