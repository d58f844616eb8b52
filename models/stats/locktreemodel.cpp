#include "locktreemodel.h"

namespace strata::models {

LockTreeModel::LockTreeModel(QObject *parent) : QAbstractItemModel(parent) { }
LockTreeModel::~LockTreeModel() = default;

void LockTreeModel::build(Node *into, const core::LockNode &from)
{
    auto node = std::make_unique<Node>();
    node->row = from.row;
    node->parent = into;
    node->indexInParent = int(into->children.size());
    Node *raw = node.get();
    into->children.push_back(std::move(node));
    for (const core::LockNode &c : from.blocked)
        build(raw, c);
}

void LockTreeModel::setTree(const QList<core::LockNode> &roots)
{
    beginResetModel();
    m_root.children.clear();
    for (const core::LockNode &r : roots)
        build(&m_root, r);
    endResetModel();
}

LockTreeModel::Node *LockTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer())
                           : const_cast<Node *>(&m_root);
}

QModelIndex LockTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    Node *p = nodeFor(parent);
    return createIndex(row, column, p->children.at(size_t(row)).get());
}

QModelIndex LockTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *n = nodeFor(child);
    if (!n->parent || n->parent == &m_root)
        return {};
    return createIndex(n->parent->indexInParent, 0, n->parent);
}

int LockTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int LockTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant LockTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const core::LockRow &r = nodeFor(index)->row;
    if (role == PidRole)
        return r.pid;
    if (role == Qt::ToolTipRole && index.column() == Query)
        return r.query;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Pid: // as text: a view would show an int with group separators ("30,977")
        return QString::number(r.pid);
    case User:
        return r.database.isEmpty() ? r.user : r.user + u'@' + r.database;
    case State:
        return r.state;
    case Waits:
        if (r.wantedMode.isEmpty())
            return r.blockedBy.isEmpty() ? tr("blocks others") : QString();
        return tr("%1 on %2")
            .arg(r.wantedMode, r.wantedRelation.isEmpty() ? r.wantedLockType : r.wantedRelation);
    case Duration:
        return r.transactionSeconds < 0 ? QString()
                                        : tr("%1 s").arg(r.transactionSeconds, 0, 'f', 1);
    case Query:
        return r.query.simplified();
    }
    return {};
}

QVariant LockTreeModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Pid:
        return tr("PID");
    case User:
        return tr("User@database");
    case State:
        return tr("State");
    case Waits:
        return tr("Waits for");
    case Duration:
        return tr("Transaction");
    case Query:
        return tr("Query");
    }
    return {};
}

} // namespace strata::models
