#pragma once

#include "statstab.h"

namespace strata::models {
class LockTreeModel;
}

namespace strata::ui {

// Who blocks whom, as a tree; cancel a session's query or end it.
class LocksTab : public StatsTab
{
    Q_OBJECT
public:
    explicit LocksTab(StatsController *controller, QWidget *parent = nullptr);
    void showSnapshot(const core::StatsSnapshot &s) override;
    QStringList sections() const override { return { QStringLiteral("locks") }; }
    models::LockTreeModel *model() const { return m_model; }

private:
    models::LockTreeModel *m_model;
};

} // namespace strata::ui
