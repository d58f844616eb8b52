#pragma once

#include "statstab.h"

namespace strata::models {
class StatsTableModel;
}

namespace strata::ui {

// The statements that took the most time (pg_stat_statements), or how to enable it.
class StatementsTab : public StatsTab
{
    Q_OBJECT
public:
    explicit StatementsTab(StatsController *controller, QWidget *parent = nullptr);
    void showSnapshot(const core::StatsSnapshot &s) override;

private:
    models::StatsTableModel *m_model;
};

} // namespace strata::ui
