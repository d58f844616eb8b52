// SchemaPage's context menu: copy names and statements, open another database, refresh, back up.
#include "schemapage.h"

#include "appcontext.h"
#include "catalog/catalogloader.h"
#include "schemanodes.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMenu>
#include <QTreeView>

namespace strata::ui {

using namespace schemanodes;
using models::SchemaTreeModel;
using Type = models::SchemaTreeNode::Type;
using core::ObjectKind;

void SchemaPage::showContextMenu(const QPoint &pos)
{
    const QModelIndex at = m_tree->indexAt(pos);
    if (!at.isValid())
        return;
    const QModelIndex obj = objectIndex(at);
    const QString qualified = obj.data(SchemaTreeModel::QualifiedNameRole).toString();
    auto *menuPtr = new QMenu(this);
    menuPtr->setAttribute(Qt::WA_DeleteOnClose);
    QMenu &menu = *menuPtr;
    if (!qualified.isEmpty()) {
        menu.addAction(tr("Copy qualified name"), this,
            [qualified] { QGuiApplication::clipboard()->setText(qualified); });
        if (typeOf(obj) == Type::Object && hasRows(kindOf(obj)))
            menu.addAction(tr("Copy as SELECT"), this,
                [schema = obj.data(SchemaTreeModel::SchemaNameRole).toString(),
                    name = obj.data(SchemaTreeModel::NameRole).toString()] {
                    QGuiApplication::clipboard()->setText(
                        core::CatalogLoader::selectStatement(schema, name));
                });
    }
    if (at.data(SchemaTreeModel::NotOpenedRole).toBool()) {
        const QString database = at.data(SchemaTreeModel::NameRole).toString();
        menu.addAction(tr("Open database %1").arg(database), this,
            [this, database] { context()->openDatabase(database); });
        menu.addSeparator();
    }
    const QPersistentModelIndex keep(at);
    menu.addAction(tr("Refresh"), this, [this, keep] {
        if (keep.isValid())
            m_model->refresh(keep);
    });
    menu.addAction(tr("Refresh all"), this, [this] { m_model->refresh(); });
    const bool table = typeOf(obj) == Type::Object
        && (kindOf(obj) == ObjectKind::Table || kindOf(obj) == ObjectKind::PartitionedTable
            || kindOf(obj) == ObjectKind::MaterializedView || kindOf(obj) == ObjectKind::Sequence);
    if (table || typeOf(obj) == Type::Schema) {
        menu.addSeparator();
        const QString schemaName = obj.data(SchemaTreeModel::NameRole).toString();
        menu.addAction(tr("Back up…"), this, [this, schemaName, table, qualified] {
            if (table)
                context()->requestBackup({ qualified }, {});
            else
                context()->requestBackup({}, { schemaName });
        });
    }
    if (typeOf(obj) == Type::Schema || (typeOf(obj) == Type::Object && hasRows(kindOf(obj)))) {
        const bool schema = typeOf(obj) == Type::Schema;
        const QString name = obj.data(SchemaTreeModel::NameRole).toString();
        const QString nsp = schema ? name : obj.data(SchemaTreeModel::SchemaNameRole).toString();
        menu.addAction(
            schema ? tr("Diagram of this schema") : tr("Diagram of it and its neighbours"), this,
            [this, nsp, name, schema] {
                context()->requestDiagram(nsp, schema ? QString() : name);
            });
    }
    // popup(), not exec(): no nested event loop.
    menu.popup(m_tree->viewport()->mapToGlobal(pos));
}

} // namespace strata::ui
