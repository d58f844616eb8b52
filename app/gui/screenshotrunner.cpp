#include "screenshotrunner.h"

#include "appcontext.h"
#include "connect/connectdialog.h"
#include "connect/connectioncontroller.h"
#include "connect/passworddialog.h"
#include "db/connection.h"
#include "db/passwordstore.h"
#include "diagram/diagrampage.h"
#include "jobs/backupdialog.h"
#include "jobs/backuphistoryview.h"
#include "jobs/backupjob.h"
#include "jobs/jobspage.h"
#include "jobs/jobsservice.h"
#include "jobs/restoredialog.h"
#include "mainwindow.h"
#include "migrations/migrationspage.h"
#include "overview/overviewpage.h"
#include "schema/schemapage.h"
#include "stats/statspage.h"
#include "util/whenfinished.h"
#include "workspacepage.h"

#include <QDir>
#include <QPixmap>
#include <QTabWidget>
#include <QTimer>

#include <memory>
#include <utility>

#include <cstdio>

namespace strata::ui {

namespace {
constexpr int kStepTimeoutMs = 90000;
constexpr int kSettleMs = 400; // let layouts and charts settle before grabbing
const QString kAgriTable = QStringLiteral("agri.roi2024_card_signatures");
} // namespace

ScreenshotRunner::ScreenshotRunner(
    MainWindow *window, AppContext *context, QString dir, QObject *parent)
    : QObject(parent), m_window(window), m_context(context), m_dir(std::move(dir))
{
}

ScreenshotRunner::~ScreenshotRunner() = default;

void ScreenshotRunner::start(bool waitForConnection)
{
    QDir().mkpath(m_dir);
    if (!waitForConnection) {
        addDialogSteps();
        QTimer::singleShot(kSettleMs, this, &ScreenshotRunner::run);
        return;
    }
    connect(
        m_window, &MainWindow::connectionReady, this,
        [this] {
            addPageSteps();
            addDialogSteps();
            run();
        },
        Qt::SingleShotConnection);
    connect(
        m_window, &MainWindow::connectionFailed, this,
        [this] {
            std::fprintf(
                stderr, "strata: could not connect: %s\n", qPrintable(m_window->bannerText()));
            m_exitCode = 1;
            save(m_window, QStringLiteral("main-error")); // only the window with its error
            addDialogSteps();
            run();
        },
        Qt::SingleShotConnection);
}

void ScreenshotRunner::run()
{
    next();
}

// Runs the next step; each step calls its Done once what it shows is there, or the step's time
// runs out and what is there is taken.
void ScreenshotRunner::next()
{
    if (m_steps.isEmpty()) {
        Q_EMIT finished(m_exitCode);
        return;
    }
    auto [name, step] = m_steps.takeFirst();
    const int generation = ++m_generation;
    auto done = [this, generation] {
        if (generation != m_generation)
            return;
        ++m_generation;
        QTimer::singleShot(0, this, &ScreenshotRunner::next);
    };
    QTimer::singleShot(kStepTimeoutMs, this, [this, name, generation, done] {
        if (generation != m_generation)
            return;
        std::fprintf(stderr, "strata: %s was not ready within %d s; going on\n", qPrintable(name),
            kStepTimeoutMs / 1000);
        m_exitCode = 1;
        done();
    });
    step(done);
}

QWidget *ScreenshotRunner::page(const QString &id) const
{
    for (WorkspacePage *p : m_window->pages())
        if (p->id() == id)
            return p;
    return nullptr;
}

void ScreenshotRunner::showPage(const QString &id)
{
    if (QWidget *p = page(id))
        m_window->tabs()->setCurrentWidget(p);
}

void ScreenshotRunner::shootWhen(QWidget *widget, const QString &name, Done done)
{
    QPointer<QWidget> guard(widget);
    QTimer::singleShot(kSettleMs, this, [this, guard, name, done] {
        if (guard)
            save(guard, name);
        done();
    });
}

bool ScreenshotRunner::save(QWidget *widget, const QString &name)
{
    const QString path = QDir(m_dir).filePath(name + QStringLiteral(".png"));
    if (!widget->grab().save(path)) {
        std::fprintf(stderr, "strata: could not write %s\n", qPrintable(path));
        m_exitCode = 1;
        return false;
    }
    m_written << path;
    std::printf("%s\n", qPrintable(path));
    std::fflush(stdout);
    return true;
}

// A real backup through the jobs page, as a person would start one.
void ScreenshotRunner::backUp(
    const QStringList &schemas, const QString &file, bool schemaOnly, Done done)
{
    auto *jobs = qobject_cast<JobsPage *>(page(QStringLiteral("jobs")));
    if (!jobs || !m_context->connection()) {
        done();
        return;
    }
    core::BackupOptions o;
    o.outputPath = m_scratch.filePath(file);
    o.schemas = schemas;
    o.schemaOnly = schemaOnly;
    auto job = core::JobsService(m_context->connection()).backupJob(o);
    // Recorded in the screenshot run's scratch catalog (main() points STRATA_BACKUP_CATALOG at
    // it), never in the person's: the history screenshot shows this backup.
    jobs->startJob(job);
    core::whenFinished(this, job->future(), [done](const core::JobResult &) { done(); });
}

void ScreenshotRunner::addPageSteps()
{
    m_steps.append({ QStringLiteral("the overview"), [this](Done d) { shootOverview(d); } });
    m_steps.append({ QStringLiteral("the schema browser"), [this](Done d) { shootSchema(d); } });
    m_steps.append({ QStringLiteral("the migrations"), [this](Done d) { shootMigrations(d); } });
    m_steps.append({ QStringLiteral("the statistics"), [this](Done d) { shootStatistics(d); } });
    m_steps.append({ QStringLiteral("the backup"), [this](Done d) { shootJobs(d); } });
    m_steps.append({ QStringLiteral("the backup history"), [this](Done d) { shootHistory(d); } });
    m_steps.append({ QStringLiteral("the diagram"), [this](Done d) { shootDiagram(d); } });
}

void ScreenshotRunner::addDialogSteps()
{
    m_steps.append({ QStringLiteral("the connect dialog"), [this](Done d) { shootConnect(d); } });
    m_steps.append({ QStringLiteral("the password prompt"), [this](Done d) { shootPassword(d); } });
    m_steps.append({ QStringLiteral("the backup dialog"), [this](Done d) { shootBackup(d); } });
    m_steps.append({ QStringLiteral("the restore dialog"), [this](Done d) { shootRestore(d); } });
}

void ScreenshotRunner::shootOverview(Done done)
{
    showPage(QStringLiteral("overview"));
    auto *p = qobject_cast<OverviewPage *>(page(QStringLiteral("overview")));
    auto shoot = [this, done] { shootWhen(m_window, QStringLiteral("main-overview"), done); };
    if (!p || p->areDetailsLoaded())
        shoot();
    else // the health, schemas and backups too: the page is not half empty in the picture
        connect(p, &OverviewPage::detailsLoaded, this, shoot, Qt::SingleShotConnection);
}

// The demo's partitioned ais.positions with its details.
void ScreenshotRunner::shootSchema(Done done)
{
    showPage(QStringLiteral("schema"));
    auto *p = qobject_cast<SchemaPage *>(page(QStringLiteral("schema")));
    connect(
        p, &SchemaPage::objectShown, this,
        [this, done] { shootWhen(m_window, QStringLiteral("main-schema"), done); },
        Qt::SingleShotConnection);
    p->showObject(QStringLiteral("ais"), QStringLiteral("positions"));
}

// The registry's history compared with its folder, with the unfinished run selected.
void ScreenshotRunner::shootMigrations(Done done)
{
    showPage(QStringLiteral("migrations"));
    auto *p = qobject_cast<MigrationsPage *>(page(QStringLiteral("migrations")));
    auto shoot = [this, p, done] {
        p->selectFirst(core::MigrationState::Running);
        shootWhen(m_window, QStringLiteral("main-migrations"), done);
    };
    if (!p->isLoading())
        shoot();
    else
        connect(p, &MigrationsPage::loaded, this, shoot, Qt::SingleShotConnection);
}

void ScreenshotRunner::shootStatistics(Done done)
{
    showPage(QStringLiteral("statistics"));
    auto *p = qobject_cast<StatsPage *>(page(QStringLiteral("statistics")));
    // Samples a second apart for a moment, so that the charts have points.
    p->setSampleIntervalMs(1000);
    auto check = [this, p, done] {
        if (p->refreshCount() < 1 || p->sampleCount() < 4)
            return;
        p->disconnect(this);
        p->setSampleIntervalMs(3000);
        shootWhen(m_window, QStringLiteral("main-statistics"), done);
    };
    connect(p, &StatsPage::refreshed, this, check);
    connect(p, &StatsPage::sampled, this, check);
    check();
}

// A real backup: the demo's agri schema (whose archive the restore dialog then opens), another
// database's definitions only.
void ScreenshotRunner::shootJobs(Done done)
{
    showPage(QStringLiteral("jobs"));
    const auto c = m_context->connection();
    if (!c) {
        done();
        return;
    }
    core::whenFinished(this, core::JobsService(c).resolveTables({ kAgriTable }, false),
        [this, done, c](const core::Result<QList<core::TableRef>> &agri) {
            m_demo = agri.ok();
            const QString file = c->profile().database
                + (m_demo ? QStringLiteral("-agri.dump") : QStringLiteral("-schema.dump"));
            m_archive = m_scratch.filePath(file);
            backUp(m_demo ? QStringList { QStringLiteral("agri") } : QStringList {}, file, !m_demo,
                [this, done] { shootWhen(m_window, QStringLiteral("main-jobs"), done); });
        });
}

// The backup just made, in the history (a scratch catalog: main() points the history at one, so
// no one's real history is shown), with its verification and row counts.
void ScreenshotRunner::shootHistory(Done done)
{
    auto *p = qobject_cast<JobsPage *>(page(QStringLiteral("jobs")));
    BackupHistoryView *view = p->historyView();
    connect(
        view, &BackupHistoryView::reloaded, this,
        [this, p, view, done] {
            view->selectNewestBackup();
            shootWhen(m_window, QStringLiteral("main-history"), [p, done] {
                p->showTab(QStringLiteral("jobs"));
                done();
            });
        },
        Qt::SingleShotConnection);
    p->showTab(QStringLiteral("history"));
    view->reload();
}

// The demo's AIS schema as an ER diagram (another database: its first schema with tables).
void ScreenshotRunner::shootDiagram(Done done)
{
    showPage(QStringLiteral("diagram"));
    auto *p = qobject_cast<DiagramPage *>(page(QStringLiteral("diagram")));
    if (!p) {
        done();
        return;
    }
    // Whichever comes first: the layout, or the request ending without one (said on the page).
    auto fired = std::make_shared<bool>(false);
    auto shoot = [this, done, fired] {
        if (std::exchange(*fired, true))
            return;
        shootWhen(m_window, QStringLiteral("main-diagram"), done);
    };
    connect(p, &DiagramPage::layoutLanded, this, shoot, Qt::SingleShotConnection);
    connect(
        p, &DiagramPage::requestEnded, this, [shoot](const QString &) { shoot(); },
        Qt::SingleShotConnection);
    p->showSchemas({ m_demo ? QStringLiteral("ais") : QStringLiteral("public") });
}

// What a person types for a server of their own.
void ScreenshotRunner::shootConnect(Done done)
{
    ConnectDialog *d = m_window->createConnectDialog(nullptr);
    core::ConnectionProfile example;
    example.name = QStringLiteral("Production (read replica)");
    example.host = QStringLiteral("db-replica.internal.example");
    example.port = 5432;
    example.database = QStringLiteral("app");
    example.user = QStringLiteral("dba");
    example.sslMode = QStringLiteral("verify-full");
    example.sslRootCert = QStringLiteral("~/.postgresql/root.crt");
    d->setProfile(example);
    d->show();
    shootWhen(d, QStringLiteral("dialog-connect"), [d, done] {
        d->close();
        done();
    });
}

// The same server over TCP, where the demo asks for a password: the prompt a person gets, from
// the real connect flow (a controller of its own, so the window's connection stays).
void ScreenshotRunner::shootPassword(Done done)
{
    const auto c = m_context->connection();
    if (!c) {
        done();
        return;
    }
    core::ConnectionProfile tcp = c->profile();
    tcp.id = QStringLiteral("screenshot-tcp");
    tcp.host = QStringLiteral("127.0.0.1");
    auto *store = new core::PasswordStore(this);
    store->setKeychainEnabled(false);
    m_probeContext = std::make_unique<AppContext>(nullptr, store);
    m_probe = new ConnectionController(m_probeContext.get(), m_window, this);
    QPointer<QTimer> poll = new QTimer(this);
    auto finish = [this, poll, done] {
        m_probe->disconnect(this);
        if (poll)
            poll->deleteLater();
        done();
    };
    connect(poll, &QTimer::timeout, this, [this, poll, finish] {
        PasswordDialog *d = m_probe->passwordDialog();
        if (!d || !d->isVisible())
            return;
        poll->stop();
        shootWhen(d, QStringLiteral("dialog-password"), [d, finish] {
            finish();
            d->reject();
        });
    });
    // Trusted without a password, or refused outright: nothing to show.
    connect(m_probe, &ConnectionController::connected, this, finish);
    connect(m_probe, &ConnectionController::failed, this, finish);
    poll->start(50);
    m_probe->connectTo(tcp);
}

// The demo's card signatures with the tables they reference.
void ScreenshotRunner::shootBackup(Done done)
{
    auto *jobs = qobject_cast<JobsPage *>(page(QStringLiteral("jobs")));
    if (!jobs || !m_context->isConnected()) {
        done();
        return;
    }
    BackupDialog *d
        = jobs->createBackupDialog(m_demo ? QStringList { kAgriTable } : QStringList {});
    d->setIncludeReferenced(m_demo);
    auto pending = std::make_shared<int>(m_demo ? 2 : 1);
    auto one = [this, d, done, pending] {
        if (--*pending > 0)
            return;
        shootWhen(d, QStringLiteral("dialog-jobs-backup"), [d, done] {
            d->close();
            done();
        });
    };
    connect(d, &BackupDialog::toolShown, this, one, Qt::SingleShotConnection);
    if (m_demo)
        connect(d, &BackupDialog::planShown, this, one, Qt::SingleShotConnection);
    d->show();
}

// The archive the backup step made, into this database: the guard asks for its name.
void ScreenshotRunner::shootRestore(Done done)
{
    auto *jobs = qobject_cast<JobsPage *>(page(QStringLiteral("jobs")));
    if (!jobs || !m_context->isConnected() || m_archive.isEmpty()) {
        done();
        return;
    }
    RestoreDialog *d = jobs->createRestoreDialog();
    connect(
        d, &RestoreDialog::inspected, this,
        [this, d, done] {
            shootWhen(d, QStringLiteral("dialog-jobs-restore"), [d, done] {
                d->close();
                done();
            });
        },
        Qt::SingleShotConnection);
    d->setArchive(m_archive);
    d->chooseCurrentDatabase();
    d->show();
}

} // namespace strata::ui
