#pragma once

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QSpinBox;

namespace strata::core {
class Preferences;
}

namespace strata::ui {

// Connection > Preferences: the few settings Strata has beyond each connection's own (those live in
// the connection's dialog). Each is read where it takes effect (see preferencekeys.h); the
// dialog writes them when accepted.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(core::Preferences *preferences, QWidget *parent = nullptr);

    QSpinBox *notifyAfter() const { return m_notifyAfter; }
    QLineEdit *backupFolder() const { return m_backupFolder; }
    QCheckBox *reconnect() const { return m_reconnect; }

    void accept() override;

private:
    core::Preferences *m_preferences;
    QSpinBox *m_notifyAfter;
    QLineEdit *m_backupFolder;
    QCheckBox *m_reconnect;
};

} // namespace strata::ui
