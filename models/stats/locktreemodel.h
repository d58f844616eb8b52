#pragma once

#include "stats/statssnapshot.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace strata::models {

// The blocking tree: roots are sessions that block others and wait for no one; children are the
// sessions they block. A session blocked by two others appears under both.
class LockTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    static constexpr int PidRole = Qt::UserRole + 1;
    enum Column { Pid, User, State, Waits, Duration, Query, ColumnCount };

    explicit LockTreeModel(QObject *parent = nullptr);
    ~LockTreeModel() override;

    void setTree(const QList<core::LockNode> &roots);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        core::LockRow row;
        Node *parent = nullptr;
        int indexInParent = 0;
        std::vector<std::unique_ptr<Node>> children;
    };
    void build(Node *into, const core::LockNode &from);
    Node *nodeFor(const QModelIndex &index) const;

    Node m_root;
};

} // namespace strata::models
