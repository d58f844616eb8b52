#include "statstablemodel.h"

#include <QBrush>
#include <QColor>

namespace strata::models {

StatsTableModel::StatsTableModel(QStringList headers, QObject *parent)
    : QAbstractTableModel(parent), m_headers(std::move(headers))
{
}

void StatsTableModel::setRows(QList<Row> rows)
{
    // Row counts change freely between refreshes; a reset is the honest signal. Views keep
    // their sort column and filter through the proxy.
    beginResetModel();
    m_rows = std::move(rows);
    for (Row &r : m_rows)
        while (r.cells.size() < m_headers.size())
            r.cells.append(Cell {});
    endResetModel();
}

int StatsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StatsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

QVariant StatsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const Cell &cell = row.cells.at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return cell.text;
    case Qt::ToolTipRole:
        return cell.toolTip.isEmpty() ? QVariant() : QVariant(cell.toolTip);
    case Qt::TextAlignmentRole:
        return cell.number ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                           : QVariant(int(Qt::AlignLeft | Qt::AlignVCenter));
    case Qt::BackgroundRole:
        if (row.severity == 1)
            return QBrush(QColor(0xff, 0xf4, 0xce));
        if (row.severity == 2)
            return QBrush(QColor(0xfd, 0xe0, 0xdc));
        return {};
    case Qt::ForegroundRole:
        return row.severity > 0 ? QVariant(QBrush(QColor(0x20, 0x20, 0x20))) : QVariant();
    case SortRole:
        return cell.sort.isValid() ? cell.sort : QVariant(cell.text);
    case KeyRole:
        return row.key;
    default:
        return {};
    }
}

QVariant StatsTableModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o == Qt::Horizontal && role == Qt::DisplayRole && section >= 0
        && section < m_headers.size())
        return m_headers.at(section);
    return QAbstractTableModel::headerData(section, o, role);
}

} // namespace strata::models
