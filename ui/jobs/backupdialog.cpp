#include "backupdialog.h"

#include "theme.h"

#include "jobs/backupjob.h"
#include "jobs/jobsservice.h"
#include "jobs/toollocator.h"
#include "util/whenfinished.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace strata::ui {

namespace {
QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &s : text.split(QRegularExpression(QStringLiteral("[\\n,]"))))
        if (!s.trimmed().isEmpty())
            out << s.trimmed();
    return out;
}
} // namespace

BackupDialog::BackupDialog(
    core::ConnectionProfile profile, std::shared_ptr<core::JobsService> service, QWidget *parent)
    : QDialog(parent), m_profile(std::move(profile)), m_service(std::move(service))
{
    setWindowTitle(tr("Back up %1").arg(m_profile.database));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    buildWhere(form);
    buildWhat(form);
    layout->addLayout(form);
    buildCommand(layout);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_start = buttons->addButton(tr("Start backup"), QDialogButtonBox::AcceptRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &BackupDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &BackupDialog::reject);
    wire();
    m_output->setText(QDir::home().filePath(defaultFileName()));
    locateTool();
    optionsChanged();
    resize(720, 640);
}

// Where the backup goes and in which format.
void BackupDialog::buildWhere(QFormLayout *form)
{
    auto *outRow = new QHBoxLayout;
    m_output = new QLineEdit(this);
    m_browse = new QPushButton(tr("Browse…"), this);
    outRow->addWidget(m_output, 1);
    outRow->addWidget(m_browse);
    form->addRow(tr("Save to"), outRow);

    auto *fmtRow = new QHBoxLayout;
    m_format = new QComboBox(this);
    m_format->addItem(
        tr("Custom (compressed, items can be chosen on restore)"), int(core::BackupFormat::Custom));
    m_format->addItem(tr("Directory (parallel jobs)"), int(core::BackupFormat::Directory));
    m_format->addItem(tr("Tar"), int(core::BackupFormat::Tar));
    m_format->addItem(tr("Plain SQL"), int(core::BackupFormat::Plain));
    m_jobs = new QSpinBox(this);
    m_jobs->setRange(1, 32);
    m_jobs->setPrefix(tr("jobs: "));
    m_compress = new QSpinBox(this);
    m_compress->setRange(-1, 9);
    m_compress->setSpecialValueText(tr("default compression"));
    m_compress->setPrefix(tr("compression: "));
    m_compress->setValue(-1); // the format's own default, not "uncompressed"
    fmtRow->addWidget(m_format, 1);
    fmtRow->addWidget(m_jobs);
    fmtRow->addWidget(m_compress);
    form->addRow(tr("Format"), fmtRow);
}

// What it holds: schemas, tables and what they reference, content.
void BackupDialog::buildWhat(QFormLayout *form)
{
    m_schemas = new QLineEdit(this);
    m_schemas->setPlaceholderText(tr("all schemas (or: sales, \"Audit Log\")"));
    form->addRow(tr("Schemas"), m_schemas);
    m_tables = new QPlainTextEdit(this);
    m_tables->setPlaceholderText(tr("all tables; or one per line as in SQL: public.orders"));
    m_tables->setMaximumHeight(70);
    form->addRow(tr("Tables"), m_tables);
    m_withDeps = new QCheckBox(tr("Include what these tables reference (foreign keys)"), this);
    form->addRow(QString(), m_withDeps);
    m_closureNote = new QLabel(this);
    m_closureNote->setWordWrap(true);
    m_closureNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(QString(), m_closureNote);

    auto *what = new QHBoxLayout;
    m_everything = new QRadioButton(tr("Schema and data"), this);
    m_dataOnly = new QRadioButton(tr("Data only"), this);
    m_schemaOnly = new QRadioButton(tr("Schema only"), this);
    m_everything->setChecked(true);
    what->addWidget(m_everything);
    what->addWidget(m_dataOnly);
    what->addWidget(m_schemaOnly);
    what->addStretch();
    form->addRow(tr("Content"), what);
    auto *rows = new QHBoxLayout;
    m_inserts = new QCheckBox(tr("Rows as INSERT statements"), this);
    m_onConflict = new QCheckBox(tr("ON CONFLICT DO NOTHING"), this);
    rows->addWidget(m_inserts);
    rows->addWidget(m_onConflict);
    rows->addStretch();
    form->addRow(QString(), rows);
    m_excludeData = new QLineEdit(this);
    m_excludeData->setPlaceholderText(tr("tables whose rows are left out, e.g. public.audit_log"));
    form->addRow(tr("Exclude data of"), m_excludeData);
}

