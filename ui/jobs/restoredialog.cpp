#include "restoredialog.h"

#include "theme.h"

#include "jobs/archiveinspector.h"
#include "jobs/backupmanifest.h"
#include "jobs/jobsservice.h"
#include "util/whenfinished.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <optional>

namespace strata::ui {

RestoreDialog::RestoreDialog(
    core::ConnectionProfile profile, std::shared_ptr<core::JobsService> service, QWidget *parent)
    : QDialog(parent), m_profile(std::move(profile)), m_service(std::move(service))
{
    setWindowTitle(tr("Restore a backup"));
    auto *layout = new QVBoxLayout(this);
    buildArchive(layout);
    buildTarget(layout);
    buildOptions(layout);
    buildGuard(layout);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_start = buttons->addButton(tr("Start restore"), QDialogButtonBox::AcceptRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &RestoreDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RestoreDialog::reject);
    checkCurrentDatabase();
    checkTargetName();
    updateState();
    resize(760, 720);
}

void RestoreDialog::buildArchive(QVBoxLayout *layout)
{
    m_recent = new QComboBox(this);
    m_recentRow = new QWidget(this);
    auto *recentRow = new QHBoxLayout(m_recentRow);
    recentRow->setContentsMargins(0, 0, 0, 0);
    recentRow->addWidget(new QLabel(tr("Recent backups"), m_recentRow));
    recentRow->addWidget(m_recent, 1);
    m_recentRow->hide();
    layout->addWidget(m_recentRow);
    auto *archiveRow = new QHBoxLayout;
    m_archive = new QLineEdit(this);
    m_archive->setPlaceholderText(
        tr("a pg_dump archive, a directory-format folder or an .sql file"));
    auto *file = new QPushButton(tr("File…"), this);
    auto *folder = new QPushButton(tr("Folder…"), this);
    archiveRow->addWidget(new QLabel(tr("Archive"), this));
    archiveRow->addWidget(m_archive, 1);
    archiveRow->addWidget(file);
    archiveRow->addWidget(folder);
    layout->addLayout(archiveRow);
    m_archiveInfo = new QLabel(this);
    m_archiveInfo->setWordWrap(true);
    layout->addWidget(m_archiveInfo);

    m_toc = new QTreeWidget(this);
    m_toc->setHeaderLabels({ tr("Restore"), tr("Type"), tr("Schema"), tr("Name"), tr("Owner") });
    m_toc->setRootIsDecorated(false);
    m_toc->setUniformRowHeights(true);
    m_toc->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    layout->addWidget(m_toc, 1);
    auto *selRow = new QHBoxLayout;
    auto *all = new QPushButton(tr("Tick all"), this);
    auto *none = new QPushButton(tr("Tick none"), this);
    auto *dataOnlyTick = new QPushButton(tr("Only table data"), this);
    selRow->addWidget(all);
    selRow->addWidget(none);
    selRow->addWidget(dataOnlyTick);
    selRow->addStretch();
    layout->addLayout(selRow);

    connect(all, &QPushButton::clicked, this, [this] { setAllChecked(true); });
    connect(none, &QPushButton::clicked, this, [this] { setAllChecked(false); });
    connect(dataOnlyTick, &QPushButton::clicked, this, [this] {
        for (int i = 0; i < m_toc->topLevelItemCount(); ++i) {
            auto *it = m_toc->topLevelItem(i);
            it->setCheckState(
                0, it->text(1) == QLatin1String("TABLE DATA") ? Qt::Checked : Qt::Unchecked);
        }
        m_dataOnly->setChecked(true);
    });
    // A path is read as it is typed or pasted (a moment after the last key), not only on Enter.
    m_archiveTimer = new QTimer(this);
    m_archiveTimer->setSingleShot(true);
    m_archiveTimer->setInterval(400);
    connect(m_archiveTimer, &QTimer::timeout, this, [this] {
        if (m_archive->text().trimmed() != m_readPath)
            readToc();
    });
    connect(m_archive, &QLineEdit::textEdited, m_archiveTimer, qOverload<>(&QTimer::start));
    connect(m_archive, &QLineEdit::editingFinished, m_archiveTimer, [this] {
        m_archiveTimer->stop();
        if (m_archive->text().trimmed() != m_readPath)
            readToc();
    });
    connect(m_recent, &QComboBox::activated, this,
        [this](int i) { setArchive(m_recent->itemData(i).toString()); });
    auto pick = [this](bool dir) {
        auto *fd = new QFileDialog(this, tr("Choose the archive"));
        fd->setAttribute(Qt::WA_DeleteOnClose);
        fd->setFileMode(dir ? QFileDialog::Directory : QFileDialog::ExistingFile);
        connect(fd, &QFileDialog::fileSelected, this, &RestoreDialog::setArchive);
        fd->open();
    };
    connect(file, &QPushButton::clicked, this, [pick] { pick(false); });
    connect(folder, &QPushButton::clicked, this, [pick] { pick(true); });
    connect(m_toc, &QTreeWidget::itemChanged, this, &RestoreDialog::updateState);
}

void RestoreDialog::buildTarget(QVBoxLayout *layout)
{
    auto *target = new QGroupBox(tr("Restore into"), this);
    auto *tl = new QFormLayout(target);
    m_intoCurrent = new QRadioButton(tr("this database (%1)").arg(m_profile.database), target);
    m_intoOther = new QRadioButton(tr("another database on this server"), target);
    m_intoNew = new QRadioButton(tr("a new database"), target);
    m_otherName = new QLineEdit(target);
    m_newName = new QLineEdit(target);
    m_newName->setText(m_profile.database + QStringLiteral("_restored"));
    m_intoNew->setChecked(true);
    tl->addRow(m_intoCurrent);
    tl->addRow(m_intoOther, m_otherName);
    tl->addRow(m_intoNew, m_newName);
    layout->addWidget(target);
    for (auto *r : { m_intoCurrent, m_intoOther, m_intoNew })
        connect(r, &QRadioButton::toggled, this, &RestoreDialog::updateState);
    // The name is checked against the server while it is typed: a new database's name must be
    // free, another database must exist.
    m_nameTimer = new QTimer(this);
    m_nameTimer->setSingleShot(true);
    m_nameTimer->setInterval(300);
    connect(m_nameTimer, &QTimer::timeout, this, &RestoreDialog::checkTargetName);
    for (auto *e : { m_otherName, m_newName }) {
        connect(e, &QLineEdit::textChanged, this, [this] {
            m_nameState = NameState::Unknown;
            m_nameTimer->start();
            updateState();
        });
    }
    for (auto *r : { m_intoOther, m_intoNew })
        connect(r, &QRadioButton::toggled, m_nameTimer, qOverload<>(&QTimer::start));
}

void RestoreDialog::buildOptions(QVBoxLayout *layout)
{
    auto *opts = new QGroupBox(tr("Options"), this);
    auto *ol = new QVBoxLayout(opts);
    auto *row1 = new QHBoxLayout;
    m_single = new QCheckBox(tr("One transaction (a failure leaves the target unchanged)"), opts);
    m_single->setChecked(true);
    m_jobs = new QSpinBox(opts);
    m_jobs->setRange(1, 32);
    m_jobs->setPrefix(tr("parallel jobs: "));
    row1->addWidget(m_single);
    row1->addStretch();
    row1->addWidget(m_jobs);
    ol->addLayout(row1);
    m_jobsNote = new QLabel(tr("With parallel jobs each worker has its own connection and "
                               "transaction, so the restore cannot be one transaction: a failure "
                               "half-way leaves the target partly restored."),
        opts);
    m_jobsNote->setWordWrap(true);
    m_jobsNote->hide();
    ol->addWidget(m_jobsNote);
    auto *row2 = new QHBoxLayout;
    m_clean = new QCheckBox(tr("Drop existing objects first (if they exist)"), opts);
    m_dataOnly = new QCheckBox(tr("Data only"), opts);
    m_resetSequences = new QCheckBox(tr("Move sequences past the restored rows"), opts);
    m_resetSequences->setChecked(true);
    row2->addWidget(m_clean);
    row2->addWidget(m_dataOnly);
    row2->addWidget(m_resetSequences);
    ol->addLayout(row2);
    layout->addWidget(opts);
    for (auto *c : { m_single, m_clean, m_dataOnly })
        connect(c, &QCheckBox::toggled, this, &RestoreDialog::updateState);
    connect(m_jobs, &QSpinBox::valueChanged, this, &RestoreDialog::updateState);
}

void RestoreDialog::buildGuard(QVBoxLayout *layout)
{
    m_guardLabel = new QLabel(this);
    m_guardLabel->setWordWrap(true);
    m_guardLabel->setStyleSheet(theme::bannerStyle(theme::Tone::Warning));
    m_guard = new QLineEdit(this);
    layout->addWidget(m_guardLabel);
    layout->addWidget(m_guard);
    m_problem = new QLabel(this);
    m_problem->setStyleSheet(theme::textStyle(theme::Tone::Error));
    m_problem->setWordWrap(true);
    layout->addWidget(m_problem);
    connect(m_guard, &QLineEdit::textChanged, this, &RestoreDialog::updateState);
}

void RestoreDialog::setRecentArchives(const QList<std::pair<QString, QString>> &archives)
{
    m_recent->clear();
    for (const auto &[label, path] : archives)
        m_recent->addItem(label, path);
    m_recentRow->setVisible(!archives.isEmpty());
}

void RestoreDialog::checkTargetName()
{
    const bool isNew = m_intoNew->isChecked();
    const QString name = (isNew ? m_newName : m_otherName)->text().trimmed();
    const int generation = ++m_nameGeneration;
    if (!m_service || name.isEmpty() || m_intoCurrent->isChecked()) {
        m_nameState = NameState::Unknown;
        updateState();
        return;
    }
    QPointer<RestoreDialog> self(this);
    core::whenFinished(this, m_service->databaseExists(name),
        [self, generation, isNew](core::Result<bool> exists) {
            if (!self || generation != self->m_nameGeneration)
                return;
            if (!exists)
                self->m_nameState = NameState::Unknown;
            else if (isNew)
                self->m_nameState = *exists ? NameState::Taken : NameState::Fine;
            else
                self->m_nameState = *exists ? NameState::Fine : NameState::Missing;
            self->updateState();
            Q_EMIT self->targetChecked();
        });
}

void RestoreDialog::setArchive(const QString &path)
{
    m_archive->setText(path);
    readToc();
}

RestoreDialog::~RestoreDialog()
{
    m_check.cancel(); // the check in the background stops at its next block
}

void RestoreDialog::readToc()
{
    const QString path = m_archive->text().trimmed();
    m_readPath = path;
    const int generation = ++m_generation;
    m_tocLoaded = false;
    m_check.cancel();
    m_check = {};
    m_checkProblem.clear();
    m_hasChecksum = false;
    m_toc->clear();
    if (path.isEmpty()) {
        updateState();
        return;
    }
    m_archiveInfo->setText(tr("Reading the table of contents…"));
    if (!m_service) {
        m_archiveInfo->setText(tr("Connect to a server to read the archive."));
        updateState();
        return;
    }
    QPointer<RestoreDialog> self(this);
    // The table of contents, and whether a manifest with a SHA-256 stands beside the archive.
    core::whenFinished(this, m_service->readArchive(path),
        [self, generation, path](const core::ArchiveSummary &read) {
            if (!self || generation != self->m_generation)
                return;
            const core::Result<core::ArchiveToc> &r = read.toc;
            self->m_hasChecksum = read.hasChecksum;
            if (!r) {
                self->m_archiveInfo->setText(
                    QStringLiteral("<b>%1</b> %2")
                        .arg(r.error().message.toHtmlEscaped(), r.error().hint.toHtmlEscaped()));
                self->updateState();
                Q_EMIT self->inspected();
                return;
            }
            self->setToc(path, r.value());
        });
}

void RestoreDialog::setToc(const QString &path, const core::ArchiveToc &toc)
{
    if (m_archive->text() != path)
        m_archive->setText(path);
    m_tocLoaded = true;
    const QSignalBlocker block(m_toc);
    m_toc->clear();
    QList<QTreeWidgetItem *> items;
    for (const core::TocEntry &e : toc.entries) {
        auto *it
            = new QTreeWidgetItem({ QString::number(e.id), e.type, e.schema, e.name, e.owner });
        it->setCheckState(0, Qt::Checked);
        it->setData(0, Qt::UserRole, e.id);
        items << it;
    }
    m_toc->addTopLevelItems(items);
    m_toc->resizeColumnToContents(1);
    m_toc->resizeColumnToContents(2);
    if (toc.format == core::ArchiveFormat::Plain)
        m_archiveInfo->setText(tr("A plain SQL file: psql runs it whole with ON_ERROR_STOP, so "
                                  "items cannot be chosen."));
    else
        m_archiveInfo->setText(tr("%1 format, %2 items, database %3, made by pg_dump %4.")
                                   .arg(core::ArchiveToc::formatName(toc.format))
                                   .arg(toc.entries.size())
                                   .arg(toc.database, toc.dumpedBy));
    checkArchive(path);
    updateState();
}

void RestoreDialog::checkArchive(const QString &path)
{
    if (!m_hasChecksum) {
        Q_EMIT inspected(); // no manifest: the job reads the archive whole before it restores
        return;
    }
    m_check = core::JobsService::checkArchive(path);
    const QString info = m_archiveInfo->text();
    m_archiveInfo->setText(info + u' ' + tr("Checking its SHA-256 against the manifest…"));
    const int generation = m_generation;
    QPointer<RestoreDialog> self(this);
    // The manifest is read again in the worker: gone since the table of contents was read, there
    // is nothing to check here (no result).
    core::whenFinished(
        this, m_check, [self, generation, info](const std::optional<core::Status> &checked) {
            if (!self || generation != self->m_generation)
                return;
            self->m_check = {};
            if (!checked) {
                Q_EMIT self->inspected();
                return;
            }
            if (*checked) {
                self->m_archiveInfo->setText(
                    info + u' ' + tr("Its SHA-256 matches the manifest beside it."));
            } else if (checked->error().kind != core::Error::Kind::Canceled) {
                self->m_checkProblem = checked->error().message;
                self->m_archiveInfo->setText(QStringLiteral("<b>%1</b> %2")
                                                 .arg(checked->error().message.toHtmlEscaped(),
                                                     checked->error().hint.toHtmlEscaped()));
            }
            self->updateState();
            Q_EMIT self->inspected();
        });
}

void RestoreDialog::checkCurrentDatabase()
{
    if (!m_service)
        return;
    QPointer<RestoreDialog> self(this);
    core::whenFinished(this, m_service->userTableCount(), [self](core::Result<qint64> r) {
        if (self && r)
            self->setCurrentTableCount(r.value());
    });
}

void RestoreDialog::setCurrentTableCount(qint64 count)
{
    m_currentTables = count;
    updateState();
}

void RestoreDialog::chooseCurrentDatabase()
{
    m_intoCurrent->setChecked(true);
}

void RestoreDialog::setAllChecked(bool on)
{
    for (int i = 0; i < m_toc->topLevelItemCount(); ++i)
        m_toc->topLevelItem(i)->setCheckState(0, on ? Qt::Checked : Qt::Unchecked);
}

core::RestoreOptions RestoreDialog::options() const
{
    core::RestoreOptions o;
    o.archivePath = m_archive->text().trimmed();
    if (m_intoCurrent->isChecked())
        o.targetDatabase = m_profile.database;
    else if (m_intoOther->isChecked())
        o.targetDatabase = m_otherName->text().trimmed();
    else {
        o.targetDatabase = m_newName->text().trimmed();
        o.createDatabase = true;
    }
    QSet<int> ids;
    bool all = true;
    for (int i = 0; i < m_toc->topLevelItemCount(); ++i) {
        auto *it = m_toc->topLevelItem(i);
        if (it->checkState(0) == Qt::Checked)
            ids.insert(it->data(0, Qt::UserRole).toInt());
        else
            all = false;
    }
    if (!all)
        o.selectedIds = ids;
    o.singleTransaction = m_single->isChecked();
    o.jobs = m_jobs->value();
    o.clean = m_clean->isChecked();
    o.dataOnly = m_dataOnly->isChecked();
    o.resetSequences = m_resetSequences->isChecked();
    o.confirmation = m_guard->text();
    return o;
}

void RestoreDialog::updateState()
{
    const bool parallel = m_jobs->value() > 1;
    m_single->setEnabled(!parallel);
    m_jobsNote->setVisible(parallel);
    m_otherName->setEnabled(m_intoOther->isChecked());
    m_newName->setEnabled(m_intoNew->isChecked());
    const core::RestoreOptions o = options();
    // The typed-name guard: always for another existing database (its tables are not read
    // here), for this one when it has tables.
    const bool guard = !o.createDatabase && (m_intoOther->isChecked() || m_currentTables != 0);
    m_guardLabel->setVisible(guard);
    m_guard->setVisible(guard);
    if (guard)
        m_guardLabel->setText(m_intoCurrent->isChecked() && m_currentTables > 0
                ? tr("%1 already has %2 tables: restoring into it can overwrite or mix data. "
                     "Type its name to confirm.")
                      .arg(o.targetDatabase)
                      .arg(m_currentTables)
                : tr("If %1 already has tables, restoring into it can overwrite or mix data. "
                     "Type its name to confirm.")
                      .arg(o.targetDatabase.isEmpty() ? tr("the database") : o.targetDatabase));
    QString problem;
    if (!m_tocLoaded)
        problem = tr("Choose an archive.");
    else if (!m_checkProblem.isEmpty())
        problem = tr("The archive is damaged.");
    else if (auto v = o.validate(); !v)
        problem = v.error().message;
    else if (o.targetDatabase.isEmpty())
        problem = tr("Name the database to restore into.");
    else if (o.createDatabase && m_nameState == NameState::Taken)
        problem = tr("A database named \"%1\" exists already: choose another name, or restore "
                     "into it as \"another database\".")
                      .arg(o.targetDatabase);
    else if (m_intoOther->isChecked() && m_nameState == NameState::Missing)
        problem = tr("There is no database named \"%1\" on this server: check the name, or "
                     "choose \"a new database\".")
                      .arg(o.targetDatabase);
    else if (guard && o.confirmation != o.targetDatabase)
        problem = tr("Type \"%1\" to confirm.").arg(o.targetDatabase);
    m_problem->setText(problem);
    m_start->setEnabled(problem.isEmpty());
}

void RestoreDialog::accept()
{
    updateState();
    if (!m_start->isEnabled())
        return;
    Q_EMIT restoreRequested(options());
    QDialog::accept();
}

} // namespace strata::ui
