#pragma once

#include "workspacepage.h"

#include <memory>

class QLabel;
class QTableWidget;

namespace strata::core {
class OverviewService;
}

namespace strata::ui {

// What the connection is: server, version, who we are, and the databases with their sizes.
class OverviewPage : public WorkspacePage
{
    Q_OBJECT
public:
    explicit OverviewPage(AppContext *context, QWidget *parent = nullptr);
    ~OverviewPage() override;
    QString id() const override { return QStringLiteral("overview"); }
    QString title() const override { return tr("Overview"); }
    // Whether the figures for the open connection are shown; loaded() says when they are.
    bool isLoaded() const { return m_loaded; }

Q_SIGNALS:
    void loaded();

private:
    void reload();

    std::unique_ptr<core::OverviewService> m_service;
    QLabel *m_header;
    QLabel *m_facts;
    QLabel *m_warning;
    QTableWidget *m_databases;
    int m_generation = 0;
    bool m_loaded = false;
};

} // namespace strata::ui
