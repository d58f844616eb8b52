#include "migrationspage.h"

#include "theme.h"

#include "appcontext.h"
#include "applydialog.h"
#include "migrationentrymodel.h"
#include "migrations/alembicgraph.h"
#include "migrations/alembicgraphview.h"
#include "migrations/folderreader.h"
#include "migrations/migrationfilterproxy.h"
#include "migrations/migrationsservice.h"
#include "migrations/migrationtimeline.h"
#include "util/whenfinished.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace strata::ui {

using core::MigrationState;

MigrationsPage::MigrationsPage(AppContext *context, QWidget *parent)
    : WorkspacePage(context, parent), m_model(new models::MigrationEntryModel(this)),
      m_proxy(new MigrationFilterProxy(this)),
      m_runWatcher(new QFutureWatcher<core::RunReport>(this))
{
    auto *layout = new QVBoxLayout(this);
    buildFolderAndFilters(layout);
    buildHistories(layout);
    buildApplyRow(layout);
    wireViews();
    wireRun();
    connect(context, &AppContext::connectionChanged, this, &MigrationsPage::onConnectionChanged);
    connect(context, &AppContext::serverChanged, this, [this](const QString &database) {
        if (database == this->context()->profile().database)
            reload();
    });
    onConnectionChanged();
}

void MigrationsPage::buildFolderAndFilters(QVBoxLayout *layout)
{
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Migrations folder:"), this));
    m_folderEdit = new QLineEdit(this);
    m_folderEdit->setPlaceholderText(tr("none: choose the project's migrations folder to see "
                                        "pending, missing and changed files"));
    m_folderEdit->setReadOnly(true);
    top->addWidget(m_folderEdit, 1);
    m_chooseButton = new QPushButton(tr("Choose…"), this);
    m_reloadButton = new QPushButton(tr("Reload"), this);
    top->addWidget(m_chooseButton);
    top->addWidget(m_reloadButton);
    layout->addLayout(top);

    auto *filters = new QHBoxLayout;
    m_stateFilter = new QComboBox(this);
    m_stateFilter->addItem(tr("All states"), -1);
    for (auto s : { MigrationState::Applied, MigrationState::Failed, MigrationState::Dirty,
             MigrationState::RolledBack, MigrationState::Running, MigrationState::Baseline,
             MigrationState::Deleted, MigrationState::Pending, MigrationState::Missing,
             MigrationState::Changed, MigrationState::Unknown })
        m_stateFilter->addItem(core::migrationStateLabel(s), int(s));
    m_textFilter = new QLineEdit(this);
    m_textFilter->setPlaceholderText(tr("Filter by version, name, table, note…"));
    m_textFilter->setClearButtonEnabled(true);
    filters->addWidget(m_stateFilter);
    filters->addWidget(m_textFilter, 1);
    layout->addLayout(filters);
}

void MigrationsPage::buildHistories(QVBoxLayout *layout)
{
    m_notes = new QLabel(this);
    m_notes->setWordWrap(true);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notes->setStyleSheet(theme::bannerStyle(theme::Tone::Warning));
    m_notes->hide();
    layout->addWidget(m_notes);

    m_timeline = new MigrationTimeline(this);
    m_table = new QTableView(this);
    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_proxy->sort(-1); // history order until the user picks a column
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *left = new QSplitter(Qt::Vertical, this);
    left->addWidget(m_timeline);
    left->addWidget(m_table);
    left->setStretchFactor(0, 2);
    left->setStretchFactor(1, 3);
    m_tabs = new QTabWidget(this);
    m_details = new QTextBrowser(this);
    m_details->setOpenLinks(false);
    m_details->setWordWrapMode(QTextOption::WordWrap); // never inside a file or version name
    m_graph = new AlembicGraphView(this);
    m_tabs->addTab(m_details, tr("Details"));
    m_tabs->addTab(m_graph, tr("Alembic graph"));
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
}

