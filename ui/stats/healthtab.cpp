#include "healthtab.h"

#include "flowlayout.h"
#include "livechart.h"
#include "stats/statsrows.h"
#include "statscontroller.h"

#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

namespace strata::ui {

namespace {

// Below these widths the charts go from beside the warnings to under them, then to one column.
constexpr int kWideFrom = 1000;
constexpr int kMediumFrom = 560;

QString tabOf(const QString &section)
{
    if (section == QLatin1String("vacuum") || section == QLatin1String("xid_tables"))
        return HealthTab::tr("Vacuum");
    if (section == QLatin1String("sequences"))
        return HealthTab::tr("Sequences");
    if (section == QLatin1String("activity") || section == QLatin1String("connections"))
        return HealthTab::tr("Activity");
    if (section == QLatin1String("locks"))
        return HealthTab::tr("Locks");
    if (section.endsWith(QLatin1String("indexes")))
        return HealthTab::tr("Indexes");
    if (section == QLatin1String("matviews"))
        return HealthTab::tr("Materialized views");
    if (section == QLatin1String("slots") || section == QLatin1String("replication"))
        return HealthTab::tr("Replication");
    if (section == QLatin1String("databases") || section == QLatin1String("relations"))
        return HealthTab::tr("Sizes");
    return {};
}

} // namespace

HealthTab::HealthTab(StatsController *controller, QWidget *parent) : StatsTab(controller, parent)
{
    auto *content = new QWidget;
    m_warnings = new QListWidget(content);
    m_warnings->setWordWrap(true);
    m_warnings->setSelectionMode(QAbstractItemView::NoSelection);
    m_warnings->setSpacing(2);
    m_warnings->setMinimumHeight(60);
    m_warnings->setResizeMode(QListView::Adjust); // wrap again when the width changes
    m_warnings->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_warnings->setMouseTracking(true);
    connect(m_warnings, &QListWidget::itemClicked, this, &HealthTab::activate);
    connect(m_warnings, &QListWidget::itemActivated, this, &HealthTab::activate);
    connect(m_warnings, &QListWidget::itemEntered, this, [this](QListWidgetItem *item) {
        m_warnings->viewport()->setCursor(item && !item->data(SectionRole).toString().isEmpty()
                ? Qt::PointingHandCursor
                : Qt::ArrowCursor);
    });
    m_warningsTitle = new QLabel(content);
    m_warningsBox = new QWidget(content);
    auto *wl = new QVBoxLayout(m_warningsBox);
    wl->setContentsMargins(0, 0, 0, 0);
    wl->addWidget(m_warningsTitle);
    wl->addWidget(m_warnings, 1);

    m_tpsChart = new LiveChart(
        tr("Transactions per second"), { tr("commits"), tr("rollbacks") }, tr("per second"));
    m_tupleChart
        = new LiveChart(tr("Tuples per second"), { tr("read"), tr("written") }, tr("per second"));
    m_connChart = new LiveChart(tr("Client sessions"),
        { tr("all"), tr("active"), tr("idle in transaction"), tr("waiting on a lock") },
        tr("sessions"));

    m_grid = new QGridLayout;
    m_grid->setContentsMargins(0, 0, 0, 0);
    auto *cl = new QVBoxLayout(content);
    cl->addWidget(buildFigures());
    cl->addLayout(m_grid, 1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    reflow(width());
    showAge(-1, -1);
}

QWidget *HealthTab::buildFigures()
{
    auto *strip = new QWidget;
    auto *flow = new FlowLayout(strip, 18, 8);
    const QStringList titles = { tr("Connections"), tr("Transactions/s"), tr("Tuples/s"),
        tr("Cache hit: tables"), tr("Cache hit: indexes"), tr("Database size") };
    for (int i = 0; i < titles.size(); ++i) {
        auto *box = new QWidget(strip);
        auto *title = new QLabel(titles.at(i), box);
        auto *value = new QLabel(QStringLiteral("–"), box);
        QFont f = value->font();
        f.setPointSizeF(f.pointSizeF() * 1.6);
        f.setBold(true);
        value->setFont(f);
        auto *age = new QLabel(box);
        QFont small = age->font();
        small.setPointSizeF(small.pointSizeF() * 0.85);
        age->setFont(small);
        age->setForegroundRole(QPalette::PlaceholderText);
        auto *l = new QVBoxLayout(box);
        l->setContentsMargins(0, 0, 0, 0);
        l->setSpacing(0);
        l->addWidget(title);
        l->addWidget(value);
        l->addWidget(age);
        // Wide enough for what a figure can say ("100 / 100", "no reads yet") in its own font,
        // so a refresh never cuts one short nor moves the others.
        box->setMinimumWidth(
            std::max({ QFontMetrics(f).horizontalAdvance(QStringLiteral("9999 / 9999")),
                title->sizeHint().width(),
                QFontMetrics(small).horizontalAdvance(tr("read 99 s ago")) }));
        flow->addWidget(box);
        m_figures.append({ value, age, i < 3 });
    }
    return strip;
}

void HealthTab::reflow(int width)
{
    const Shape shape = width >= kWideFrom ? Shape::Wide
        : width >= kMediumFrom             ? Shape::Medium
                                           : Shape::Narrow;
    if (shape == m_shape)
        return;
    m_shape = shape;
    for (QWidget *w : { m_warningsBox, static_cast<QWidget *>(m_tpsChart),
             static_cast<QWidget *>(m_tupleChart), static_cast<QWidget *>(m_connChart) })
        m_grid->removeWidget(w);
    for (int i = 0; i < 4; ++i) {
        m_grid->setColumnStretch(i, 0);
        m_grid->setRowStretch(i, 0);
    }
    switch (shape) {
    case Shape::Wide: // warnings | two charts over one
        m_grid->addWidget(m_warningsBox, 0, 0, 2, 1);
        m_grid->addWidget(m_tpsChart, 0, 1);
        m_grid->addWidget(m_tupleChart, 0, 2);
        m_grid->addWidget(m_connChart, 1, 1, 1, 2);
        m_grid->setColumnStretch(0, 4);
        m_grid->setColumnStretch(1, 5);
        m_grid->setColumnStretch(2, 5);
        m_grid->setRowStretch(0, 1);
        m_grid->setRowStretch(1, 1);
        break;
    case Shape::Medium: // warnings over two charts over one
        m_grid->addWidget(m_warningsBox, 0, 0, 1, 2);
        m_grid->addWidget(m_tpsChart, 1, 0);
        m_grid->addWidget(m_tupleChart, 1, 1);
        m_grid->addWidget(m_connChart, 2, 0, 1, 2);
        m_grid->setRowStretch(1, 1);
        m_grid->setRowStretch(2, 1);
        break;
    case Shape::Narrow:
    case Shape::Unset:
        m_grid->addWidget(m_warningsBox, 0, 0);
        m_grid->addWidget(m_tpsChart, 1, 0);
        m_grid->addWidget(m_tupleChart, 2, 0);
        m_grid->addWidget(m_connChart, 3, 0);
        for (int row = 1; row <= 3; ++row)
            m_grid->setRowStretch(row, 1);
        break;
    }
}

void HealthTab::fitWarnings()
{
    // Beside the charts the list takes their height; above them, no more than it needs, so
    // the charts stay in view.
    if (m_shape == Shape::Wide) {
        m_warnings->setMaximumHeight(QWIDGETSIZE_MAX);
        return;
    }
    // Half a line spare: the rows are measured before the list wraps them at its new width.
    int h = 2 * m_warnings->frameWidth() + m_warnings->fontMetrics().height() / 2;
    for (int i = 0; i < m_warnings->count(); ++i)
        h += m_warnings->sizeHintForRow(i) + 2 * m_warnings->spacing();
    m_warnings->setMaximumHeight(std::clamp(h, m_warnings->minimumHeight(), 200));
}

void HealthTab::resizeEvent(QResizeEvent *event)
{
    StatsTab::resizeEvent(event);
    reflow(width());
    fitWarnings();
}

void HealthTab::showSnapshot(const core::StatsSnapshot &s)
{
    // Rebuild the list only when the warnings changed: an unchanged list costs no relayout.
    QStringList texts;
    for (const core::HealthWarning &w : s.warnings)
        texts << w.text;
    if (texts == m_warningTexts && m_warnings->count() > 0) {
        showFigures();
        return;
    }
    m_warningTexts = texts;
    m_warnings->clear();
    QStyle *st = style();
    for (const core::HealthWarning &w : s.warnings) {
        const auto icon = w.severity == core::HealthWarning::Severity::Critical
            ? st->standardIcon(QStyle::SP_MessageBoxCritical)
            : w.severity == core::HealthWarning::Severity::Warning
            ? st->standardIcon(QStyle::SP_MessageBoxWarning)
            : st->standardIcon(QStyle::SP_MessageBoxInformation);
        auto *item = new QListWidgetItem(icon, w.text);
        const QString tab = tabOf(w.section);
        if (!tab.isEmpty()) {
            item->setData(SectionRole, w.section);
            item->setData(KeyRole, w.key);
            item->setToolTip(tr("Click to see this in the %1 tab").arg(tab));
        }
        m_warnings->addItem(item);
    }
    if (s.warnings.isEmpty())
        m_warnings->addItem(new QListWidgetItem(st->standardIcon(QStyle::SP_DialogApplyButton),
            tr("No warnings: nothing here needs attention now.")));
    fitWarnings();
    showFigures();
}

void HealthTab::activate(QListWidgetItem *item)
{
    const QString section = item ? item->data(SectionRole).toString() : QString();
    if (!section.isEmpty())
        Q_EMIT linkActivated(section, item->data(KeyRole));
}

void HealthTab::showSample()
{
    const auto &sample = controller()->lastSample();
    if (!sample)
        return;
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(qint64(sample->serverEpoch * 1000));
    const core::Rates &r = controller()->sampleRates();
    // The charts take their points in turns of the event loop a little apart, so each repaint
    // covers one chart and no single turn paints all three (a long stall on a slow machine).
    const int generation = m_generation;
    auto later = [this, generation](
                     int ms, LiveChart *chart, const QList<double> &values, const QDateTime &when) {
        QTimer::singleShot(ms, this, [this, generation, chart, values, when] {
            if (generation == m_generation)
                chart->addPoint(when, values);
        });
    };
    if (r.valid()) {
        m_tpsChart->addPoint(at, { r.commits, r.rollbacks });
        later(60, m_tupleChart, { r.tuplesRead(), r.tuplesWritten() }, at);
    }
    later(120, m_connChart,
        { double(sample->connections), double(sample->active), double(sample->idleInTransaction),
            double(sample->waitingOnLock) },
        at);
    showFigures();
}

void HealthTab::showFigures()
{
    const core::StatsSnapshot &s = controller()->snapshot();
    const auto &sample = controller()->lastSample();
    const core::Rates &rates = controller()->lastRates();
    const QLocale locale;
    auto set = [this](int i, const QString &text) {
        if (m_figures.at(i).value->text() != text)
            m_figures.at(i).value->setText(text);
    };
    const int maxConn
        = s.server.ok() && !s.server.rows.isEmpty() ? s.server.rows.first().maxConnections : 0;
    if (sample)
        set(0,
            maxConn > 0 ? tr("%1 / %2").arg(sample->connections).arg(maxConn)
                        : QString::number(sample->connections));
    if (rates.valid()) {
        set(1, locale.toString(rates.transactions, 'f', 1));
        set(2, locale.toString(rates.tuplesRead() + rates.tuplesWritten(), 'f', 0));
    }
    if (s.cacheHit.ok() && !s.cacheHit.rows.isEmpty()) {
        const core::CacheHitRow &c = s.cacheHit.rows.first();
        auto pct = [](double f) {
            return f < 0 ? tr("no reads yet") : QString::number(f * 100, 'f', 1) + u'%';
        };
        set(3, pct(c.tableRatio()));
        set(4, pct(c.indexRatio()));
    }
    if (s.server.ok() && !s.server.rows.isEmpty())
        for (const core::DatabaseRow &d : s.databases.rows)
            if (d.name == s.server.rows.first().database)
                set(5, models::statsrows::formatBytes(d.bytes));
}

void HealthTab::showAge(qint64 snapshotAgeMs, qint64 sampleAgeMs)
{
    const QString read = readAgo(snapshotAgeMs), sampled = sampledAgo(sampleAgeMs);
    for (const Figure &f : std::as_const(m_figures)) {
        const QString &text = f.live ? sampled : read;
        if (f.age->text() != text)
            f.age->setText(text);
    }
    const QString title = tr("<b>Health</b> <span style='color:gray'>%1</span>").arg(read);
    if (m_warningsTitle->text() != title)
        m_warningsTitle->setText(title);
    for (LiveChart *c : { m_tpsChart, m_tupleChart, m_connChart })
        c->setCaption(sampled);
}

void HealthTab::clear()
{
    ++m_generation;
    m_tpsChart->clear();
    m_tupleChart->clear();
    m_connChart->clear();
    m_warnings->clear();
    m_warningTexts.clear();
    for (const Figure &f : std::as_const(m_figures))
        f.value->setText(QStringLiteral("–"));
    showAge(-1, -1);
}

} // namespace strata::ui
