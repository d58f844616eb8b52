#pragma once

#include "statstab.h"

class QComboBox;

namespace strata::models {
class StatsTableModel;
}

namespace strata::ui {

// Client sessions, filtered by what they are doing; cancel a session's query or end it.
class ActivityTab : public StatsTab
{
    Q_OBJECT
public:
    explicit ActivityTab(StatsController *controller, QWidget *parent = nullptr);
    void showSnapshot(const core::StatsSnapshot &s) override;
    QStringList sections() const override;
    bool selectRow(const QString &section, const QVariant &key) override;

private:
    void showRows();

    QComboBox *m_filter;
    models::StatsTableModel *m_model;
};

} // namespace strata::ui
