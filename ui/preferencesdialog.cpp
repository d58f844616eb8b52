#include "preferencesdialog.h"

#include "db/preferences.h"
#include "preferencekeys.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace strata::ui {

namespace {
QString key(const char *k)
{
    return QString::fromLatin1(k);
}
} // namespace

PreferencesDialog::PreferencesDialog(core::Preferences *preferences, QWidget *parent)
    : QDialog(parent), m_preferences(preferences)
{
    setWindowTitle(tr("Preferences"));
    m_notifyAfter = new QSpinBox(this);
    m_notifyAfter->setRange(0, 24 * 3600);
    m_notifyAfter->setSuffix(tr(" s"));
    m_notifyAfter->setValue(
        preferences->value(key(prefkeys::kNotifyAfterSeconds), prefkeys::kNotifyAfterSecondsDefault)
            .toInt());
    m_notifyAfter->setToolTip(tr("A backup, restore or restore test that ran at least this long "
                                 "ends with a desktop notification (0: every one)."));
    m_backupFolder
        = new QLineEdit(preferences->value(key(prefkeys::kBackupFolder)).toString(), this);
    m_backupFolder->setPlaceholderText(tr("Your home folder"));
    auto *browse = new QPushButton(tr("Choose…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        auto *d = new QFileDialog(this, tr("Backup folder"), m_backupFolder->text());
        d->setFileMode(QFileDialog::Directory);
        d->setOption(QFileDialog::ShowDirsOnly);
        d->setAttribute(Qt::WA_DeleteOnClose);
        connect(d, &QFileDialog::fileSelected, m_backupFolder, &QLineEdit::setText);
        d->open();
    });
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_backupFolder, 1);
    folderRow->addWidget(browse);
    m_reconnect = new QCheckBox(tr("Reconnect to the last connection at start"), this);
    m_reconnect->setChecked(preferences->value(key(prefkeys::kReconnectAtStart), true).toBool());
    m_reconnect->setToolTip(tr("Only a saved connection that was open when Strata closed; its "
                               "password comes from the keychain or is asked for."));

    auto *form = new QFormLayout;
    form->addRow(tr("Notify when a job ran longer than"), m_notifyAfter);
    form->addRow(tr("Propose backups in"), folderRow);
    form->addRow(m_reconnect);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

void PreferencesDialog::accept()
{
    m_preferences->setValue(key(prefkeys::kNotifyAfterSeconds), m_notifyAfter->value());
    if (const QString folder = m_backupFolder->text().trimmed(); !folder.isEmpty())
        m_preferences->setValue(key(prefkeys::kBackupFolder), folder);
    m_preferences->setValue(key(prefkeys::kReconnectAtStart), m_reconnect->isChecked());
    QDialog::accept();
}

} // namespace strata::ui