void MigrationsPage::buildApplyRow(QVBoxLayout *layout)
{
    auto *bottom = new QHBoxLayout;
    m_applyButton = new QPushButton(tr("Apply pending…"), this);
    m_applyButton->setToolTip(tr("Runs the pending plain-SQL files in order, each in its own "
                                 "transaction unless it cannot run in one (CREATE INDEX "
                                 "CONCURRENTLY, COMMIT inside DO, its own BEGIN/COMMIT, or %1). "
                                 "A dry run shows the list first.")
                                  .arg(QLatin1String(core::FolderReader::noTransactionMarker)));
    m_command = new QLabel(this);
    m_command->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_command->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->hide();
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setToolTip(tr("Interrupts the running statement and rolls the file back; "
                                  "files already applied stay applied."));
    m_cancelButton->hide();
    bottom->addWidget(m_applyButton);
    bottom->addWidget(m_progress);
    bottom->addWidget(m_cancelButton);
    bottom->addWidget(m_command, 1);
    layout->addLayout(bottom);
}

void MigrationsPage::wireViews()
{
    connect(m_chooseButton, &QPushButton::clicked, this, &MigrationsPage::chooseFolder);
    connect(m_reloadButton, &QPushButton::clicked, this, &MigrationsPage::reload);
    connect(m_textFilter, &QLineEdit::textChanged, m_proxy, &MigrationFilterProxy::setText);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this,
        [this] { m_proxy->setState(m_stateFilter->currentData().toInt()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { showEntry(current); });
    connect(m_timeline, &MigrationTimeline::entryClicked, this, &MigrationsPage::selectEntry);
    connect(m_graph, &AlembicGraphView::revisionClicked, this, [this](const QString &rev) {
        for (int h = 0; h < m_overview.histories.size(); ++h)
            if (m_overview.histories.at(h).framework == QLatin1String("alembic"))
                selectEntry(h, rev);
    });
    connect(m_applyButton, &QPushButton::clicked, this, &MigrationsPage::startApply);
    connect(m_cancelButton, &QPushButton::clicked, this, &MigrationsPage::cancelApply);
}

void MigrationsPage::wireRun()
{
    connect(m_runWatcher, &QFutureWatcher<core::RunReport>::progressValueChanged, m_progress,
        &QProgressBar::setValue);
    connect(m_runWatcher, &QFutureWatcher<core::RunReport>::progressRangeChanged, m_progress,
        &QProgressBar::setRange);
    connect(m_runWatcher, &QFutureWatcher<core::RunReport>::progressTextChanged, this,
        [this](const QString &t) { m_progress->setFormat(t + QStringLiteral("  %v/%m")); });
    connect(m_runWatcher, &QFutureWatcher<core::RunReport>::finished, this, [this] {
        m_progress->hide();
        m_cancelButton->hide();
        if (m_runWatcher->future().resultCount() == 0) {
            // The run's session ended without a report (its thread was stopped): say so, close
            // the connection and let the user try again.
            this->context()->reportError(
                tr("The migration run ended without a report; reload to see what was applied."));
            reload();
            return;
        }
        const core::RunReport report = m_runWatcher->result();
        if (report.cancelled) {
            this->context()->reportError(report.summary() + u'\n' + report.error.hint);
        } else if (report.failed) {
            const QString where = report.failedFile.isEmpty()
                ? QString()
                : tr("%1, line %2: ").arg(report.failedFile).arg(report.failedLine);
            this->context()->reportError(where + report.error.toString());
        } else {
            this->context()->reportStatus(report.summary());
        }
        Q_EMIT applyFinished(report);
        reload();
    });
}

void MigrationsPage::onConnectionChanged()
{
    // A run on the old connection is cancelled by its session's destructor, off this thread.
    m_service.reset();
    if (context()->isConnected())
        m_service = std::make_unique<core::MigrationsService>(context()->connection());
    m_dir = context()->profile().migrationsDir;
    m_folderEdit->setText(m_dir);
    // Nothing of the last database stays on screen while this one loads.
    m_overview = {};
    m_model->setHistories({});
    m_timeline->setHistories({});
    ++m_detailGeneration;
    m_details->setHtml(
        m_service ? tr("<p>Reading the migration histories…</p>") : tr("<p>Not connected.</p>"));
    reload();
}

// A run still going is cancelled by the session's destructor, from a thread of its own.
MigrationsPage::~MigrationsPage() = default;

QString MigrationsPage::busyReason() const
{
    return m_runWatcher->isRunning() ? tr("Migrations are being applied.") : QString();
}

void MigrationsPage::setFolder(const QString &dir, bool remember)
{
    m_dir = dir;
    m_folderEdit->setText(dir);
    if (remember)
        context()->setMigrationsDir(dir);
    reload();
}

void MigrationsPage::chooseFolder()
{
    // Opened, not exec'd: no nested event loop.
    auto *dialog = new QFileDialog(this, tr("Choose the migrations folder"), m_dir);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        dialog, &QFileDialog::fileSelected, this, [this](const QString &dir) { setFolder(dir); });
    dialog->open();
}

