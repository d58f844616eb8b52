#pragma once

#include <QSortFilterProxyModel>

namespace strata::ui {

// Filters migration entries by a text (any column) and a state (-1: all).
class MigrationFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit MigrationFilterProxy(QObject *parent = nullptr);
    void setText(const QString &text);
    void setState(int state);

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    QString m_text;
    int m_state = -1;
};

} // namespace strata::ui
