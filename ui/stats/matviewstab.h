#pragma once

#include "statstab.h"

namespace strata::models {
class StatsTableModel;
}

namespace strata::ui {

// Materialized views: populated or not, whether they can refresh concurrently; REFRESH one.
class MatviewsTab : public StatsTab
{
    Q_OBJECT
public:
    explicit MatviewsTab(StatsController *controller, QWidget *parent = nullptr);
    void showSnapshot(const core::StatsSnapshot &s) override;
    QStringList sections() const override { return { QStringLiteral("matviews") }; }

private:
    void refresh();

    models::StatsTableModel *m_model;
};

} // namespace strata::ui