void MigrationsPage::reload()
{
    const int generation = ++m_generation;
    if (!m_service) {
        m_loading = false;
        m_overview = {};
        m_model->setHistories({});
        m_timeline->setHistories({});
        m_details->setHtml(tr("<p>Not connected.</p>"));
        updateActions();
        return;
    }
    m_loading = true;
    m_reloadButton->setEnabled(false);
    QPointer<MigrationsPage> self(this);
    const QString dir = m_dir;
    core::whenFinished(
        this, m_service->inspect(dir), [self, generation](core::Result<core::MigrationOverview> r) {
            if (!self || generation != self->m_generation)
                return;
            self->m_loading = false;
            self->m_reloadButton->setEnabled(true);
            if (!r) {
                self->context()->reportError(r.error().toString());
                self->showOverview({});
            } else {
                self->showOverview(r.value());
            }
            Q_EMIT self->loaded();
        });
}

void MigrationsPage::showOverview(const core::MigrationOverview &overview)
{
    m_overview = overview;
    m_model->setHistories(overview.histories);
    ++m_detailGeneration; // a file read for a row of the last load is not shown
    m_details->setHtml(overview.histories.isEmpty()
            ? QString()
            : tr("<p>Select a migration to see its details.</p>"));
    m_timeline->setHistories(overview.histories);
    // With one history the framework and table are the same on every row (the details say them):
    // their width goes to the state instead.
    const bool several = overview.histories.size() > 1;
    m_table->setColumnHidden(models::MigrationEntryModel::Framework, !several);
    m_table->setColumnHidden(models::MigrationEntryModel::Table, !several);
    m_table->resizeColumnsToContents();
    for (int c : { models::MigrationEntryModel::Description, models::MigrationEntryModel::Note,
             models::MigrationEntryModel::Checksum })
        m_table->setColumnWidth(c, std::min(m_table->columnWidth(c), 260));

    QStringList notes;
    if (overview.histories.isEmpty() && context()->isConnected())
        notes.append(tr("No migration history table was found in any schema of this database."));
    if (!overview.folderError.isEmpty())
        notes.append(overview.folderError.toHtmlEscaped());
    if (overview.folder) {
        for (const auto &e : overview.folder->errors)
            notes.append(e.toHtmlEscaped());
        for (const auto &m : overview.folder->migrations)
            if (!m.error.isEmpty())
                notes.append(tr("%1: %2").arg(m.relativePath, m.error).toHtmlEscaped());
    }
    for (const auto &h : overview.histories) {
        const QString where = QStringLiteral("<b>%1</b> %2.%3")
                                  .arg(h.frameworkName.toHtmlEscaped(), h.schema.toHtmlEscaped(),
                                      h.table.toHtmlEscaped());
        if (!h.error.isEmpty())
            notes.append(where + QStringLiteral(": ") + h.error.toHtmlEscaped());
        for (const auto &n : h.notes)
            notes.append(where + QStringLiteral(": ") + n.toHtmlEscaped());
    }
    m_notes->setText(notes.join(QStringLiteral("<br>")));
    m_notes->setVisible(!notes.isEmpty());

    // The Alembic graph, when the folder is an Alembic project.
    bool graphShown = false;
    if (overview.folder && overview.folder->kind == core::FolderKind::Alembic) {
        QSet<QString> applied;
        QStringList heads;
        for (const auto &h : overview.histories) {
            if (h.framework != QLatin1String("alembic"))
                continue;
            for (const auto &e : h.entries) {
                applied.insert(e.version);
                if (e.note == QLatin1String("current head"))
                    heads.append(e.version);
            }
        }
        graphShown = m_graph->setGraph(overview.folder->migrations, applied, heads);
        if (core::AlembicGraph(overview.folder->migrations).hasBranches())
            m_tabs->setCurrentWidget(m_graph);
    }
    m_tabs->setTabEnabled(m_tabs->indexOf(m_graph), graphShown);
    updateActions();
}

