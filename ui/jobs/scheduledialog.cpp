#include "scheduledialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace strata::ui {

namespace {

QSpinBox *keepBox(int value, QWidget *parent)
{
    auto *b = new QSpinBox(parent);
    b->setRange(0, 999);
    b->setValue(value);
    b->setSpecialValueText(QObject::tr("not used"));
    return b;
}

} // namespace

ScheduleDialog::ScheduleDialog(const core::BackupSchedule &proposal, QWidget *parent)
    : QDialog(parent), m_base(proposal), m_name(new QLineEdit(proposal.name, this)),
      m_folder(new QLineEdit(proposal.outputDir, this)), m_every(new QComboBox(this)),
      m_at(new QTimeEdit(QTime(3, 0), this)), m_calendar(new QLineEdit(this)),
      m_format(new QComboBox(this)), m_keepLast(keepBox(proposal.retention.keepLast, this)),
      m_keepDaily(keepBox(proposal.retention.keepDaily, this)),
      m_keepWeekly(keepBox(proposal.retention.keepWeekly, this)),
      m_keepMonthly(keepBox(proposal.retention.keepMonthly, this)), m_problem(new QLabel(this))
{
    setWindowTitle(tr("New backup schedule"));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    auto *folderRow = new QHBoxLayout;
    auto *browse = new QPushButton(tr("Browse…"), this);
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    form->addRow(tr("Folder"), folderRow);
    m_every->addItem(tr("Every day"), QStringLiteral("daily"));
    m_every->addItem(tr("Every week (Monday)"), QStringLiteral("weekly"));
    m_every->addItem(tr("Calendar expression"), QStringLiteral("calendar"));
    auto *everyRow = new QHBoxLayout;
    everyRow->addWidget(m_every);
    everyRow->addWidget(new QLabel(tr("at"), this));
    everyRow->addWidget(m_at);
    form->addRow(tr("When"), everyRow);
    m_calendar->setPlaceholderText(QStringLiteral("Mon..Fri *-*-* 02:30"));
    form->addRow(tr("systemd calendar"), m_calendar);
    for (const char *f : { "custom", "directory", "tar", "plain" })
        m_format->addItem(QLatin1String(f), QLatin1String(f));
    form->addRow(tr("Format"), m_format);
    form->addRow(tr("Keep the last"), m_keepLast);
    form->addRow(tr("Keep one a day for"), m_keepDaily);
    form->addRow(tr("Keep one a week for"), m_keepWeekly);
    form->addRow(tr("Keep one a month for"), m_keepMonthly);
    layout->addLayout(form);
    auto *note = new QLabel(tr("Strata writes a systemd user timer that runs strata-cli at these "
                               "times, also while Strata is closed. The password comes from the "
                               "keychain or ~/.pgpass, never from the timer's files. Only backups "
                               "this schedule made are ever deleted, and never the newest one "
                               "that passed a restore test."),
        this);
    note->setWordWrap(true);
    layout->addWidget(note);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #a00000"));
    layout->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create the schedule"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this,
        [this] { Q_EMIT scheduleRequested(schedule()); });
    connect(m_every, &QComboBox::currentIndexChanged, this, &ScheduleDialog::updateState);
    connect(browse, &QPushButton::clicked, this, [this] {
        auto *fd = new QFileDialog(this, tr("Folder for the backups"), m_folder->text());
        fd->setFileMode(QFileDialog::Directory);
        fd->setAttribute(Qt::WA_DeleteOnClose);
        connect(fd, &QFileDialog::fileSelected, m_folder, &QLineEdit::setText);
        fd->open();
    });
    updateState();
}

void ScheduleDialog::updateState()
{
    const bool calendar = m_every->currentData().toString() == QLatin1String("calendar");
    m_calendar->setEnabled(calendar);
    m_at->setEnabled(!calendar);
}

core::BackupSchedule ScheduleDialog::schedule() const
{
    core::BackupSchedule s = m_base;
    s.name = m_name->text().trimmed();
    s.outputDir = m_folder->text().trimmed();
    const QString every = m_every->currentData().toString();
    s.every = every == QLatin1String("calendar")
        ? m_calendar->text().trimmed()
        : core::backupschedule::calendarFor(every, m_at->time().toString(QStringLiteral("hh:mm")));
    s.options.format = core::BackupOptions::parseFormat(m_format->currentData().toString())
                           .value_or(core::BackupFormat::Custom);
    s.retention.keepLast = m_keepLast->value();
    s.retention.keepDaily = m_keepDaily->value();
    s.retention.keepWeekly = m_keepWeekly->value();
    s.retention.keepMonthly = m_keepMonthly->value();
    return s;
}

void ScheduleDialog::setProblem(const QString &text)
{
    m_problem->setText(text);
}

} // namespace strata::ui
