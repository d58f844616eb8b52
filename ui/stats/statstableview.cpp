#include "statstableview.h"

#include "fileexport.h"
#include "stats/csvexport.h"
#include "stats/statstablemodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace strata::ui {

StatsTableView::StatsTableView(
    const QString &title, QAbstractItemModel *model, bool tree, QWidget *parent)
    : QWidget(parent)
{
    m_title = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), this);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->hide();
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(260);
    auto *exportCsv = new QPushButton(tr("CSV…"), this);
    exportCsv->setToolTip(tr("Save the rows shown as CSV"));

    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(models::StatsTableModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setRecursiveFilteringEnabled(true);
    connect(
        m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    if (tree) {
        auto *t = new QTreeView(this);
        t->setModel(m_proxy);
        t->setUniformRowHeights(true);
        t->setAlternatingRowColors(true);
        t->setAllColumnsShowFocus(true);
        t->header()->setStretchLastSection(true);
        connect(model, &QAbstractItemModel::modelReset, t, &QTreeView::expandAll);
        m_view = t;
    } else {
        auto *t = new QTableView(this);
        t->setModel(m_proxy);
        t->setSortingEnabled(true);
        t->sortByColumn(-1, Qt::AscendingOrder);
        t->setAlternatingRowColors(true);
        t->setSelectionBehavior(QAbstractItemView::SelectRows);
        t->setSelectionMode(QAbstractItemView::SingleSelection);
        t->verticalHeader()->hide();
        t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 8);
        t->horizontalHeader()->setStretchLastSection(true);
        t->setWordWrap(false);
        t->setTextElideMode(Qt::ElideRight);
        // Size the columns to their contents once rows are there, then leave them to the user.
        connect(model, &QAbstractItemModel::modelReset, t, [t] {
            if (t->model()->rowCount() > 0 && !t->property("sized").toBool()) {
                t->resizeColumnsToContents();
                for (int c = 0; c < t->model()->columnCount(); ++c)
                    t->setColumnWidth(c, std::min(t->columnWidth(c), 380));
                t->setProperty("sized", true);
            }
        });
        m_view = t;
    }
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &StatsTableView::currentChanged);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &StatsTableView::currentChanged);

    connect(exportCsv, &QPushButton::clicked, this, [this, title] {
        fileexport::saveText(this, tr("Save table"),
            title.toLower().replace(u' ', u'-') + QStringLiteral(".csv"), tr("CSV files (*.csv)"),
            csv());
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addStretch();
    m_actions = new QHBoxLayout;
    top->addLayout(m_actions);
    top->addWidget(m_filter);
    top->addWidget(exportCsv);
    layout->addLayout(top);
    layout->addWidget(m_note);
    layout->addWidget(m_view, 1);
}

void StatsTableView::setNote(const QString &note, bool isError)
{
    m_note->setText(note);
    m_note->setStyleSheet(isError ? QStringLiteral("QLabel { background: #fde0dc; color: #5c1a10; "
                                                   "border: 1px solid #e0a090; padding: 4px; }")
                                  : QStringLiteral("QLabel { background: #eef4fb; color: #1d3557; "
                                                   "border: 1px solid #b8cfe8; padding: 4px; }"));
    m_note->setVisible(!note.isEmpty());
}

QVariant StatsTableView::currentKey(int role) const
{
    const QModelIndex i = m_view->currentIndex();
    if (!i.isValid())
        return {};
    return i.siblingAtColumn(0).data(role);
}

QString StatsTableView::csv() const
{
    return models::csv::fromModel(m_proxy);
}

} // namespace strata::ui