void MigrationsPage::updateActions()
{
    const bool plainFolder
        = m_overview.folder && m_overview.folder->kind == core::FolderKind::PlainSql;
    int plainPending = 0, unfinished = 0;
    QStringList commands;
    for (const auto &h : m_overview.histories) {
        if (h.framework == QLatin1String("homegrown") || h.framework == QLatin1String("unknown")) {
            plainPending += int(h.pending.size());
            unfinished += int(h.unfinished.size());
        } else if (!h.pending.isEmpty() && !h.upgradeCommand.isEmpty())
            commands.append(
                tr("%1 pending for %2: run <code>%3</code>")
                    .arg(h.pending.size())
                    .arg(h.frameworkName.toHtmlEscaped(), h.upgradeCommand.toHtmlEscaped()));
    }
    if (plainFolder && m_overview.histories.isEmpty() && m_overview.folder)
        plainPending = int(m_overview.folder->migrations.size());
    m_applyButton->setVisible(plainFolder);
    m_applyButton->setEnabled(
        plainFolder && context()->isConnected() && !m_runWatcher->isRunning());
    // Unfinished files run only when the dialog's checkbox says so: the label names both counts.
    if (unfinished > 0)
        m_applyButton->setText(
            tr("Apply %1 pending, %2 unfinished…").arg(plainPending).arg(unfinished));
    else
        m_applyButton->setText(
            plainPending > 0 ? tr("Apply %1 pending…").arg(plainPending) : tr("Apply pending…"));
    m_command->setText(commands.join(QStringLiteral("<br>")));
}

void MigrationsPage::selectEntry(int history, const QString &version)
{
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const auto *row = m_model->rowAt(r);
        if (row->history == history && row->entry.version == version) {
            const QModelIndex idx = m_proxy->mapFromSource(m_model->index(r, 0));
            if (idx.isValid()) {
                m_table->setCurrentIndex(idx);
                m_table->scrollTo(idx);
            }
            return;
        }
    }
}

