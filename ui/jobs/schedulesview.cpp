#include "schedulesview.h"

#include "appcontext.h"
#include "scheduledialog.h"

#include "db/connection.h"
#include "jobs/backupcatalog.h"
#include "jobs/backupjob.h"
#include "util/whenfinished.h"

#include <QCoreApplication>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTreeView>
#include <QVBoxLayout>

namespace strata::ui {

namespace {
enum Column { ColName, ColDatabase, ColEvery, ColNext, ColLast, ColFolder, ColKeep };
} // namespace

SchedulesView::SchedulesView(AppContext *context, QWidget *parent)
    : QWidget(parent), m_context(context),
      m_service(std::make_shared<core::ScheduleService>(core::BackupCatalog::defaultPath(),
          QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("strata-cli")))),
      m_model(new QStandardItemModel(this)), m_list(new QTreeView(this)),
      m_new(new QPushButton(tr("New schedule…"), this)),
      m_run(new QPushButton(tr("Run now"), this)), m_prune(new QPushButton(tr("Prune now"), this)),
      m_remove(new QPushButton(tr("Remove…"), this)), m_status(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_new);
    bar->addStretch();
    bar->addWidget(m_run);
    bar->addWidget(m_prune);
    bar->addWidget(m_remove);
    layout->addLayout(bar);
    m_model->setHorizontalHeaderLabels({ tr("Schedule"), tr("Database"), tr("When"), tr("Next run"),
        tr("Last run"), tr("Folder"), tr("Keeps") });
    m_list->setModel(m_model);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_list->setColumnWidth(ColName, 150);
    m_list->setColumnWidth(ColEvery, 150);
    m_list->setColumnWidth(ColNext, 190);
    m_list->setColumnWidth(ColLast, 200);
    layout->addWidget(m_list, 1);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &SchedulesView::updateButtons);
    connect(m_new, &QPushButton::clicked, this, [this] {
        if (auto *d = createScheduleDialog())
            d->open();
    });
    connect(m_run, &QPushButton::clicked, this, &SchedulesView::runSelectedNow);
    connect(m_prune, &QPushButton::clicked, this, &SchedulesView::pruneSelected);
    connect(m_remove, &QPushButton::clicked, this, &SchedulesView::removeSelected);
    if (context)
        connect(context, &AppContext::connectionChanged, this, &SchedulesView::updateButtons);
    updateButtons();
}

void SchedulesView::setService(std::shared_ptr<core::ScheduleService> service)
{
    m_service = std::move(service);
    reload();
}

void SchedulesView::reload()
{
    const int generation = ++m_generation;
    core::whenFinished(this, m_service->list(),
        [this, generation](const core::Result<QList<core::ScheduleInfo>> &r) {
            if (generation != m_generation)
                return;
            if (!r)
                return done(r.error().toString(), true);
            const auto now = selected();
            const QString current = now ? now->schedule.name : QString();
            m_schedules = r.value();
            m_model->removeRows(0, m_model->rowCount());
            const QLocale l;
            for (const core::ScheduleInfo &i : m_schedules) {
                const QString last = i.lastRun
                    ? QStringLiteral("%1, %2").arg(
                        l.toString(i.lastRun->started.toLocalTime(), QLocale::ShortFormat),
                        i.lastRun->outcome)
                    : tr("never");
                QList<QStandardItem *> row;
                for (const QString &text :
                    { i.schedule.name, i.schedule.database(), i.schedule.every,
                        i.unitsWritten ? i.nextRun : tr("its unit files are missing"), last,
                        i.schedule.outputDir, i.schedule.retention.describe() })
                    row << new QStandardItem(text);
                if (i.lastRun && i.lastRun->outcome != QLatin1String("written")) {
                    row[ColLast]->setForeground(QColor(0xa0, 0, 0));
                    row[ColLast]->setToolTip(i.lastRun->error);
                }
                m_model->appendRow(row);
            }
            if (!current.isEmpty())
                select(current);
            updateButtons();
            Q_EMIT reloaded();
        });
}