// The pg_dump found and the exact command.
void BackupDialog::buildCommand(QVBoxLayout *layout)
{
    m_tool = new QLabel(this);
    m_tool->setWordWrap(true);
    layout->addWidget(m_tool);
    auto *cmdBox = new QGroupBox(tr("Command (no password: it goes to pg_dump through a "
                                    "temporary password file)"),
        this);
    auto *cmdLayout = new QHBoxLayout(cmdBox);
    m_command = new QPlainTextEdit(cmdBox);
    m_command->setReadOnly(true);
    m_command->setMaximumHeight(80);
    m_command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copy = new QPushButton(tr("Copy"), cmdBox);
    cmdLayout->addWidget(m_command, 1);
    cmdLayout->addWidget(m_copy, 0, Qt::AlignTop);
    layout->addWidget(cmdBox);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(theme::textStyle(theme::Tone::Error));
    layout->addWidget(m_problem);
}

void BackupDialog::wire()
{
    connect(m_copy, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(m_command->toPlainText()); });
    connect(m_browse, &QPushButton::clicked, this, &BackupDialog::browse);
    m_resolveTimer = new QTimer(this);
    m_resolveTimer->setSingleShot(true);
    m_resolveTimer->setInterval(400);
    connect(m_resolveTimer, &QTimer::timeout, this, &BackupDialog::resolveTables);
    connect(m_tables, &QPlainTextEdit::textChanged, m_resolveTimer, qOverload<>(&QTimer::start));
    // The references are read whether the box is ticked or not: the dialog always says them.
    connect(m_withDeps, &QCheckBox::toggled, this, [this] { showResolved(m_closure); });
    for (auto *w : { m_output, m_schemas, m_excludeData })
        connect(w, &QLineEdit::textChanged, this, &BackupDialog::optionsChanged);
    connect(m_format, &QComboBox::currentIndexChanged, this, &BackupDialog::optionsChanged);
    for (auto *s : { m_jobs, m_compress })
        connect(s, &QSpinBox::valueChanged, this, &BackupDialog::optionsChanged);
    for (auto *b : { m_inserts, m_onConflict })
        connect(b, &QCheckBox::toggled, this, &BackupDialog::optionsChanged);
    for (auto *r : { m_everything, m_dataOnly, m_schemaOnly })
        connect(r, &QRadioButton::toggled, this, &BackupDialog::optionsChanged);
}

QString BackupDialog::defaultFileName() const
{
    return QStringLiteral("%1-%2.dump")
        .arg(m_profile.database, QDateTime::currentDateTime().toString("yyyyMMdd-HHmm"));
}

void BackupDialog::setFolder(const QString &folder)
{
    m_output->setText(QDir(folder).filePath(QFileInfo(m_output->text()).fileName()));
}

void BackupDialog::setTables(const QStringList &t)
{
    m_tables->setPlainText(t.join(u'\n'));
}
void BackupDialog::setIncludeReferenced(bool on)
{
    m_withDeps->setChecked(on);
}
void BackupDialog::setSchemas(const QStringList &s)
{
    m_schemas->setText(s.join(QStringLiteral(", ")));
}
void BackupDialog::setOutputPath(const QString &p)
{
    m_output->setText(p);
}

core::BackupOptions BackupDialog::options() const
{
    core::BackupOptions o;
    o.outputPath = m_output->text().trimmed();
    o.format = core::BackupFormat(m_format->currentData().toInt());
    o.jobs = m_jobs->value();
    o.schemas = splitList(m_schemas->text());
    o.tables = splitList(m_tables->toPlainText());
    o.withDependencies = m_withDeps->isChecked() && !o.tables.isEmpty();
    o.dataOnly = m_dataOnly->isChecked();
    o.schemaOnly = m_schemaOnly->isChecked();
    o.inserts = m_inserts->isChecked();
    o.onConflictDoNothing = m_onConflict->isChecked();
    o.compress = m_compress->value();
    o.excludeTableData = splitList(m_excludeData->text());
    return o;
}

QString BackupDialog::commandText() const
{
    return m_command->toPlainText();
}

void BackupDialog::optionsChanged()
{
    const bool directory
        = core::BackupFormat(m_format->currentData().toInt()) == core::BackupFormat::Directory;
    m_jobs->setEnabled(directory);
    if (!directory)
        m_jobs->setValue(1);
    m_onConflict->setEnabled(m_inserts->isChecked());
    if (!m_inserts->isChecked())
        m_onConflict->setChecked(false);
    updateCommand();
}

