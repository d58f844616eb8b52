#include "applydialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace strata::ui {

using Status = core::RunStep::Status;

namespace {

QString unfinishedName(const core::RunStep &s)
{
    return ApplyMigrationsDialog::tr("%1 (started %2, never finished)")
        .arg(s.file.relativePath, s.startedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
}

} // namespace

ApplyMigrationsDialog::ApplyMigrationsDialog(core::RunReport plan, QString target, QWidget *parent)
    : QDialog(parent), m_plan(std::move(plan)), m_target(std::move(target))
{
    setWindowTitle(tr("Apply pending migrations"));
    auto *layout = new QVBoxLayout(this);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_list = new QPlainTextEdit(this);
    m_list->setReadOnly(true);
    m_list->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_rerun = new QCheckBox(tr("Re-run unfinished files (nothing else is running them)"), this);
    bool anyUnfinished = false;
    for (const auto &s : m_plan.steps)
        anyUnfinished = anyUnfinished || s.unfinished;
    m_rerun->setVisible(anyUnfinished);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_run = buttons->addButton(tr("Run"), QDialogButtonBox::AcceptRole);
    m_run->setDefault(false);
    layout->addWidget(m_text);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_rerun);
    layout->addWidget(buttons);
    connect(m_rerun, &QCheckBox::toggled, this, &ApplyMigrationsDialog::update);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_run, &QPushButton::clicked, this, [this] {
        Q_EMIT runRequested(rerunUnfinished());
        accept();
    });
    update();
    resize(640, 420);
}

bool ApplyMigrationsDialog::rerunUnfinished() const
{
    return m_rerun->isChecked();
}

void ApplyMigrationsDialog::setRerunUnfinished(bool on)
{
    m_rerun->setChecked(on);
}

QString ApplyMigrationsDialog::planText() const
{
    return m_text->text();
}

QString ApplyMigrationsDialog::listText() const
{
    return m_list->toPlainText();
}

// In file order: unfinished files only when re-run (and then nothing is blocked), up to the
// first file that cannot be read.
QStringList ApplyMigrationsDialog::filesToRun() const
{
    const bool again = rerunUnfinished();
    if (m_plan.blocked && !again)
        return {};
    QStringList out;
    for (const auto &s : m_plan.steps) {
        if (s.unfinished && !again)
            continue;
        out << s.file.relativePath;
        if (s.status == Status::WouldFail)
            break;
    }
    return out;
}

void ApplyMigrationsDialog::update()
{
    const bool again = rerunUnfinished();
    const QStringList run = filesToRun();
    QStringList unfinished, lines;
    for (const auto &s : m_plan.steps) {
        if (s.unfinished)
            unfinished << unfinishedName(s);
        QString what;
        if (run.contains(s.file.relativePath))
            what = s.status == Status::WouldFail ? tr("stops here") : tr("runs");
        else
            what = s.unfinished ? tr("left alone") : tr("does not run");
        lines << QStringLiteral("%1  %2%3")
                     .arg(what, -12)
                     .arg(s.file.relativePath,
                         s.note.isEmpty() ? QString() : QStringLiteral("  (%1)").arg(s.note));
    }
    m_list->setPlainText(lines.join(u'\n'));
    QString text;
    if (run.isEmpty() && m_plan.blocked)
        text = tr("Nothing runs yet: %1, and the pending files come after it. Something may still "
                  "be running it: check pg_stat_activity, then tick the box below to run it "
                  "again, followed by the pending files.")
                   .arg(unfinished.join(QStringLiteral(", ")));
    else if (run.isEmpty())
        text = tr("Nothing to run: every file is recorded.");
    else
        text = tr("Runs %n file(s) against %1, in this order, recording each in %2.%3: %4. It "
                  "stops at the first error.",
            nullptr, int(run.size()))
                   .arg(m_target, m_plan.schema, m_plan.table, run.join(QStringLiteral(", ")));
    if (!run.isEmpty() && !unfinished.isEmpty())
        text += u' '
            + (again ? tr("Run again: %1.").arg(unfinished.join(QStringLiteral(", ")))
                     : tr("Left alone: %1.").arg(unfinished.join(QStringLiteral(", "))));
    m_text->setText(text);
    m_run->setText(
        run.isEmpty() ? tr("Nothing to run") : tr("Run %n file(s)", nullptr, int(run.size())));
    m_run->setEnabled(!run.isEmpty());
}

} // namespace strata::ui
