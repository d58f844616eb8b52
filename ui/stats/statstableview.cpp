#include "statstableview.h"

#include "theme.h"

#include "fileexport.h"
#include "flowlayout.h"
#include "stats/csvexport.h"
#include "stats/statstablemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

namespace strata::ui {

namespace {

QAbstractItemView *makeTree(QAbstractItemModel *source, QSortFilterProxyModel *proxy)
{
    auto *t = new QTreeView;
    t->setModel(proxy);
    t->setUniformRowHeights(true);
    t->setAlternatingRowColors(true);
    t->setAllColumnsShowFocus(true);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->header()->setStretchLastSection(true);
    QObject::connect(source, &QAbstractItemModel::modelReset, t, &QTreeView::expandAll);
    return t;
}

QAbstractItemView *makeTable(QAbstractItemModel *source, QSortFilterProxyModel *proxy)
{
    auto *t = new QTableView;
    t->setModel(proxy);
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
    QObject::connect(source, &QAbstractItemModel::modelReset, t, [t] {
        if (t->model()->rowCount() > 0 && !t->property("sized").toBool()) {
            t->resizeColumnsToContents();
            for (int c = 0; c < t->model()->columnCount(); ++c)
                t->setColumnWidth(c, std::min(t->columnWidth(c), 380));
            t->setProperty("sized", true);
        }
    });
    return t;
}

QModelIndex findKey(
    const QAbstractItemModel *m, int role, const QVariant &key, const QModelIndex &parent = {})
{
    for (int r = 0; r < m->rowCount(parent); ++r) {
        const QModelIndex i = m->index(r, 0, parent);
        if (i.data(role) == key)
            return i;
        if (const QModelIndex child = findKey(m, role, key, i); child.isValid())
            return child;
    }
    return {};
}

} // namespace

StatsTableView::StatsTableView(
    const QString &title, QAbstractItemModel *model, int keyRole, bool tree, QWidget *parent)
    : QWidget(parent), m_titleText(title), m_keyRole(keyRole)
{
    m_title = new QLabel(QStringLiteral("<b>%1</b>").arg(title.toHtmlEscaped()), this);
    m_age = new QLabel(this);
    m_age->setForegroundRole(QPalette::PlaceholderText);
    m_age->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->hide();
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter"));
    m_filter->setClearButtonEnabled(true);
    // Never narrower than a few words: the header wraps instead.
    m_filter->setMinimumWidth(m_filter->fontMetrics().horizontalAdvance(u'x') * 18);
    m_filter->setMaximumWidth(260);
    auto *exportCsv = new QPushButton(tr("CSV…"), this);
    exportCsv->setToolTip(tr("Save the rows shown as CSV"));
    m_csv = exportCsv;

    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(models::StatsTableModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setRecursiveFilteringEnabled(true);
    connect(
        m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view = tree ? makeTree(model, m_proxy) : makeTable(model, m_proxy);
    m_view->setParent(this);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &StatsTableView::selectionChanged);
    connect(
        model, &QAbstractItemModel::modelAboutToBeReset, this, &StatsTableView::rememberSelection);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &StatsTableView::restoreSelection);

    connect(exportCsv, &QPushButton::clicked, this, [this, title] {
        fileexport::saveText(this, tr("Save table"),
            title.toLower().replace(u' ', u'-') + QStringLiteral(".csv"), tr("CSV files (*.csv)"),
            csv());
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_header = new FlowLayout;
    m_header->addWidget(m_title);
    m_header->addWidget(m_age);
    m_header->addWidget(m_filter);
    m_header->addWidget(exportCsv);
    layout->addLayout(m_header);
    layout->addWidget(m_note);
    layout->addWidget(m_view, 1);
}

void StatsTableView::setDescription(const QString &text)
{
    m_title->setToolTip(text);
}

void StatsTableView::addTool(QWidget *tool)
{
    tool->setParent(this);
    m_header->removeWidget(m_filter);
    m_header->removeWidget(m_csv);
    m_header->addWidget(tool);
    m_header->addWidget(m_filter);
    m_header->addWidget(m_csv);
}

void StatsTableView::setNote(const QString &note, bool isError)
{
    if (m_note->text() == note && m_note->property("error").toBool() == isError)
        return; // an unchanged note costs no relayout
    m_note->setText(note);
    m_note->setProperty("error", isError);
    m_note->setStyleSheet(theme::bannerStyle(isError ? theme::Tone::Error : theme::Tone::Info, 4));
    m_note->setVisible(!note.isEmpty());
}

void StatsTableView::setAge(const QString &age)
{
    if (m_age->text() != age)
        m_age->setText(age);
}

QString StatsTableView::age() const
{
    return m_age->text();
}

QVariant StatsTableView::selectedKey() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return {};
    return rows.first().data(m_keyRole);
}

bool StatsTableView::selectKey(const QVariant &key)
{
    const QModelIndex found = findKey(m_proxy, m_keyRole, key);
    if (!found.isValid())
        return false;
    m_view->setCurrentIndex(found);
    m_view->selectionModel()->select(
        found, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(found);
    return true;
}

void StatsTableView::rememberSelection()
{
    m_keptKey = selectedKey();
}

void StatsTableView::restoreSelection()
{
    const QVariant key = std::exchange(m_keptKey, {});
    if (!key.isValid() || !selectKey(key))
        Q_EMIT selectionChanged(); // the selection went with the rows
}

QString StatsTableView::csv() const
{
    return models::csv::fromModel(m_proxy);
}

} // namespace strata::ui
