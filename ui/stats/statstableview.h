#pragma once

#include <QVariant>
#include <QWidget>

class QAbstractItemModel;
class QAbstractItemView;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;

namespace strata::ui {

class FlowLayout;

// A titled, filterable, sortable table (or tree) of the dashboard with how old its rows are, a
// note line and a CSV export; action buttons go in with addTool(). Its header wraps onto a
// second line in a narrow window rather than squeezing the filter. The selected row survives a
// refresh (found again by its key).
class StatsTableView : public QWidget
{
    Q_OBJECT
public:
    // keyRole: the model's role that identifies a row (a pid, a qualified name).
    StatsTableView(const QString &title, QAbstractItemModel *model, int keyRole, bool tree = false,
        QWidget *parent = nullptr);
    // What the title does not say (shown over the title).
    void setDescription(const QString &text);

    QAbstractItemView *view() const { return m_view; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *filter() const { return m_filter; }
    QString title() const { return m_titleText; }
    // A button (or any tool) for the header, before the filter.
    void addTool(QWidget *tool);
    // A note (what this role cannot see, how to enable a feature) or an error, or nothing.
    void setNote(const QString &note, bool isError = false);
    // "read 12 s ago": how old the rows are.
    void setAge(const QString &age);
    QString age() const;
    // The key of the selected row, or an invalid QVariant when no row is selected.
    QVariant selectedKey() const;
    // Selects (and scrolls to) the first row with this key; false when there is none.
    bool selectKey(const QVariant &key);
    QString csv() const;

Q_SIGNALS:
    // The selected row changed (or went away).
    void selectionChanged();

private:
    void rememberSelection();
    void restoreSelection();

    QString m_titleText;
    int m_keyRole;
    QLabel *m_title;
    QLabel *m_age;
    QLabel *m_note;
    QLineEdit *m_filter;
    QWidget *m_csv;
    FlowLayout *m_header;
    QSortFilterProxyModel *m_proxy;
    QAbstractItemView *m_view;
    QVariant m_keptKey; // the selected row's key across a model reset
};

} // namespace strata::ui
