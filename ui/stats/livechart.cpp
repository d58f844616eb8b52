#include "livechart.h"

#include "theme.h"

#include "fileexport.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace strata::ui {

LiveChart::LiveChart(
    const QString &title, const QStringList &seriesNames, const QString &unit, QWidget *parent)
    : QWidget(parent), m_title(title), m_chart(new QChart)
{
    m_chart->setTitle(title);
    QFont f = m_chart->titleFont();
    f.setBold(true);
    m_chart->setTitleFont(f);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->legend()->setAlignment(Qt::AlignTop);
    theme::styleChart(m_chart);
    m_chart->setAnimationOptions(QChart::NoAnimation); // animation costs GUI time each sample
    m_x = new QDateTimeAxis;
    m_x->setFormat(QStringLiteral("HH:mm:ss"));
    m_x->setTickCount(5);
    m_y = new QValueAxis;
    m_y->setTitleText(unit);
    m_y->setLabelFormat(QStringLiteral("%.1f"));
    m_y->setRange(0, 1);
    m_y->setTickCount(6);
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    for (const QString &name : seriesNames) {
        auto *s = new QLineSeries;
        s->setName(name);
        m_chart->addSeries(s);
        s->attachAxis(m_x);
        s->attachAxis(m_y);
        m_series.append(s);
    }
    if (seriesNames.size() < 2)
        m_chart->legend()->hide();
    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(170);

    auto *save = new QPushButton(tr("PNG…"), this);
    save->setToolTip(tr("Save this chart as a PNG image"));
    save->setFlat(true);
    connect(save, &QPushButton::clicked, this, [this] {
        fileexport::saveImage(this, tr("Save chart"),
            m_title.toLower().replace(u' ', u'-') + QStringLiteral(".png"), toImage());
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    m_caption = new QLabel(this);
    m_caption->setForegroundRole(QPalette::PlaceholderText);
    auto *row = new QHBoxLayout;
    row->addWidget(m_caption, 1);
    row->addWidget(save);
    layout->addLayout(row);
}

void LiveChart::addPoint(const QDateTime &at, const QList<double> &values)
{
    const qint64 ms = at.toMSecsSinceEpoch();
    const qint64 oldest = ms - qint64(m_windowSeconds) * 1000;
    double maxY = 0;
    qint64 minX = ms;
    for (int i = 0; i < m_series.size(); ++i) {
        QLineSeries *s = m_series.at(i);
        s->append(double(ms), values.value(i));
        int drop = 0;
        while (drop < s->count() && s->at(drop).x() < double(oldest))
            ++drop;
        if (drop > 0)
            s->removePoints(0, drop);
        const auto pts = s->points();
        for (const QPointF &p : pts)
            maxY = std::max(maxY, p.y());
        if (!pts.isEmpty())
            minX = std::min(minX, qint64(pts.first().x()));
    }
    // Keep at least a minute visible so the first points do not fill the whole width.
    minX = std::min(minX, ms - 60000);
    m_x->setRange(QDateTime::fromMSecsSinceEpoch(minX), QDateTime::fromMSecsSinceEpoch(ms));
    // A round upper bound (1, 2 or 5 x 10^n) and ticks on round steps, so labels read well.
    double top = 1;
    int ticks = 6;
    if (maxY > 0) {
        const double mag = std::pow(10.0, std::floor(std::log10(maxY)));
        for (double step : { 1.0, 2.0, 5.0, 10.0 })
            if (maxY <= step * mag * 1.0000001) {
                top = step * mag;
                ticks = step == 2.0 ? 5 : 6;
                break;
            }
    }
    const double step = top / (ticks - 1);
    m_y->setRange(0, top);
    m_y->setTickCount(ticks);
    m_y->setLabelFormat(step >= 1 ? QStringLiteral("%.0f")
            : step >= 0.1         ? QStringLiteral("%.1f")
                                  : QStringLiteral("%.2f"));
}

void LiveChart::clear()
{
    for (QLineSeries *s : std::as_const(m_series))
        s->clear();
    m_y->setRange(0, 1);
    m_y->setTickCount(6);
}

void LiveChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Fewer time labels when narrow, so each shows whole ("15:45:30", not "15...").
    const int ticks = width() >= 520 ? 5 : width() >= 330 ? 3 : 2;
    if (m_x->tickCount() != ticks)
        m_x->setTickCount(ticks);
    // The unit beside the axis only where there is room for it; the title names it too.
    const bool unit = m_view->height() >= 200;
    if (m_y->isTitleVisible() != unit)
        m_y->setTitleVisible(unit);
}

void LiveChart::setCaption(const QString &caption)
{
    if (m_caption->text() != caption)
        m_caption->setText(caption);
}

QString LiveChart::caption() const
{
    return m_caption->text();
}

int LiveChart::pointCount() const
{
    return m_series.isEmpty() ? 0 : int(m_series.first()->count());
}

QImage LiveChart::toImage() const
{
    return m_view->grab().toImage();
}

} // namespace strata::ui
