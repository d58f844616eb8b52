#include "restoretestdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace strata::ui {

RestoreTestDialog::RestoreTestDialog(const core::BackupEntry &entry,
    const core::ConnectionProfile &current, bool connected,
    const QList<core::ConnectionProfile> &saved, QWidget *parent)
    : QDialog(parent), m_target(new QComboBox(this)), m_note(new QLabel(this))
{
    setWindowTitle(tr("Restore test"));
    auto *layout = new QVBoxLayout(this);
    auto *intro
        = new QLabel(tr("<b>%1</b><br>Strata restores it into a throwaway database on the "
                        "server you choose, checks every table's rows against the backup's, "
                        "pg_restore's errors and the sequences, records the result in the "
                        "history, and drops the database again.")
                         .arg(QFileInfo(entry.path).fileName().toHtmlEscaped()),
            this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    form->addRow(tr("Restore on"), m_target);
    layout->addLayout(form);
    m_note->setWordWrap(true);
    layout->addWidget(m_note);
    int preferred = -1;
    if (connected) {
        m_target->addItem(
            tr("%1 (the open connection)").arg(core::backuphistory::serverLabel(current)), -1);
        if (core::backuphistory::serverLabel(current) == entry.server)
            preferred = 0;
    }
    for (int i = 0; i < saved.size(); ++i) {
        m_target->addItem(QStringLiteral("%1 (%2)").arg(
                              saved[i].name, core::backuphistory::serverLabel(saved[i])),
            i);
        if (preferred < 0 && core::backuphistory::serverLabel(saved[i]) == entry.server)
            preferred = m_target->count() - 1;
    }
    m_target->setCurrentIndex(std::max(0, preferred));
    m_note->setText(preferred >= 0 || entry.server.isEmpty()
            ? tr("The server the backup came from is chosen.")
            : tr("The server the backup came from (%1) is not among your connections.")
                  .arg(entry.server));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start the restore test"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(m_target->count() > 0);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        Q_EMIT targetChosen(chosenSaved());
        accept();
    });
}

int RestoreTestDialog::chosenSaved() const
{
    return m_target->currentData().toInt();
}

void RestoreTestDialog::choose(int indexInCombo)
{
    m_target->setCurrentIndex(indexInCombo);
}

int RestoreTestDialog::choices() const
{
    return m_target->count();
}

} // namespace strata::ui
