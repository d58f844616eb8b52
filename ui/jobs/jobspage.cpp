#include "jobspage.h"

#include "theme.h"

#include "appcontext.h"
#include "backupdialog.h"
#include "backuphistoryview.h"
#include "db/preferences.h"
#include "desktopnotifier.h"
#include "preferencekeys.h"
#include "restoredialog.h"

#include "jobs/backupjob.h"
#include "jobs/jobsservice.h"
#include "jobs/restorejob.h"
#include "util/whenfinished.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
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
    // The log follows its last line unless the person scrolled up to read an earlier one; the
    // text's height is known only once it is laid out, so the range's growth moves it.
    QScrollBar *logBar = m_log->verticalScrollBar();
    connect(logBar, &QScrollBar::valueChanged, this,
        [this, logBar](int v) { m_logFollows = v >= logBar->maximum() - 1; });
    connect(logBar, &QScrollBar::rangeChanged, this, [this, logBar](int, int max) {
        if (m_logFollows)
            logBar->setValue(max);
    });
    dl->addWidget(m_result);
    dl->addWidget(m_log, 1);
    split->addWidget(m_list);
    split->addWidget(details);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    layout->addWidget(embedBackupViews(split), 1);

    m_timer = new QTimer(this);
    m_timer->setInterval(300);
    connect(m_timer, &QTimer::timeout, this, &JobsPage::refreshJobs);
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

qint64 JobsPage::notifyAfterMs() const
{
    if (m_notifyAfterMs >= 0)
        return m_notifyAfterMs;
    return 1000
        * context()
              ->preferences()
              ->value(QString::fromLatin1(prefkeys::kNotifyAfterSeconds),
                  prefkeys::kNotifyAfterSecondsDefault)
              .toLongLong();
}

BackupDialog *JobsPage::createBackupDialog(const QStringList &tables, const QStringList &schemas)
{
    auto *d = new BackupDialog(context()->profile(), service(), this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    // The folder the last backup went to, not the home folder every time.
    const QString folder
        = context()->preferences()->value(QString::fromLatin1(prefkeys::kBackupFolder)).toString();
    if (!folder.isEmpty())
        d->setFolder(folder);
    if (!tables.isEmpty())
        d->setTables(tables);
    if (!schemas.isEmpty())
        d->setSchemas(schemas);
    connect(d, &BackupDialog::backupRequested, this, [this](const core::BackupOptions &o) {
        context()->preferences()->setValue(
            QString::fromLatin1(prefkeys::kBackupFolder), QFileInfo(o.outputPath).absolutePath());
        if (auto jobs = service())
            startJob(jobs->backupJob(o));
    });
    return d;
}

RestoreDialog *JobsPage::createRestoreDialog()
{
    auto *d = new RestoreDialog(context()->profile(), service(), this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    // The backups made here this session, newest first; the newest is opened at once.
    QList<std::pair<QString, QString>> recent;
    for (auto it = m_jobs.crbegin(); it != m_jobs.crend(); ++it) {
        const auto r = it->job->result();
        if (it->job->kind() == core::Job::Kind::Backup && r && r->ok && !r->outputPath.isEmpty())
            recent.append(
                { tr("%1 (made %2)")
                        .arg(r->outputPath, it->finishedAt.toString(QStringLiteral("HH:mm"))),
                    r->outputPath });
    }
    d->setRecentArchives(recent);
    if (!recent.isEmpty())
        d->setArchive(recent.first().second);
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
    refreshJobs();
}

void JobsPage::refreshJobs()
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
    e.finishedAt = QDateTime::currentDateTime();
    auto *bar = qobject_cast<QProgressBar *>(m_list->itemWidget(e.item, ColProgress));
    if (bar && r->ok) {
        bar->setValue(core::Job::progressMaximum);
    } else if (bar) {
        // Where it stopped, said in words and not in the colour of work going on.
        bar->setFormat(r->canceled ? tr("cancelled at %p%") : tr("failed at %p%"));
        QPalette p = bar->palette();
        p.setColor(QPalette::Highlight,
            r->canceled ? theme::text(theme::Tone::Muted) : theme::text(theme::Tone::Error));
        bar->setPalette(p);
    }
    // A restore changed what the server holds (also a failed one that was not in one
    // transaction): the pages showing it read it again.
    if (auto restore = std::dynamic_pointer_cast<core::RestoreJob>(e.job); restore
        && (r->ok || !restore->options().effectiveSingleTransaction()
            || restore->options().createDatabase))
        context()->reportServerChanged(
            restore->targetDatabase(), restore->options().createDatabase);
    e.item->setText(ColStatus,
        r->ok ? r->summary
              : (r->canceled ? tr("Cancelled") : tr("Failed: %1").arg(r->error.message)));
    e.item->setForeground(
        ColStatus, r->ok ? palette().color(QPalette::Text) : theme::text(theme::Tone::Error));
    if (r->elapsedMs >= notifyAfterMs()) {
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
        m_logFollows = true;
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

} // namespace strata::ui
