#pragma once

#include "db/connectionprofile.h"

#include <QWidget>

class QTreeView;
class QPushButton;

namespace strata::models {
class ConnectionListModel;
}

namespace strata::ui {

// The list of connections on the left of the window, with its buttons.
class ConnectionPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionPanel(models::ConnectionListModel *model, QWidget *parent = nullptr);
    std::optional<core::ConnectionProfile> currentProfile() const;
    void select(const QString &profileId);
    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    void connectRequested(const core::ConnectionProfile &profile);
    void newRequested();
    void editRequested(const core::ConnectionProfile &profile);
    void removeRequested(const core::ConnectionProfile &profile);

private:
    void updateButtons();

    models::ConnectionListModel *m_model;
    QTreeView *m_view;
    QPushButton *m_connect;
    QPushButton *m_edit;
    QPushButton *m_remove;
};

} // namespace strata::ui
