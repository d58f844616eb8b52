#pragma once

#include "migrations/migrationinspector.h"
#include "migrations/sqlmigrationrunner.h"
#include "workspacepage.h"

#include <QFutureWatcher>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QVBoxLayout;

namespace strata::core {
class MigrationsService;
}
namespace strata::models {
class MigrationEntryModel;
}

namespace strata::ui {

class AlembicGraphView;
class MigrationFilterProxy;
class MigrationTimeline;

// Every migration framework's history in the connected database: a timeline, a filterable table,
// the Alembic revision graph, details with the migration's SQL, the comparison with the
// project's folder (remembered per connection), and applying pending plain-SQL files.
class MigrationsPage : public WorkspacePage
{
    Q_OBJECT
public:
    explicit MigrationsPage(AppContext *context, QWidget *parent = nullptr);
    ~MigrationsPage() override;
    static QString pageId() { return QStringLiteral("migrations"); }
    static QString pageTitle() { return tr("Migrations"); }
    QString id() const override { return pageId(); }
    QString title() const override { return pageTitle(); }
    void focusFind() override;
    void refresh() override { reload(); }
    QString busyReason() const override;

    // For tests: the folder in use, and whether a load is under way.
    QString folder() const { return m_dir; }
    void setFolder(const QString &dir, bool remember = true);
    bool isLoading() const { return m_loading; }
    models::MigrationEntryModel *model() const { return m_model; }
    // Selects the first entry in this state (an unfinished run, say) with its details; false
    // when there is none.
    bool selectFirst(core::MigrationState state);

Q_SIGNALS:
    void loaded();
    void applyFinished(const core::RunReport &report);

private:
    void buildFolderAndFilters(QVBoxLayout *layout);
    void buildHistories(QVBoxLayout *layout);
    void buildApplyRow(QVBoxLayout *layout);
    void wireViews();
    void wireRun();
    void onConnectionChanged();
    void reload();
    void chooseFolder();
    void showOverview(const core::MigrationOverview &overview);
    void showEntry(const QModelIndex &proxyIndex);
    void selectEntry(int history, const QString &version);
    void updateActions();
    void startApply();
    void confirmApply(const core::RunReport &plan);
    void runApply(bool rerunUnfinished);
    void cancelApply();

    QLineEdit *m_folderEdit;
    QPushButton *m_chooseButton;
    QPushButton *m_reloadButton;
    QComboBox *m_stateFilter;
    QLineEdit *m_textFilter;
    QLabel *m_notes;
    MigrationTimeline *m_timeline;
    QTableView *m_table;
    QTabWidget *m_tabs;
    QTextBrowser *m_details;
    AlembicGraphView *m_graph;
    QPushButton *m_applyButton;
    QLabel *m_command;
    QProgressBar *m_progress;
    QPushButton *m_cancelButton;
    models::MigrationEntryModel *m_model;
    MigrationFilterProxy *m_proxy;

    QString m_dir;
    core::MigrationOverview m_overview;
    int m_generation = 0;
    int m_detailGeneration = 0;
    bool m_loading = false;
    std::unique_ptr<core::MigrationsService> m_service;
    QFutureWatcher<core::RunReport> *m_runWatcher;
};

} // namespace strata::ui
