#include "migrationfilterproxy.h"

#include "migrationentrymodel.h"

namespace strata::ui {

MigrationFilterProxy::MigrationFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(models::MigrationEntryModel::SortRole);
}

void MigrationFilterProxy::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

void MigrationFilterProxy::setState(int state)
{
    m_state = state;
    invalidateFilter();
}

bool MigrationFilterProxy::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    const QAbstractItemModel *m = sourceModel();
    if (m_state >= 0
        && m->index(row, 0, parent).data(models::MigrationEntryModel::StateRole).toInt() != m_state)
        return false;
    if (m_text.isEmpty())
        return true;
    for (int c = 0; c < m->columnCount(parent); ++c)
        if (m->index(row, c, parent).data().toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace strata::ui
