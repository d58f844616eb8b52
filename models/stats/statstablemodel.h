#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>
#include <QVariant>

namespace strata::models {

// A read-only table of the dashboard (sessions, vacuum, indexes, ...). The page turns core
// values into cells; the model only shows them. Qt::UserRole gives a cell's sort value (numbers
// sort as numbers), KeyRole the row's key (a pid, a qualified name) for actions.
class StatsTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int KeyRole = Qt::UserRole + 1;

    struct Cell
    {
        QString text;
        QVariant sort; // empty: sort by text
        bool number = false; // right-aligned
        QString toolTip;
    };
    struct Row
    {
        QVariant key;
        QList<Cell> cells;
        int severity = 0; // 0 none, 1 warning, 2 critical: tints the row
    };

    explicit StatsTableModel(QStringList headers, QObject *parent = nullptr);

    // Replaces the rows (a refresh); the headers stay.
    void setRows(QList<Row> rows);
    const QList<Row> &rows() const { return m_rows; }
    QStringList headers() const { return m_headers; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    static Cell text(const QString &t, const QString &tip = {})
    {
        return Cell { t, {}, false, tip };
    }
    static Cell number(const QString &t, const QVariant &sort)
    {
        return Cell { t, sort, true, {} };
    }

private:
    QStringList m_headers;
    QList<Row> m_rows;
};

} // namespace strata::models
