#include "jobspage.h"

#include "appcontext.h"
#include "backupdialog.h"
#include "backuphistoryview.h"
#include "desktopnotifier.h"
#include "restoredialog.h"

#include "jobs/backupjob.h"
#include "jobs/jobsservice.h"
#include "jobs/restorejob.h"
#include "util/whenfinished.h"

#include <QApplication>
#include <QDir>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace strata::ui {

namespace {
enum Column { ColJob, ColProgress, ColStatus };
} // namespace

JobsPage::JobsPage(AppContext *context, QWidget *parent) : WorkspacePage(context, parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_backup = new QPushButton(tr("New backup…"), this);
    m_restore = new QPushButton(tr("Restore…"), this);
    m_cancel = new QPushButton(tr("Cancel job"), this);
    bar->addWidget(m_backup);
    bar->addWidget(m_restore);
    bar->addStretch();
    bar->addWidget(m_cancel);
    layout->addLayout(bar);

    auto *split = new QSplitter(Qt::Vertical, this);
    m_list = new QTreeWidget(split);
    m_list->setHeaderLabels({ tr("Job"), tr("Progress"), tr("Now") });
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(ColJob, QHeaderView::Interactive);
    m_list->header()->setSectionResizeMode(ColStatus, QHeaderView::Stretch);
    m_list->setColumnWidth(ColJob, 320);
    m_list->setColumnWidth(ColProgress, 180);
    auto *details = new QWidget(split);
    auto *dl = new QVBoxLayout(details);
    dl->setContentsMargins(0, 0, 0, 0);
    m_result = new QLabel(details);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_log = new QPlainTextEdit(details);
    m_log->setReadOnly(true);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setMaximumBlockCount(20000);
    dl->addWidget(m_result);
    dl->addWidget(m_log, 1);
    split->addWidget(m_list);
    split->addWidget(details);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    layout->addWidget(embedBackupViews(split), 1);

    m_timer = new QTimer(this);
    m_timer->setInterval(300);
    connect(m_timer, &QTimer::timeout, this, &JobsPage::refresh);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &JobsPage::showDetails);
    connect(m_cancel, &QPushButton::clicked, this, &JobsPage::cancelSelected);
    connect(m_backup, &QPushButton::clicked, this, [this] { createBackupDialog()->open(); });
    connect(m_restore, &QPushButton::clicked, this, [this] { createRestoreDialog()->open(); });
    connect(context, &AppContext::connectionChanged, this, &JobsPage::updateButtons);
    connect(context, &AppContext::backupRequested, this,
        [this](const QStringList &tables, const QStringList &schemas) {
            this->context()->showPage(id());
            createBackupDialog(tables, schemas)->open();
        });
    updateButtons();
}

JobsPage::~JobsPage()
{
    // Closing abandons running jobs (MainWindow asked first): cancel them so their partial
    // files are removed; the workers hold the jobs alive until they end.
    for (const Entry &e : m_jobs)
        if (e.job->isRunning())
            e.job->cancel();
}

void JobsPage::updateButtons()
{
    const bool connected = context()->isConnected();
    m_backup->setEnabled(connected);
    m_restore->setEnabled(connected);
    auto *item = m_list->currentItem();
    const int row = item ? m_list->indexOfTopLevelItem(item) : -1;
    m_cancel->setEnabled(row >= 0 && m_jobs[row].job->isRunning());
}

std::shared_ptr<core::JobsService> JobsPage::service() const
{
    // One per connection: made when first asked for, dropped when the connection changes.
    const auto connection = context()->connection();
    if (!connection)
        return nullptr;
    if (!m_service || m_serviceConnection.lock() != connection) {
        m_service = std::make_shared<core::JobsService>(connection);
        m_serviceConnection = connection;
    }
    return m_service;
}

std::shared_ptr<core::Job> JobsPage::job(int row) const
{
    return row >= 0 && row < m_jobs.size() ? m_jobs[row].job : nullptr;
}

BackupDialog *JobsPage::createBackupDialog(const QStringList &tables, const QStringList &schemas)
{
    auto *d = new BackupDialog(context()->profile(), service(), this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    if (!tables.isEmpty())
        d->setTables(tables);
    if (!schemas.isEmpty())
        d->setSchemas(schemas);
    connect(d, &BackupDialog::backupRequested, this, [this](const core::BackupOptions &o) {
        if (auto jobs = service())
            startJob(jobs->backupJob(o));
    });
    return d;
}

RestoreDialog *JobsPage::createRestoreDialog()
{
    auto *d = new RestoreDialog(context()->profile(), service(), this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &RestoreDialog::restoreRequested, this, [this](const core::RestoreOptions &o) {
        if (auto jobs = service())
            startJob(jobs->restoreJob(o));
    });
    return d;
}

void JobsPage::startJob(const std::shared_ptr<core::Job> &job)
{
    auto *item = new QTreeWidgetItem({ job->title(), QString(), tr("starting") });
    m_list->addTopLevelItem(item);
    auto *bar = new QProgressBar(m_list);
    bar->setRange(0, core::Job::progressMaximum);
    m_list->setItemWidget(item, ColProgress, bar);
    m_jobs.append({ job, item, false });
    const int index = int(m_jobs.size()) - 1;
    // A watcher the page owns, not .then(this, ...): Qt 6.4 posts a continuation to its context
    // from the worker thread, which races with the page being destroyed while a job ends (closing
    // the window); a watcher detaches from the future under the future's lock when it dies.
    auto *watcher = new QFutureWatcher<core::JobResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, index] {
        watcher->deleteLater();
        onFinished(index);
    });
    watcher->setFuture(job->start());
    m_list->setCurrentItem(item);
    m_timer->start();
    refresh();
}

