#include "backuphistoryview.h"

#include "appcontext.h"
#include "restoretestdialog.h"

#include "db/connection.h"
#include "db/passwordstore.h"
#include "db/profilestore.h"
#include "jobs/backuphistorymodel.h"
#include "jobs/backuphistoryservice.h"
#include "jobs/restoretestjob.h"
#include "util/whenfinished.h"

#include <QDesktopServices>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

namespace strata::ui {

using core::BackupEntry;

BackupHistoryView::BackupHistoryView(AppContext *context, QWidget *parent)
    : QWidget(parent), m_context(context),
      m_service(std::make_shared<core::BackupHistoryService>()),
      m_model(new models::BackupHistoryModel(this)), m_tree(new QTreeView(this)),
      m_details(new QTextBrowser(this)), m_status(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    addButton(Action::Refresh, tr("Refresh"));
    addButton(Action::AddFolder, tr("Add from folder…"));
    bar->addWidget(m_buttons[Action::Refresh]);
    bar->addWidget(m_buttons[Action::AddFolder]);
    bar->addStretch();
    for (auto [a, text] :
        { std::pair { Action::Verify, tr("Verify") }, { Action::RestoreTest, tr("Restore test…") },
            { Action::Restore, tr("Restore…") }, { Action::ShowInFolder, tr("Show in folder") },
            { Action::Forget, tr("Forget") }, { Action::Delete, tr("Delete…") } })
        bar->addWidget(addButton(a, text));
    layout->addLayout(bar);
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_tree->setColumnWidth(models::BackupHistoryModel::When, 240);
    m_tree->setColumnWidth(models::BackupHistoryModel::MadeBy, 130);
    m_tree->setColumnWidth(models::BackupHistoryModel::State, 190);
    m_tree->setColumnWidth(models::BackupHistoryModel::What, 170);
    m_tree->setColumnWidth(models::BackupHistoryModel::Format, 70);
    m_tree->setColumnWidth(models::BackupHistoryModel::Size, 80);
    m_tree->setColumnWidth(models::BackupHistoryModel::Took, 70);
    m_details->setOpenExternalLinks(false);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_tree);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateButtons();
        showDetails();
    });
    connect(m_buttons[Action::Refresh], &QPushButton::clicked, this, &BackupHistoryView::reload);
    connect(m_buttons[Action::AddFolder], &QPushButton::clicked, this, [this] {
        auto *fd = new QFileDialog(this, tr("Add the backups of a folder"));
        fd->setFileMode(QFileDialog::Directory);
        fd->setAttribute(Qt::WA_DeleteOnClose);
        connect(fd, &QFileDialog::fileSelected, this, &BackupHistoryView::addFolder);
        fd->open();
    });
    connect(
        m_buttons[Action::Verify], &QPushButton::clicked, this, &BackupHistoryView::verifySelected);
    connect(m_buttons[Action::RestoreTest], &QPushButton::clicked, this,
        &BackupHistoryView::restoreTestSelected);
    connect(m_buttons[Action::Restore], &QPushButton::clicked, this,
        &BackupHistoryView::restoreSelected);
    connect(m_buttons[Action::ShowInFolder], &QPushButton::clicked, this,
        &BackupHistoryView::showSelectedInFolder);
    connect(
        m_buttons[Action::Forget], &QPushButton::clicked, this, &BackupHistoryView::forgetSelected);
    connect(
        m_buttons[Action::Delete], &QPushButton::clicked, this, &BackupHistoryView::deleteSelected);
    updateButtons();
}

BackupHistoryView::~BackupHistoryView() = default;

QPushButton *BackupHistoryView::addButton(Action a, const QString &text)
{
    auto *b = new QPushButton(text, this);
    m_buttons.insert(a, b);
    return b;
}

void BackupHistoryView::setService(std::shared_ptr<core::BackupHistoryService> service)
{
    m_service = std::move(service);
    reload();
}

void BackupHistoryView::reload()
{
    const int generation = ++m_generation;
    if (const auto e = selected(); e && m_selectAfterReload == 0)
        m_selectAfterReload = e->id;
    core::whenFinished(this, m_service->list(),
        [this, generation](const core::Result<QList<BackupEntry>> &entries) {
            if (generation != m_generation)
                return; // an older read
            if (!entries) {
                done(entries.error().toString(), true);
                return;
            }
            m_model->setEntries(entries.value());
            m_tree->expandAll();
            const qint64 again = m_selectAfterReload;
            m_selectAfterReload = 0;
            if (again == 0 || !select(again))
                showDetails();
            updateButtons();
            Q_EMIT reloaded();
        });
}

bool BackupHistoryView::select(qint64 id)
{
    const QModelIndex at = m_model->indexOf(id);
    if (!at.isValid())
        return false;
    m_tree->expand(at.parent());
    m_tree->setCurrentIndex(at);
    m_tree->scrollTo(at);
    return true;
}

