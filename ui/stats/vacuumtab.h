#pragma once

#include "statstab.h"

namespace strata::models {
class StatsTableModel;
}

namespace strata::ui {

// Dead tuples and (auto)vacuum per table, with VACUUM and ANALYZE; and the tables oldest in
// transaction IDs (user tables first; system catalogs only once overdue for a freeze).
class VacuumTab : public StatsTab
{
    Q_OBJECT
public:
    explicit VacuumTab(StatsController *controller, QWidget *parent = nullptr);
    void showSnapshot(const core::StatsSnapshot &s) override;
    QStringList sections() const override
    {
        return { QStringLiteral("vacuum"), QStringLiteral("xid_tables") };
    }

private:
    models::StatsTableModel *m_vacuum;
    models::StatsTableModel *m_xid;
};

} // namespace strata::ui
