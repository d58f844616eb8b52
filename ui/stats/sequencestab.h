#pragma once

#include "statstab.h"

namespace strata::models {
class StatsTableModel;
}

namespace strata::ui {

// Sequences measured against the column they feed.
class SequencesTab : public StatsTab
{
    Q_OBJECT
public:
    explicit SequencesTab(StatsController *controller, QWidget *parent = nullptr);
    void showSnapshot(const core::StatsSnapshot &s) override;
    QStringList sections() const override { return { QStringLiteral("sequences") }; }

private:
    models::StatsTableModel *m_model;
};

} // namespace strata::ui
