#pragma once

#include "statstab.h"

class QLabel;

namespace strata::models {
class StatsTableModel;
}

namespace strata::ui {

// Standbys streaming from this server, replication slots, and checkpoints.
class ReplicationTab : public StatsTab
{
    Q_OBJECT
public:
    explicit ReplicationTab(StatsController *controller, QWidget *parent = nullptr);
    void showSnapshot(const core::StatsSnapshot &s) override;
    QStringList sections() const override
    {
        return { QStringLiteral("replication"), QStringLiteral("slots") };
    }

private:
    models::StatsTableModel *m_standbys;
    models::StatsTableModel *m_slots;
    QLabel *m_checkpoints;
};

} // namespace strata::ui