void BackupDialog::updateCommand()
{
    const core::BackupOptions o = options();
    core::BackupPlan plan;
    plan.chosenTables = m_resolved;
    core::ToolCommand c;
    c.program = m_toolPath;
    c.arguments = core::BackupJob::dumpArguments(o, plan, m_profile.toConnInfo(), o.outputPath);
    m_command->setPlainText(c.display());
    auto valid = o.validate();
    QString problem = valid ? QString() : valid.error().message;
    if (problem.isEmpty() && !m_resolvedOk)
        problem = m_closureNote->text();
    m_problem->setText(problem);
    m_start->setEnabled(problem.isEmpty());
}

void BackupDialog::resolveTables()
{
    const int generation = ++m_generation;
    const QStringList names = splitList(m_tables->toPlainText());
    if (names.isEmpty()) {
        m_closure.clear();
        m_resolved.clear();
        m_resolvedOk = true;
        m_closureNote->clear();
        updateCommand();
        Q_EMIT planShown();
        return;
    }
    if (!m_service)
        return; // nothing to resolve against
    m_closureNote->setText(tr("Reading the tables…"));
    QPointer<BackupDialog> self(this);
    core::whenFinished(this, m_service->resolveTables(names, true),
        [self, generation](core::Result<QList<core::TableRef>> r) {
            if (!self || generation != self->m_generation)
                return;
            if (!r) {
                self->m_closure.clear();
                self->m_resolved.clear();
                self->m_resolvedOk = false;
                self->m_closureNote->setText(r.error().message);
            } else {
                self->showResolved(r.value());
            }
            self->updateCommand();
            Q_EMIT self->planShown();
        });
}

void BackupDialog::showResolved(const QList<core::TableRef> &closure)
{
    m_closure = closure;
    m_resolved.clear();
    m_resolvedOk = true;
    const bool include = m_withDeps->isChecked();
    QStringList chosen, direct, further;
    for (const auto &t : closure) {
        if (!t.addedByClosure)
            chosen << t.qualified();
        else if (t.depth <= 1)
            direct << t.qualified();
        else
            further << t.qualified();
        if (include || !t.addedByClosure)
            m_resolved << t;
    }
    const QString list = QStringList(direct + further).join(QStringLiteral(", "));
    if (direct.isEmpty() && further.isEmpty())
        m_closureNote->setText(
            tr("%n table(s) chosen; they reference no other table.", nullptr, int(chosen.size())));
    else if (include)
        m_closureNote->setText(
            tr("Also included because the chosen tables reference them: %1.").arg(list));
    else
        m_closureNote->setText(
            tr("References %1%2: not included; tick to add them. Without them the backup cannot "
               "be restored on its own.")
                .arg(direct.join(QStringLiteral(", ")),
                    further.isEmpty()
                        ? QString()
                        : tr(" (and through them %1)").arg(further.join(QStringLiteral(", ")))));
    updateCommand();
}

void BackupDialog::locateTool()
{
    if (!m_service)
        return;
    m_tool->setText(tr("Looking for pg_dump…"));
    QPointer<BackupDialog> self(this);
    core::whenFinished(this, m_service->locateDumpTool(), [self](core::Result<core::ToolInfo> r) {
        if (!self)
            return;
        if (r) {
            self->m_toolPath = r->path;
            self->m_tool->setText(tr("Using %1 (%2).").arg(r->path, r->versionText));
        } else {
            self->m_tool->setText(
                QStringLiteral("<b>%1</b><br>%2")
                    .arg(r.error().message.toHtmlEscaped(), r.error().detail.toHtmlEscaped()));
            self->m_start->setEnabled(false);
        }
        self->updateCommand();
        Q_EMIT self->toolShown();
    });
}

void BackupDialog::browse()
{
    auto *fd = new QFileDialog(this, tr("Save the backup as"), m_output->text());
    fd->setAcceptMode(QFileDialog::AcceptSave);
    fd->setAttribute(Qt::WA_DeleteOnClose);
    if (core::BackupFormat(m_format->currentData().toInt()) == core::BackupFormat::Directory)
        fd->setFileMode(QFileDialog::Directory);
    connect(
        fd, &QFileDialog::fileSelected, this, [this](const QString &f) { m_output->setText(f); });
    fd->open();
}

void BackupDialog::accept()
{
    const core::BackupOptions o = options();
    if (auto v = o.validate(); !v) {
        m_problem->setText(v.error().toString());
        return;
    }
    Q_EMIT backupRequested(o);
    QDialog::accept();
}

} // namespace strata::ui
