#pragma once

#include <QDateTime>
#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace strata::ui {

// A line chart of live samples (TPS, tuples/s, sessions): keeps the last few minutes, rescales
// its axes as points arrive, and exports itself as PNG.
class LiveChart : public QWidget
{
    Q_OBJECT
public:
    LiveChart(const QString &title, const QStringList &seriesNames, const QString &unit,
        QWidget *parent = nullptr);

    void addPoint(const QDateTime &at, const QList<double> &values);
    void clear();
    void setWindowSeconds(int seconds) { m_windowSeconds = seconds; }
    int pointCount() const;
    QImage toImage() const;
    QString title() const { return m_title; }
    // A line under the chart, beside its export button ("sampled 2 s ago").
    void setCaption(const QString &caption);
    QString caption() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QString m_title;
    QChart *m_chart;
    QChartView *m_view;
    QLabel *m_caption;
    QDateTimeAxis *m_x;
    QValueAxis *m_y;
    QList<QLineSeries *> m_series;
    int m_windowSeconds = 600;
};

} // namespace strata::ui
