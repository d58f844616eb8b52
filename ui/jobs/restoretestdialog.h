#pragma once

#include "db/connectionprofile.h"
#include "jobs/backuphistory.h"

#include <QDialog>

class QComboBox;
class QLabel;

namespace strata::ui {

// Where to restore-test a backup: the open connection's server, or a saved connection's. The
// server the backup came from is chosen when it is one of them.
class RestoreTestDialog : public QDialog
{
    Q_OBJECT
public:
    // current: the open connection's profile (empty id and host when not connected).
    RestoreTestDialog(const core::BackupEntry &entry, const core::ConnectionProfile &current,
        bool connected, const QList<core::ConnectionProfile> &saved, QWidget *parent = nullptr);

    // -1: the open connection; otherwise an index into the saved profiles.
    int chosenSaved() const;
    void choose(int indexInCombo);
    int choices() const;

Q_SIGNALS:
    void targetChosen(int savedIndex); // -1: the open connection

private:
    QComboBox *m_target;
    QLabel *m_note;
};

} // namespace strata::ui
