#pragma once

#include "catalog/catalogtypes.h"
#include "result.h"
#include "schematreenode.h"

#include <QAbstractItemModel>
#include <QFuture>
#include <QHash>
#include <QSet>
#include <QTimer>

#include <deque>
#include <limits>
#include <memory>

namespace strata::core {
class CatalogLoader;
}

namespace strata::models {

// The lazy schema tree: server > databases > schemas > groups > objects > columns, indexes,
// constraints, triggers, partitions. Expanding a node (fetchMore) asks the CatalogLoader for its
// children off the GUI thread. A group's objects (and a table's partitions) arrive as a compact
// list read straight from libpq, which the model keeps as their storage: no node per row, a node
// only for an object that is opened. Rows are inserted in two steps: the first screen in the turn
// the read lands, the rest on the next turn (or in batches of batchSize(), one per turn), so the
// view shows the first rows at once and lays the whole list out once. Each node carries a
// generation number and results for an older one are dropped. The model never runs SQL.
class SchemaTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    using Node = SchemaTreeNode;
    enum Role {
        NodeTypeRole = Qt::UserRole + 1, // int(SchemaTreeNode::Type)
        KindRole, // int(core::ObjectKind)
        OidRole,
        SchemaOidRole,
        SchemaNameRole,
        NameRole, // the bare name, without count
        QualifiedNameRole, // "schema"."name", quoted where needed
        EstimatedRowsRole,
        ParentOidRole,
        DetailRole,
        StateRole, // int(SchemaTreeNode::State)
        NotOpenedRole, // bool: another database of the server, which this session does not browse
        CountRole, // qint64: a schema's objects, a group's, a table's partitions; -1: none
    };

    explicit SchemaTreeModel(QObject *parent = nullptr);
    ~SchemaTreeModel() override;

    // Starts over with this connection (nullptr: empty tree).
    void setLoader(std::shared_ptr<core::CatalogLoader> loader, const QString &serverLabel);
    std::shared_ptr<core::CatalogLoader> loader() const { return m_loader; }

    void setShowInternal(bool show);
    bool showInternal() const { return m_showInternal; }
    // Rows inserted per event-loop turn after the first screen (default: all that are left).
    void setBatchSize(int rows) { m_batchSize = qMax(1, rows); }
    int batchSize() const { return m_batchSize; }
    // Rows inserted in the turn a list arrives (at most batchSize()).
    static constexpr int firstScreenRows = 200;

    // Re-reads a node and every loaded node under it, keeping the rows that still exist (and so
    // the view's expansion and selection); the invalid index refreshes the whole tree.
    void refresh(const QModelIndex &index = {});
    // Loads the path to a find result and emits revealed() with its index (or revealFailed()).
    void reveal(const core::FindMatch &match);
    // True while reads or batches are outstanding.
    bool isBusy() const;
    QModelIndex serverIndex() const;
    QModelIndex databaseIndex() const; // the connected database
    // The node of a row; null for an object that was never opened (its values are in data()).
    const Node *nodeAt(const QModelIndex &index) const;

    static QString countLabel(const QString &label, qint64 count);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

Q_SIGNALS:
    void loadFailed(const QModelIndex &where, const QString &message);
    void revealed(const QModelIndex &index);
    void revealFailed(const QString &message);
    void busyChanged(bool busy);
    // A node's children are all inserted.
    void nodeLoaded(const QModelIndex &index);

private:
    using NodePtr = std::unique_ptr<Node>;
    using NodeList = std::vector<NodePtr>;

    Node *node(const QModelIndex &index) const;
    Node *open(const QModelIndex &index);
    QModelIndex indexOf(const Node *n) const;
    QModelIndex rowIndex(const ObjectRows *rows, int row) const;
    void registerNode(Node *n);
    void forget(Node *n);
    void emitChanged(const Node *n);
    void startLoad(Node *n);
    void loadSubGroup(Node *n);
    template <typename T, typename Apply>
    void watch(Node *n, QFuture<core::Result<T>> future, Apply apply);
    template <typename T, typename Build>
    void watchNodes(Node *n, QFuture<core::Result<T>> future, Build build);
    void watchRows(Node *n, QFuture<core::Result<core::RelationList>> future);
    void failed(Node *n, const QString &message);
    void applyChildren(Node *n, NodeList fresh);
    void mergeChildren(Node *n, NodeList fresh);
    void applyRows(Node *n, core::RelationList fresh);
    void mergeRows(Node *n, core::RelationList fresh);
    void syncOpened(ObjectRows &rows);
    void refreshNode(Node *n);
    void refreshLoadedBelow(Node *n);
    void updateFrom(Node *kept, const Node &fresh);
    void dropPending(Node *n);
    void insertRows(Node *n, int count);
    void enqueue(Node *n);
    void insertBatch();
    void finishNode(Node *n);
    void updateBusy();
    void advanceReveal();
    Node *childFor(Node *n, const QString &key);

    std::shared_ptr<core::CatalogLoader> m_loader;
    NodePtr m_root;
    QHash<quint64, Node *> m_live;
    quint64 m_nextId = 1;
    std::deque<quint64> m_queue;
    QTimer m_batchTimer;
    int m_batchSize = std::numeric_limits<int>::max();
    int m_inFlight = 0;
    bool m_busy = false;
    bool m_showInternal = false;
    QString m_serverLabel;

    struct RevealStep
    {
        Node::Type type;
        QString key;
    };
    QList<RevealStep> m_reveal;
    QString m_revealName;
    QSet<quint64> m_revealRetried;
};

} // namespace strata::models