void JobsPage::refresh()
{
    bool anyRunning = false;
    for (Entry &e : m_jobs) {
        const core::JobStatus s = e.job->status();
        auto *bar = qobject_cast<QProgressBar *>(m_list->itemWidget(e.item, ColProgress));
        if (bar)
            bar->setValue(int(s.fraction * core::Job::progressMaximum));
        if (e.job->isRunning()) {
            anyRunning = true;
            e.item->setText(ColStatus, s.text);
        } else if (!e.finishedShown) {
            onFinished(int(&e - m_jobs.data()));
        }
    }
    showDetails();
    if (!anyRunning)
        m_timer->stop();
    updateButtons();
}

void JobsPage::onFinished(int index)
{
    if (index < 0 || index >= m_jobs.size())
        return;
    Entry &e = m_jobs[index];
    const auto r = e.job->result();
    if (!r || e.finishedShown)
        return;
    e.finishedShown = true;
    auto *bar = qobject_cast<QProgressBar *>(m_list->itemWidget(e.item, ColProgress));
    if (bar && r->ok)
        bar->setValue(core::Job::progressMaximum);
    e.item->setText(ColStatus,
        r->ok ? r->summary
              : (r->canceled ? tr("Cancelled") : tr("Failed: %1").arg(r->error.message)));
    e.item->setForeground(ColStatus, r->ok ? palette().color(QPalette::Text) : QColor(0xa0, 0, 0));
    if (r->elapsedMs >= m_notifyAfterMs) {
        const QString title = r->ok ? tr("Finished: %1").arg(e.job->title())
            : r->canceled           ? tr("Cancelled: %1").arg(e.job->title())
                                    : tr("Failed: %1").arg(e.job->title());
        const QString message = r->ok ? r->summary : r->error.message;
        m_notifier->notify(title, message,
            r->ok ? DesktopNotifier::Urgency::Information : DesktopNotifier::Urgency::Warning);
        Q_EMIT longJobEnded(title, message);
    }
    showDetails();
    updateButtons();
    m_history->reload(); // the job may have written the history
    if (m_screenshotPending) {
        m_screenshotPending = false;
        Q_EMIT screenshotReady();
    }
}

void JobsPage::showDetails()
{
    auto *item = m_list->currentItem();
    const int row = item ? m_list->indexOfTopLevelItem(item) : -1;
    if (row < 0) {
        m_result->clear();
        m_log->clear();
        return;
    }
    const auto &job = m_jobs[row].job;
    QString text = QStringLiteral("<b>%1</b>").arg(job->title().toHtmlEscaped());
    if (!job->commandLine().isEmpty())
        text += QStringLiteral("<br><code>%1</code>").arg(job->commandLine().toHtmlEscaped());
    if (const auto r = job->result()) {
        text += QStringLiteral("<br>")
            + (r->ok ? r->summary : r->error.toString())
                  .toHtmlEscaped()
                  .replace(u'\n', QStringLiteral("<br>"));
        for (const QString &n : r->notes)
            text += QStringLiteral("<br>") + n.toHtmlEscaped();
    }
    if (m_result->text() != text)
        m_result->setText(text);
    const QStringList log = job->log();
    const int shown = m_log->property("shownLines").toInt();
    const QVariant shownJob = m_log->property("shownJob");
    if (shownJob.toInt() != row || shown > log.size()) {
        m_log->setPlainText(log.join(u'\n'));
    } else if (shown < log.size()) {
        m_log->appendPlainText(log.mid(shown).join(u'\n'));
    }
    m_log->setProperty("shownLines", log.size());
    m_log->setProperty("shownJob", row);
}

void JobsPage::cancelSelected()
{
    auto *item = m_list->currentItem();
    const int row = item ? m_list->indexOfTopLevelItem(item) : -1;
    if (row >= 0 && m_jobs[row].job->isRunning()) {
        m_jobs[row].job->cancel();
        item->setText(ColStatus, tr("cancelling…"));
    }
}

QString JobsPage::busyReason() const
{
    QStringList running;
    for (const Entry &e : m_jobs)
        if (e.job->isRunning())
            running << e.job->title();
    if (running.isEmpty())
        return {};
    return tr("%n backup or restore job(s) still running: %1.", nullptr, int(running.size()))
        .arg(running.join(QStringLiteral("; ")));
}