void MigrationsPage::showEntry(const QModelIndex &proxyIndex)
{
    const int generation = ++m_detailGeneration;
    const auto *row = m_model->rowAt(m_proxy->mapToSource(proxyIndex).row());
    if (!row) {
        m_details->clear();
        return;
    }
    const auto &h = m_overview.histories.at(row->history);
    const auto &e = row->entry;
    QString html = QStringLiteral("<h3>%1 %2</h3><table>")
                       .arg(e.version.toHtmlEscaped(), e.description.toHtmlEscaped());
    auto add = [&html](const QString &k, const QString &v) {
        if (!v.isEmpty())
            html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                        .arg(k, v.toHtmlEscaped());
    };
    add(tr("Framework"), h.frameworkName + (h.ambiguous ? tr(" (ambiguous)") : QString()));
    add(tr("Table"), h.schema + u'.' + h.table);
    add(tr("State"), core::migrationStateLabel(e.state));
    add(tr("Applied at"),
        e.appliedAt.isValid() ? e.appliedAt.toString(Qt::ISODateWithMs) : QString());
    add(tr("Duration"), models::MigrationEntryModel::formatDuration(e.durationMs));
    add(tr("Applied by"), e.appliedBy);
    add(tr("Checksum"), e.checksum);
    add(tr("Script"), e.script);
    add(tr("Note"), e.note);
    add(tr("File"), e.filePath);
    if (e.state == MigrationState::Pending && !h.upgradeCommand.isEmpty())
        add(tr("To apply"), h.upgradeCommand);
    if (e.state == MigrationState::Running && !e.filePath.isEmpty()
        && h.framework == QLatin1String("homegrown"))
        add(tr("To re-run"),
            tr("Check in pg_stat_activity that nothing is still running it, then "
               "use Apply… and tick \u201cRe-run unfinished files\u201d."));
    html += QStringLiteral("</table>");
    m_details->setHtml(html);
    if (e.filePath.isEmpty())
        return;
    // The migration's text, read off the GUI thread.
    QPointer<MigrationsPage> self(this);
    const QString path = e.filePath;
    core::whenFinished(this, core::MigrationsService::readFile(path),
        [self, generation, html](const QString &text) {
            if (!self || generation != self->m_detailGeneration)
                return;
            self->m_details->setHtml(html
                + QStringLiteral("<h4>%1</h4><pre>%2</pre>")
                      .arg(tr("Migration file"), text.toHtmlEscaped()));
        });
}

void MigrationsPage::startApply()
{
    if (!m_overview.folder || !m_service)
        return;
    const core::MigrationFolder folder = *m_overview.folder;
    QPointer<MigrationsPage> self(this);
    core::RunOptions options;
    options.dryRun = true;
    m_applyButton->setEnabled(false);
    core::whenFinished(
        this, m_service->plan(folder, options), [self](core::Result<core::RunReport> plan) {
            if (!self)
                return;
            self->updateActions();
            if (!plan) {
                self->context()->reportError(plan.error().toString());
                return;
            }
            self->confirmApply(plan.value());
        });
}

void MigrationsPage::confirmApply(const core::RunReport &plan)
{
    if (plan.steps.isEmpty()) {
        context()->reportStatus(tr("Nothing to apply: every file is recorded."));
        return;
    }
    auto *dialog = new ApplyMigrationsDialog(plan, context()->profile().displayTarget(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ApplyMigrationsDialog::runRequested, this, &MigrationsPage::runApply);
    dialog->open();
}

void MigrationsPage::runApply(bool rerunUnfinished)
{
    if (m_runWatcher->isRunning() || !m_overview.folder)
        return;
    const core::MigrationFolder folder = *m_overview.folder;
    core::RunOptions run;
    run.rerunUnfinished = rerunUnfinished;
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancelButton->setEnabled(true);
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->show();
    m_applyButton->setEnabled(false);
    m_runWatcher->setFuture(m_service->apply(folder, run));
}

void MigrationsPage::cancelApply()
{
    if (!m_service || !m_runWatcher->isRunning())
        return;
    m_service->cancelApply(); // posted: the cancel reaches the server from a worker

    m_cancelButton->setEnabled(false);
    m_cancelButton->setText(tr("Cancelling…"));
}

void MigrationsPage::focusFind()
{
    m_textFilter->setFocus(Qt::ShortcutFocusReason);
    m_textFilter->selectAll();
}

bool MigrationsPage::selectFirst(core::MigrationState state)
{
    for (int h = 0; h < m_overview.histories.size(); ++h)
        for (const auto &e : m_overview.histories.at(h).entries)
            if (e.state == state) {
                selectEntry(h, e.version);
                return true;
            }
    return false;
}

} // namespace strata::ui
