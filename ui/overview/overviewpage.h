#pragma once

#include "overview/overviewtypes.h"
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
    QString id() const override { return QStringLiteral("overview"); }
    QString title() const override { return tr("Overview"); }
    void refresh() override { reload(); }

    // Whether the figures for the open connection are shown; loaded() says when they are.
    bool isLoaded() const { return m_loaded; }
    QString factsText() const;
    QStringList databaseNames() const;

Q_SIGNALS:
    void loaded();

private:
    void reload();
    void showHeader();
    void showFacts();
    void showDatabases(const QList<core::DatabaseSummary> &rows);

    std::unique_ptr<core::OverviewService> m_service;
    QLabel *m_header;
    QLabel *m_facts;
    QLabel *m_warning;
    QTableWidget *m_databases;
    QTimer m_clock; // moves the uptime and the figures' age on
    std::optional<core::ServerSummary> m_serverFacts;
    QDateTime m_readAt;
    int m_generation = 0;
    bool m_loaded = false;
};

} // namespace strata::ui