bool BackupHistoryView::selectNewestBackup()
{
    std::optional<BackupEntry> best;
    for (int s = 0; s < m_model->rowCount(); ++s) {
        const QModelIndex server = m_model->index(s, 0);
        for (int d = 0; d < m_model->rowCount(server); ++d) {
            const QModelIndex db = m_model->index(d, 0, server);
            for (int r = 0; r < m_model->rowCount(db); ++r) {
                const BackupEntry *e = m_model->entry(m_model->index(r, 0, db));
                if (e && e->isBackup() && !e->isDeleted() && (!best || e->started > best->started))
                    best = *e;
            }
        }
    }
    return best && select(best->id);
}

std::optional<BackupEntry> BackupHistoryView::selected() const
{
    if (const BackupEntry *e = m_model->entry(m_tree->currentIndex()))
        return *e;
    return std::nullopt;
}

QString BackupHistoryView::detailsText() const
{
    return m_details->toPlainText();
}

void BackupHistoryView::updateButtons()
{
    const auto e = selected();
    const bool file
        = e && e->isBackup() && !e->isDeleted() && e->fileState != core::FileState::Missing;
    m_buttons[Action::Verify]->setEnabled(file);
    m_buttons[Action::RestoreTest]->setEnabled(file);
    m_buttons[Action::Restore]->setEnabled(file && m_context && m_context->isConnected());
    m_buttons[Action::ShowInFolder]->setEnabled(e && e->isBackup() && !e->isDeleted());
    m_buttons[Action::Forget]->setEnabled(e.has_value());
    m_buttons[Action::Delete]->setEnabled(e.has_value());
}

void BackupHistoryView::done(const QString &message, bool error)
{
    m_status->setText(message);
    m_status->setStyleSheet(error ? QStringLiteral("color: #a00000") : QString());
    if (m_context)
        error ? m_context->reportError(message) : m_context->reportStatus(message);
    Q_EMIT actionDone(message);
}

void BackupHistoryView::verifySelected()
{
    const auto e = selected();
    if (!e)
        return;
    m_status->setText(tr("Reading %1 to check its SHA-256…").arg(QFileInfo(e->path).fileName()));
    core::whenFinished(this, m_service->verify(e->id), [this](const core::Result<BackupEntry> &r) {
        if (!r) {
            done(r.error().toString(), true);
            return;
        }
        done(r->verifyOk ? tr("%1: %2").arg(QFileInfo(r->path).fileName(), r->verifyMessage)
                         : tr("%1 failed the check: %2")
                               .arg(QFileInfo(r->path).fileName(), r->verifyMessage),
            !r->verifyOk);
        m_selectAfterReload = r->id;
        reload();
    });
}

void BackupHistoryView::restoreTestSelected()
{
    const auto e = selected();
    if (!e)
        return;
    const bool connected = m_context && m_context->isConnected();
    const QList<core::ConnectionProfile> saved
        = m_context ? m_context->profiles()->load() : QList<core::ConnectionProfile> {};
    auto *d = new RestoreTestDialog(
        *e, connected ? m_context->profile() : core::ConnectionProfile {}, connected, saved, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &RestoreTestDialog::targetChosen, this,
        [this, entry = *e](int savedIndex) { startRestoreTest(entry, savedIndex); });
    d->open();
}

void BackupHistoryView::startRestoreTest(const BackupEntry &e, int savedIndex)
{
    if (savedIndex < 0) {
        const auto connection = m_context ? m_context->connection() : nullptr;
        if (!connection)
            return done(tr("Connect to a server first."), true);
        Q_EMIT jobRequested(m_service->restoreTestJob(e, *connection));
        return;
    }
    const QList<core::ConnectionProfile> saved = m_context->profiles()->load();
    if (savedIndex >= saved.size())
        return;
    const core::ConnectionProfile target = saved[savedIndex];
    // The saved connection's password from the keychain (or none: libpq reads ~/.pgpass).
    m_context->passwords()->read(
        target.id, this, [this, e, target](std::optional<QString> secret, const QString &) {
            Q_EMIT jobRequested(m_service->restoreTestJob(e, target, secret.value_or(QString())));
        });
}

void BackupHistoryView::restoreSelected()
{
    if (const auto e = selected())
        Q_EMIT restoreRequested(e->path);
}

void BackupHistoryView::showSelectedInFolder()
{
    if (const auto e = selected())
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(e->path).absolutePath()));
}

void BackupHistoryView::forgetSelected()
{
    const auto e = selected();
    if (!e)
        return;
    core::whenFinished(this, m_service->forget(e->id), [this, e](const core::Status &s) {
        done(s ? tr("Forgot %1; the file is left where it is.")
                     .arg(e->isBackup() ? e->path : tr("the run"))
               : s.error().toString(),
            !s);
        reload();
    });
}

