#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace strata::ui {

// Asks for a password when the server wants one or rejected the last one. Shown with open(),
// never exec(): the window keeps running behind it.
class PasswordDialog : public QDialog
{
    Q_OBJECT
public:
    explicit PasswordDialog(QWidget *parent = nullptr);
    void setMessage(const QString &message);
    void setRememberOffered(bool offered, bool checked);
    QString enteredPassword() const;
    bool remember() const;

private:
    QLabel *m_message;
    QLineEdit *m_password;
    QCheckBox *m_remember;
};

} // namespace strata::ui
