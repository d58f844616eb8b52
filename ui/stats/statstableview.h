#pragma once

#include <QWidget>

class QAbstractItemModel;
class QAbstractItemView;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTreeView;

namespace strata::ui {

// A titled, filterable, sortable table (or tree) of the dashboard with a note line and a CSV
// export; buttons for actions go into actionRow().
class StatsTableView : public QWidget
{
    Q_OBJECT
public:
    StatsTableView(const QString &title, QAbstractItemModel *model, bool tree = false,
        QWidget *parent = nullptr);

    QAbstractItemView *view() const { return m_view; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QHBoxLayout *actionRow() const { return m_actions; }
    // A note (what this role cannot see, how to enable a feature) or an error, or nothing.
    void setNote(const QString &note, bool isError = false);
    // The KeyRole value of the current row, or an invalid QVariant.
    QVariant currentKey(int role) const;
    QString csv() const;

Q_SIGNALS:
    void currentChanged();

private:
    QLabel *m_title;
    QLabel *m_note;
    QLineEdit *m_filter;
    QSortFilterProxyModel *m_proxy;
    QAbstractItemView *m_view;
    QHBoxLayout *m_actions;
};

} // namespace strata::ui