bool SchedulesView::select(const QString &name)
{
    for (int i = 0; i < m_model->rowCount(); ++i)
        if (m_model->item(i, ColName)->text() == name) {
            m_list->setCurrentIndex(m_model->index(i, ColName));
            return true;
        }
    return false;
}

std::optional<core::ScheduleInfo> SchedulesView::selected() const
{
    const int row = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
    if (row < 0 || row >= m_schedules.size())
        return std::nullopt;
    return m_schedules[row];
}

void SchedulesView::updateButtons()
{
    const bool any = selected().has_value();
    m_new->setEnabled(m_context && m_context->isConnected());
    m_run->setEnabled(any);
    m_prune->setEnabled(any);
    m_remove->setEnabled(any);
}

void SchedulesView::done(const QString &message, bool error)
{
    m_status->setText(message);
    m_status->setStyleSheet(error ? QStringLiteral("color: #a00000") : QString());
    Q_EMIT actionDone(message);
}

ScheduleDialog *SchedulesView::createScheduleDialog()
{
    const auto connection = m_context ? m_context->connection() : nullptr;
    if (!connection)
        return nullptr;
    const QString folder = QDir(QStandardPaths::writableLocation(QStandardPaths::HomeLocation))
                               .filePath(QStringLiteral("backups"));
    auto *d = new ScheduleDialog(core::ScheduleService::proposal(*connection, folder), this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &ScheduleDialog::scheduleRequested, this,
        [this, d](const core::BackupSchedule &s) { add(s, d); });
    return d;
}

void SchedulesView::add(const core::BackupSchedule &schedule, ScheduleDialog *dialog)
{
    QPointer<ScheduleDialog> d(dialog);
    core::whenFinished(this, m_service->add(schedule),
        [this, d, name = schedule.name](const core::Result<core::systemdunits::Installed> &r) {
            if (!r) {
                if (d)
                    d->setProblem(r.error().toString());
                return done(r.error().toString(), true);
            }
            if (d)
                d->accept();
            done(tr("Schedule %1 saved. %2").arg(name, r->note), false);
            reload();
        });
}

void SchedulesView::runSelectedNow()
{
    const auto s = selected();
    if (!s)
        return;
    auto job = m_service->runNowJob(s->schedule, m_context ? m_context->connection() : nullptr);
    if (!job)
        return done(job.error().toString(), true);
    std::shared_ptr<core::Job> started = job.value();
    Q_EMIT jobRequested(started);
    if (!started->future().isValid())
        return;
    // After a run that wrote its backup, the schedule's retention, as after a timer's run.
    core::whenFinished(
        this, started->future(), [this, schedule = s->schedule](const core::JobResult &r) {
            Q_EMIT historyChanged();
            if (r.ok)
                prune(schedule);
            reload();
        });
}

void SchedulesView::pruneSelected()
{
    if (const auto s = selected())
        prune(s->schedule);
}

void SchedulesView::prune(const core::BackupSchedule &schedule)
{
    core::whenFinished(
        this, m_service->prune(schedule, false), [this](const core::Result<core::PruneReport> &r) {
            if (!r)
                return done(r.error().toString(), true);
            done(tr("Schedule %1 (%2): %n backup(s) deleted.", nullptr, r->deleted())
                     .arg(r->schedule, r->policy.describe()),
                false);
            Q_EMIT historyChanged();
        });
}

void SchedulesView::removeSelected()
{
    const auto s = selected();
    if (!s)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove the schedule"),
        tr("Remove the schedule %1 and its systemd units? Its backups and their history stay.")
            .arg(s->schedule.name),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("confirmRemove"));
    connect(box, &QMessageBox::finished, this, [this, name = s->schedule.name](int result) {
        if (result != QMessageBox::Yes)
            return;
        core::whenFinished(this, m_service->remove(name), [this](const core::Result<QString> &r) {
            done(r ? r.value() : r.error().toString(), !r);
            reload();
        });
    });
    box->open();
}

} // namespace strata::ui
