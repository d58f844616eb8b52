#pragma once

#include "catalog/catalogtypes.h"
#include "workspacepage.h"

#include <QModelIndex>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QTimer;
class QTreeView;

namespace strata::core {
class CatalogLoader;
}
namespace strata::models {
class PreviewModel;
class SchemaTreeModel;
} // namespace strata::models

namespace strata::ui {

// The schema browser: a lazy tree of the connected database, a find box that asks the catalog,
// and details, DDL and a data preview of the selected object.
class SchemaPage : public WorkspacePage
{
    Q_OBJECT
public:
    explicit SchemaPage(AppContext *context, QWidget *parent = nullptr);
    ~SchemaPage() override;
    static QString pageId() { return QStringLiteral("schema"); }
    static QString pageTitle() { return tr("Schema"); }
    QString id() const override { return pageId(); }
    QString title() const override { return pageTitle(); }
    void focusFind() override;
    void refresh() override;

    // Reveals and selects schema.name (a table, view, function, ...) and shows its details;
    // objectShown(true) follows once they are there, objectShown(false) when there is no such
    // object (internal schemas included).
    void showObject(const QString &schema, const QString &name);
    // "details", "ddl" or "data": switches the right-hand tab; tabLoaded(name) follows once its
    // content is there (at once when it already is). For extra screenshots.
    void showTab(const QString &name);

    // Finds objects named like text across every schema; the first match is revealed and
    // selected. The list of matches stays open for the person to choose another.
    void find(const QString &text);

    models::SchemaTreeModel *treeModel() const { return m_model; }
    QTreeView *treeView() const { return m_tree; }
    QString detailsText() const;
    QString ddlText() const;
    models::PreviewModel *previewModel() const { return m_preview; }
    QString previewEstimateText() const;
    QStringList findResults() const;

Q_SIGNALS:
    void tabLoaded(const QString &name);
    void findFinished(int matches);
    void objectShown(bool found);

private:
    QWidget *buildTree();
    void buildTabs();
    void wireFind();
    void wireTree();
    void wireModel();
    void wireTabs();
    void onConnectionChanged();
    void onCurrentChanged(const QModelIndex &current);
    void onTabChanged(int tab);
    void loadDetails();
    void loadDdl();
    void loadPreview();
    void runFind();
    void chooseFindResult(int row);
    void onRevealed(const QModelIndex &index);
    void showContextMenu(const QPoint &pos);
    void setDetailsHtml(const QString &html);
    void finishShowObject(bool found);
    QModelIndex objectIndex(const QModelIndex &index) const;

    std::shared_ptr<core::CatalogLoader> m_loader;
    models::SchemaTreeModel *m_model;
    models::PreviewModel *m_preview;
    QLineEdit *m_findBox;
    QListWidget *m_findList;
    QTimer *m_findTimer;
    QCheckBox *m_internal;
    QTreeView *m_tree;
    QTabWidget *m_tabs;
    QTextBrowser *m_details;
    QPlainTextEdit *m_ddl;
    QPushButton *m_copyDdl;
    QLabel *m_ddlStatus;
    QLabel *m_estimate;
    QTableView *m_grid;
    QLabel *m_status;
    QList<core::FindMatch> m_matches;

    QPersistentModelIndex m_current; // the object whose details are shown
    int m_generation = 0; // bumps on every selection; late results for an old one drop
    int m_findGeneration = 0;
    bool m_detailsLoaded = false;
    bool m_ddlLoaded = false;
    bool m_previewLoaded = false;
    bool m_ddlFor = false;
    bool m_showPending = false; // showObject() waits for the details
    bool m_revealSelects = true;
};

} // namespace strata::ui
