#pragma once

#include "statstab.h"

namespace strata::models {
class StatsTableModel;
}

namespace strata::ui {

// Indexes never scanned, and indexes that duplicate another.
class IndexesTab : public StatsTab
{
    Q_OBJECT
public:
    explicit IndexesTab(StatsController *controller, QWidget *parent = nullptr);
    void showSnapshot(const core::StatsSnapshot &s) override;
    QStringList sections() const override
    {
        return { QStringLiteral("unused_indexes"), QStringLiteral("duplicate_indexes") };
    }

private:
    models::StatsTableModel *m_unused;
    models::StatsTableModel *m_duplicates;
};

} // namespace strata::ui
