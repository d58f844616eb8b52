#pragma once

#include "migrations/migrationinspector.h"

#include "jobs/backuphistory.h"
#include "overview/overviewtypes.h"
#include "stats/statssnapshot.h"
#include "workspacepage.h"

#include <QDateTime>
#include <QTimer>

#include <memory>
#include <optional>

class QLabel;
class QTableWidget;

namespace strata::core {
class OverviewService;
}

namespace strata::ui {

// What the connection is: server, version, who we are, and the databases with their sizes. The
// uptime counts on by itself; the figures say how old they are and are read again when a job
// changed the server (a restore that made a database) or on Refresh.
class OverviewPage : public WorkspacePage
{
    Q_OBJECT
public:
    explicit OverviewPage(AppContext *context, QWidget *parent = nullptr);
    ~OverviewPage() override;
    static QString pageId() { return QStringLiteral("overview"); }
    static QString pageTitle() { return tr("Overview"); }
    QString id() const override { return pageId(); }
    QString title() const override { return pageTitle(); }
    void refresh() override { reload(); }

    // Whether the figures for the open connection are shown; loaded() says when they are.
    bool isLoaded() const { return m_loaded; }
    bool areDetailsLoaded() const { return m_loaded && m_detailsPending == 0; }
    QString factsText() const;
    QStringList databaseNames() const; // largest first
    // The health lines, the largest schemas and the recent backups, once detailsLoaded().
    QString healthText() const;
    QString migrationsText() const;
    QStringList schemaNames() const;
    QString backupsText() const;

Q_SIGNALS:
    void loaded(); // the server's facts and databases
    void detailsLoaded(); // the health, the schemas and the backups too

private:
    void reload();
    void showHeader();
    void showFacts();
    void showDatabases(const QList<core::DatabaseSummary> &rows);
    void loadDetails(int generation); // overviewdetails.cpp
    void showHealth(const QList<core::HealthWarning> &warnings);
    void showMigrations(const core::Result<core::MigrationOverview> &r, const QString &dir);
    void showSchemas(const QList<core::SchemaSize> &rows);
    void showBackups(const QList<core::BackupEntry> &rows);
    void detailArrived();

    std::unique_ptr<core::OverviewService> m_service;
    QLabel *m_header;
    QLabel *m_facts;
    QLabel *m_warning;
    QTableWidget *m_databases;
    QLabel *m_health;
    QLabel *m_backups;
    QLabel *m_migrations;
    QTableWidget *m_schemas;
    int m_detailsPending = 0;
    QTimer m_clock; // moves the uptime and the figures' age on
    std::optional<core::ServerSummary> m_serverFacts;
    QDateTime m_readAt;
    int m_generation = 0;
    bool m_loaded = false;
};

} // namespace strata::ui
