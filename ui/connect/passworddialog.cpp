#include "passworddialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace strata::ui {

PasswordDialog::PasswordDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Password"));
    auto *layout = new QVBoxLayout(this);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_password = new QLineEdit(this);
    m_password->setEchoMode(QLineEdit::Password);
    m_remember = new QCheckBox(tr("Remember in the system keychain"), this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_message);
    layout->addWidget(m_password);
    layout->addWidget(m_remember);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(440, sizeHint().height());
}

void PasswordDialog::setMessage(const QString &message)
{
    m_message->setText(message);
}

void PasswordDialog::setRememberOffered(bool offered, bool checked)
{
    m_remember->setVisible(offered);
    m_remember->setChecked(checked);
}

QString PasswordDialog::enteredPassword() const
{
    return m_password->text();
}

bool PasswordDialog::remember() const
{
    return m_remember->isVisible() && m_remember->isChecked();
}

} // namespace strata::ui