void BackupHistoryView::deleteSelected()
{
    const auto e = selected();
    if (!e)
        return;
    const QString text = e->isBackup() && !e->isDeleted()
        ? tr("Delete %1 (and its manifest) from the disk, and its entry from the history?")
              .arg(e->path)
        : tr("Remove this entry from the history?");
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete the backup"), text,
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("confirmDelete"));
    connect(box, &QMessageBox::finished, this, [this, e](int result) {
        if (result != QMessageBox::Yes)
            return;
        core::whenFinished(this, m_service->remove(e->id), [this, e](const core::Status &s) {
            done(s ? tr("Deleted %1.").arg(e->isBackup() ? e->path : tr("the entry"))
                   : s.error().toString(),
                !s);
            reload();
        });
    });
    box->open();
}

void BackupHistoryView::addFolder(const QString &folder)
{
    m_status->setText(tr("Reading the archives in %1…").arg(folder));
    core::whenFinished(this, m_service->addFolder(folder),
        [this, folder](const core::Result<QList<qint64>> &added) {
            if (!added)
                return done(added.error().toString(), true);
            done(tr("%n backup(s) added from %1.", nullptr, int(added->size())).arg(folder), false);
            if (!added->isEmpty())
                m_selectAfterReload = added->first();
            reload();
        });
}

void BackupHistoryView::showDetails()
{
    const auto e = selected();
    const int generation = ++m_detailsGeneration;
    if (!e) {
        m_details->clear();
        return;
    }
    showDetailsOf(*e, {});
    if (!e->isBackup())
        return;
    core::whenFinished(this, m_service->tableCounts(e->id),
        [this, generation, entry = *e](const core::Result<QList<core::TableRowCount>> &counts) {
            if (generation == m_detailsGeneration && counts)
                showDetailsOf(entry, counts.value());
        });
}

void BackupHistoryView::showDetailsOf(
    const BackupEntry &e, const QList<core::TableRowCount> &counts)
{
    auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    const QLocale l;
    QString h
        = QStringLiteral("<h3>%1</h3>")
              .arg(esc(e.isBackup() ? e.path : tr("A backup run that %1").arg(e.stateText())));
    h += QStringLiteral("<p>%1 — %2 on %3, %4, %5<br>")
             .arg(esc(l.toString(e.started.toLocalTime(), QLocale::LongFormat)), esc(e.database),
                 esc(models::BackupHistoryModel::serverTitle(e.server)), esc(e.what),
                 esc(e.format));
    h += tr("Made by %1 in %2")
             .arg(
                 esc(e.origin.scheduled ? tr("the schedule %1").arg(e.origin.name) : e.origin.name),
                 models::BackupHistoryModel::durationText(e.durationMs));
    if (e.isBackup())
        h += tr(", %1, with %2").arg(l.formattedDataSize(e.size), esc(e.toolVersion));
    h += QStringLiteral("</p><p><b>%1</b>").arg(esc(e.stateText()));
    if (e.verifiedAt)
        h += QStringLiteral("<br>")
            + tr("Checked %1: %2")
                  .arg(l.toString(e.verifiedAt->toLocalTime(), QLocale::ShortFormat),
                      esc(e.verifyMessage));
    if (e.lastRestoreTest) {
        const core::RestoreTestRecord &t = *e.lastRestoreTest;
        h += QStringLiteral("<br>")
            + tr("Restore test %1 on %2: %3")
                  .arg(l.toString(t.testedAt.toLocalTime(), QLocale::ShortFormat), esc(t.target),
                      esc(t.summary));
        for (const QString &p : t.problems)
            h += QStringLiteral("<br>&nbsp;&nbsp;• ") + esc(p);
    }
    if (e.isDeleted())
        h += QStringLiteral("<br>")
            + tr("Deleted %1: %2")
                  .arg(l.toString(e.deletedAt->toLocalTime(), QLocale::ShortFormat),
                      esc(e.deletedReason));
    h += QStringLiteral("</p>");
    if (!counts.isEmpty()) {
        h += QStringLiteral("<p>") + tr("Rows at backup time (%1):").arg(esc(e.countsSource))
            + QStringLiteral("</p><table>");
        for (const core::TableRowCount &t : counts)
            h += QStringLiteral("<tr><td>%1</td><td align=right>&nbsp;&nbsp;%2</td></tr>")
                     .arg(esc(t.qualified()), t.rows >= 0 ? l.toString(t.rows) : tr("not known"));
        h += QStringLiteral("</table>");
    }
    if (!e.isBackup())
        h += QStringLiteral("<p>%1</p><pre>%2</pre>").arg(esc(e.error), esc(e.log));
    m_details->setHtml(h);
    Q_EMIT detailsShown(e.id);
}

} // namespace strata::ui
