#include "sizebarchart.h"

#include "theme.h"

#include "fileexport.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QValueAxis>

namespace strata::ui {

SizeBarChart::SizeBarChart(QWidget *parent) : QWidget(parent), m_chart(new QChart)
{
    m_chart->setTitle(tr("Largest tables (heap, TOAST, indexes)"));
    QFont f = m_chart->titleFont();
    f.setBold(true);
    m_chart->setTitleFont(f);
    theme::styleChart(m_chart);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(320);
    auto *save = new QPushButton(tr("PNG…"), this);
    save->setFlat(true);
    save->setToolTip(tr("Save this chart as a PNG image"));
    connect(save, &QPushButton::clicked, this, [this] {
        fileexport::saveImage(
            this, tr("Save chart"), QStringLiteral("largest-tables.png"), toImage());
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    m_caption = new QLabel(this);
    m_caption->setForegroundRole(QPalette::PlaceholderText);
    auto *row = new QHBoxLayout;
    row->addWidget(m_caption, 1);
    row->addWidget(save);
    layout->addLayout(row);
}

void SizeBarChart::setCaption(const QString &caption)
{
    if (m_caption->text() != caption)
        m_caption->setText(caption);
}

void SizeBarChart::setRelations(const QList<core::RelationSizeRow> &all, int shown)
{
    QList<core::RelationSizeRow> rows;
    for (const core::RelationSizeRow &r : all)
        if (r.parentName.isEmpty())
            rows.append(r);
    m_chart->removeAllSeries();
    for (QAbstractAxis *a : m_chart->axes())
        m_chart->removeAxis(a);
    auto *heap = new QBarSet(tr("Heap"));
    auto *toast = new QBarSet(tr("TOAST"));
    auto *indexes = new QBarSet(tr("Indexes"));
    QStringList names;
    double maxMiB = 0;
    const auto mib = [](qint64 b) { return double(b) / (1024.0 * 1024.0); };
    // Largest at the top: horizontal bars draw the first category at the bottom.
    const int n = std::min<int>(shown, int(rows.size()));
    for (int i = n - 1; i >= 0; --i) {
        const core::RelationSizeRow &r = rows.at(i);
        QString name = r.schema + u'.' + r.name;
        if (name.size() > 40)
            name = name.left(39) + QChar(0x2026);
        names << name;
        heap->append(mib(r.heapBytes));
        toast->append(mib(r.toastBytes));
        indexes->append(mib(r.indexBytes));
        maxMiB = std::max(maxMiB, mib(r.totalBytes));
    }
    m_bars = n;
    auto *series = new QHorizontalStackedBarSeries;
    series->append(heap);
    series->append(toast);
    series->append(indexes);
    m_chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(names);
    y->setTruncateLabels(false); // a name cut to "…" says nothing; the bars give way instead
    auto *x = new QValueAxis;
    x->setTitleText(tr("MiB"));
    x->setRange(0, maxMiB > 0 ? maxMiB * 1.05 : 1);
    x->setLabelFormat(maxMiB < 10 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    m_chart->addAxis(y, Qt::AlignLeft);
    m_chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
}

QImage SizeBarChart::toImage() const
{
    return m_view->grab().toImage();
}

} // namespace strata::ui