void JobsPage::prepareScreenshot()
{
    // A real, cheap job: a schema-only backup of the open database to a temporary folder.
    if (!context()->isConnected() || !m_jobs.isEmpty()) {
        Q_EMIT screenshotReady();
        return;
    }
    m_screenshotDir = QDir::temp().filePath(QStringLiteral("strata-screenshot-backup"));
    QDir().mkpath(m_screenshotDir);
    core::BackupOptions o;
    o.outputPath = QDir(m_screenshotDir)
                       .filePath(context()->profile().database + QStringLiteral("-schema.dump"));
    QFile::remove(o.outputPath);
    o.schemaOnly = true;
    auto job = service()->backupJob(o);
    job->setCatalogPath({});
    m_screenshotPending = true;
    startJob(job);
    // The restore dialog's guard rail shows the real count (the backup takes longer than this).
    QPointer<JobsPage> self(this);
    core::whenFinished(this, service()->userTableCount(), [self](core::Result<qint64> r) {
        if (self && r)
            self->m_screenshotTables = r.value();
    });
}

QList<QPair<QString, QWidget *>> JobsPage::screenshotDialogs()
{
    core::ConnectionProfile p = context()->profile();
    if (p.database.isEmpty()) {
        p.database = QStringLiteral("shop");
        p.host = QStringLiteral("db.internal.example");
        p.user = QStringLiteral("dba");
        p.port = 5432;
    }
    auto *backup = new BackupDialog(p, nullptr);
    backup->setOutputPath(QStringLiteral("/srv/backups/%1-20261122-0300.dump").arg(p.database));
    // The demo's agri schema: the card signatures reference the DIAS catalogue, the parcel set
    // and the parcels, and the parcels reference the crops.
    const QString agri = QStringLiteral("agri");
    backup->setTables({ QStringLiteral("agri.roi2024_card_signatures") });
    backup->setIncludeReferenced(true);
    backup->showPreview(
        {
            core::TableRef { 1, agri, QStringLiteral("roi2024_card_signatures"), 0, 0, false },
            core::TableRef { 2, agri, QStringLiteral("dias_catalogue"), 0, 0, true },
            core::TableRef { 3, agri, QStringLiteral("parcel_set"), 0, 0, true },
            core::TableRef { 4, agri, QStringLiteral("parcels"), 0, 0, true },
            core::TableRef { 5, agri, QStringLiteral("crops"), 0, 0, true },
        },
        QStringLiteral("/usr/lib/postgresql/15/bin/pg_dump"),
        tr("Using /usr/lib/postgresql/15/bin/pg_dump (pg_dump (PostgreSQL) 15.18)."));

    auto *restore = new RestoreDialog(p, nullptr);
    const QString list = QStringLiteral(
        ";\n;     dbname: %1\n;     TOC Entries: 21\n;     Format: CUSTOM\n"
        ";     Dumped from database version: 15.18\n;     Dumped by pg_dump version: 15.18\n;\n"
        "6; 2615 16390 SCHEMA - agri postgres\n"
        "220; 1259 16400 TABLE agri crops postgres\n"
        "222; 1259 16410 TABLE agri dias_catalogue postgres\n"
        "221; 1259 16409 SEQUENCE agri dias_catalogue_id_seq postgres\n"
        "224; 1259 16420 TABLE agri parcel_set postgres\n"
        "226; 1259 16430 TABLE agri parcels postgres\n"
        "228; 1259 16440 TABLE agri roi2024_card_signatures postgres\n"
        "3390; 0 16400 TABLE DATA agri crops postgres\n"
        "3391; 0 16410 TABLE DATA agri dias_catalogue postgres\n"
        "3392; 0 16420 TABLE DATA agri parcel_set postgres\n"
        "3393; 0 16430 TABLE DATA agri parcels postgres\n"
        "3394; 0 16440 TABLE DATA agri roi2024_card_signatures postgres\n"
        "3401; 0 0 SEQUENCE SET agri dias_catalogue_id_seq postgres\n"
        "3210; 2606 16405 CONSTRAINT agri crops crops_pkey postgres\n"
        "3212; 2606 16415 CONSTRAINT agri dias_catalogue dias_catalogue_pkey postgres\n"
        "3214; 2606 16425 CONSTRAINT agri parcel_set parcel_set_pkey postgres\n"
        "3216; 2606 16435 CONSTRAINT agri parcels parcels_pkey postgres\n"
        "3218; 1259 16445 INDEX agri roi2024_card_signatures_dias_id_idx postgres\n"
        "3220; 2606 16450 FK CONSTRAINT agri parcels parcels_crop_code_fkey postgres\n"
        "3222; 2606 16455 FK CONSTRAINT agri roi2024_card_signatures "
        "roi2024_card_signatures_dias_id_fkey postgres\n")
                             .arg(p.database);
    if (auto toc = core::ArchiveToc::parse(list)) {
        toc->format = core::ArchiveFormat::Custom;
        restore->setToc(
            QStringLiteral("/srv/backups/%1-20261122-0300.dump").arg(p.database), toc.value());
    }
    restore->setCurrentTableCount(m_screenshotTables >= 0 ? m_screenshotTables : 42);
    restore->chooseCurrentDatabase();
    return { { QStringLiteral("backup"), backup }, { QStringLiteral("restore"), restore } };
}

} // namespace strata::ui
