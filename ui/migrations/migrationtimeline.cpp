#include "migrationtimeline.h"

#include "theme.h"

#include "migrationentrymodel.h"

#include <QCategoryAxis>
#include <QChart>
#include <QDateTimeAxis>
#include <QLegendMarker>
#include <QMap>
#include <QScatterSeries>

namespace strata::ui {

using core::MigrationState;

namespace {

// Three sizes: under a second, under a minute, longer (and unknown as the smallest).
int sizeBucket(qint64 ms)
{
    if (ms < 1000)
        return 0;
    if (ms < 60000)
        return 1;
    return 2;
}

// A date label is about 80 pixels wide: as many ticks as fit without overlapping.
int tickCountFor(int width)
{
    if (width < 300) // not laid out yet (a hidden page): resizeEvent corrects it later
        return 5;
    return std::clamp((width - 220) / 100, 2, 8);
}

} // namespace

void MigrationTimeline::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    for (auto *axis : chart()->axes(Qt::Horizontal))
        if (auto *x = qobject_cast<QDateTimeAxis *>(axis))
            x->setTickCount(tickCountFor(width()));
}

MigrationTimeline::MigrationTimeline(QWidget *parent) : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    chart()->setTitle(tr("Applied migrations over time"));
    setMinimumHeight(220);
}

void MigrationTimeline::setHistories(const QList<core::MigrationHistory> &histories)
{
    // A fresh chart each time: removing axes and series from a live chart left stray labels.
    QChart *old = chart();
    auto *c = new QChart;
    theme::styleChart(c);
    c->legend()->setAlignment(Qt::AlignBottom);
    setChart(c);
    delete old;
    m_points = 0;

    // One series per (state, size) so each point's colour and size are its own.
    QMap<QPair<int, int>, QScatterSeries *> series;
    QDateTime first, last;
    QStringList lanes;
    for (int h = 0; h < histories.size(); ++h) {
        const auto &hist = histories.at(h);
        // Short lane names: the table is the framework's usual one; the schema tells them apart.
        QString schema
            = hist.schema.size() > 18 ? hist.schema.left(17) + QChar(0x2026) : hist.schema;
        lanes.append(QStringLiteral("%1 (%2)").arg(hist.frameworkName, schema));
        for (const auto &e : hist.entries) {
            if (!e.appliedAt.isValid())
                continue;
            const auto key = qMakePair(int(e.state), sizeBucket(e.durationMs));
            QScatterSeries *s = series.value(key);
            if (!s) {
                s = new QScatterSeries;
                const bool bad = e.state == MigrationState::Failed
                    || e.state == MigrationState::Running || e.state == MigrationState::Dirty;
                s->setMarkerShape(
                    bad ? QScatterSeries::MarkerShapeRectangle : QScatterSeries::MarkerShapeCircle);
                s->setMarkerSize(8 + 6 * key.second + (bad ? 4 : 0));
                // The states' colours are dark; on a dark chart they are lifted to be seen.
                const QColor colour = models::MigrationEntryModel::stateColor(e.state);
                s->setColor(theme::isDark(palette()) ? colour.lighter(150) : colour);
                s->setBorderColor(
                    bad ? palette().color(QPalette::Text) : palette().color(QPalette::Base));
                s->setName(core::migrationStateLabel(e.state));
                series.insert(key, s);
            }
            s->append(double(e.appliedAt.toMSecsSinceEpoch()), h + 0.5);
            ++m_points;
            if (!first.isValid() || e.appliedAt < first)
                first = e.appliedAt;
            if (!last.isValid() || e.appliedAt > last)
                last = e.appliedAt;
        }
    }
    if (!first.isValid()) {
        c->setTitle(tr("No applied migration carries a time (Alembic, Rails and others do not "
                       "record one)"));
        return;
    }
    c->setTitle(tr("Applied migrations over time (size: duration; squares: failed, dirty or "
                   "unfinished)"));
    auto *x = new QDateTimeAxis;
    const qint64 span = std::max<qint64>(first.msecsTo(last), 3600 * 1000);
    x->setRange(first.addMSecs(-span / 20), last.addMSecs(span / 20));
    x->setFormat(span > 2LL * 365 * 86400 * 1000 ? QStringLiteral("yyyy-MM")
            : span > 2LL * 86400 * 1000          ? QStringLiteral("yyyy-MM-dd")
                                                 : QStringLiteral("MM-dd HH:mm"));
    x->setTickCount(tickCountFor(width()));
    x->setTitleText(tr("Applied at"));
    auto *y = new QCategoryAxis;
    y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    for (int i = 0; i < lanes.size(); ++i)
        y->append(lanes.at(i), i + 1);
    y->setRange(0, std::max<qsizetype>(1, lanes.size()));
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    // The legend shows each state once, whatever its sizes.
    QSet<QString> named;
    for (auto *s : std::as_const(series)) {
        c->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
        const bool first = !named.contains(s->name());
        named.insert(s->name());
        for (auto *m : c->legend()->markers(s))
            m->setVisible(first);
        connect(s, &QScatterSeries::clicked, this, [this, histories](const QPointF &p) {
            const int h = int(p.y());
            if (h < 0 || h >= histories.size())
                return;
            // The entry nearest in time in that lane.
            const auto &entries = histories.at(h).entries;
            qint64 best = -1;
            QString version;
            for (const auto &e : entries) {
                if (!e.appliedAt.isValid())
                    continue;
                const qint64 d = std::abs(e.appliedAt.toMSecsSinceEpoch() - qint64(p.x()));
                if (best < 0 || d < best) {
                    best = d;
                    version = e.version;
                }
            }
            Q_EMIT entryClicked(h, version);
        });
    }
}

} // namespace strata::ui
