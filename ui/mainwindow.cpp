#include "mainwindow.h"

#include "appcontext.h"
#include "connect/connectdialog.h"
#include "connect/connectioncontroller.h"
#include "connect/connectionpanel.h"
#include "connectionlistmodel.h"
#include "db/passwordstore.h"
#include "db/profilestore.h"
#include "db/servicefile.h"
#include "workspacepage.h"
#include "workspacepages.h"

#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace strata::ui {

MainWindow::MainWindow(AppContext *context, QWidget *parent)
    : QMainWindow(parent), m_context(context)
{
    setWindowTitle(tr("Strata"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/strata.svg")));
    m_connections = new models::ConnectionListModel(this);
    m_panel = new ConnectionPanel(m_connections, this);
    m_controller = new ConnectionController(context, this, this);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_banner = new QLabel(right);
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->hide();
    m_tabs = new QTabWidget(right);
    m_tabs->setDocumentMode(true);
    m_pages = createWorkspacePages(context);
    for (WorkspacePage *page : m_pages) {
        QString title = page->title();
        m_tabs->addTab(page, title.replace(u'&', QStringLiteral("&&")));
    }
    rightLayout->addWidget(m_banner);
    rightLayout->addWidget(m_tabs, 1);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_panel);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 260, 1140 });
    setCentralWidget(splitter);

    m_state = new QLabel(tr("Not connected"), this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(200);
    m_progress->hide();
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->hide();
    statusBar()->addWidget(m_state, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);

    auto *file = menuBar()->addMenu(tr("&Connection"));
    file->addAction(tr("&New connection…"), this, [this] { editProfile(nullptr); });
    file->addAction(tr("&Disconnect"), this, [this] { m_controller->disconnectFromServer(); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    auto *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Strata"), this, [this] {
        auto *box = new QMessageBox(QMessageBox::Information, tr("About Strata"),
            tr("Strata %1\nA desktop console for PostgreSQL.")
                .arg(QApplication::applicationVersion()),
            QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });

    connect(m_panel, &ConnectionPanel::connectRequested, this,
        [this](const core::ConnectionProfile &p) { connectTo(p); });
    connect(m_panel, &ConnectionPanel::newRequested, this, [this] { editProfile(nullptr); });
    connect(m_panel, &ConnectionPanel::editRequested, this,
        [this](const core::ConnectionProfile &p) { editProfile(&p); });
    connect(m_panel, &ConnectionPanel::removeRequested, this, &MainWindow::removeProfile);
    connect(m_cancel, &QPushButton::clicked, m_controller, &ConnectionController::cancel);

    connect(m_controller, &ConnectionController::connecting, this, [this](const QString &target) {
        m_banner->hide();
        showProgress(tr("Connecting to %1…").arg(target), -1);
        m_cancel->show();
    });
    connect(
        m_controller, &ConnectionController::connected, this, [this](const core::ServerInfo &info) {
            m_progress->hide();
            m_cancel->hide();
            m_state->setText(tr("Connected to %1 on %2 — PostgreSQL %3")
                                 .arg(info.database, m_context->profile().displayTarget(),
                                     info.version.toString()));
            if (!info.warning.isEmpty())
                showBanner(info.warning, false);
            Q_EMIT connectionReady();
        });
    connect(m_controller, &ConnectionController::failed, this, [this](const core::Error &e) {
        m_progress->hide();
        m_cancel->hide();
        m_state->setText(m_context->isConnected() ? m_state->text() : tr("Not connected"));
        showBanner(e.message + (e.hint.isEmpty() ? QString() : u'\n' + e.hint), true);
        Q_EMIT connectionFailed(e);
    });
    connect(m_controller, &ConnectionController::canceled, this, [this] {
        m_progress->hide();
        m_cancel->hide();
        m_state->setText(tr("Connecting was cancelled."));
    });
    connect(context, &AppContext::statusMessage, this,
        [this](const QString &t) { statusBar()->showMessage(t, 8000); });
    connect(context, &AppContext::errorMessage, this,
        [this](const QString &t) { showBanner(t, true); });
    connect(context, &AppContext::pageRequested, this, [this](const QString &id) {
        for (WorkspacePage *p : m_pages)
            if (p->id() == id)
                m_tabs->setCurrentWidget(p);
    });
    connect(
        context, &AppContext::databaseRequested, m_controller, &ConnectionController::openDatabase);
    connect(context, &AppContext::migrationsDirChanged, m_connections,
        &models::ConnectionListModel::setMigrationsDir);
    connect(context, &AppContext::connectionChanged, this, [this] {
        if (!m_context->isConnected())
            m_state->setText(tr("Not connected"));
    });

    reloadConnectionList();
    resize(1400, 900);
}

MainWindow::~MainWindow() = default;

void MainWindow::reloadConnectionList()
{
    m_connections->setProfiles(m_context->profiles()->load());
    m_connections->setServices(core::servicefile::list());
    m_panel->view()->expandAll();
}

void MainWindow::setDemoProfiles(const QList<core::ConnectionProfile> &demo)
{
    m_connections->setDemo(demo);
    m_panel->view()->expandAll();
}

void MainWindow::connectTo(const core::ConnectionProfile &profile, const QString &password)
{
    m_panel->select(profile.id);
    m_controller->connectTo(profile, password);
}

void MainWindow::showBanner(const QString &text, bool isError)
{
    m_banner->setText(text);
    m_banner->setStyleSheet(isError
            ? QStringLiteral("QLabel { background: #fde7e7; color: #7a1010; "
                             "border: 1px solid #e0a0a0; padding: 8px; }")
            : QStringLiteral("QLabel { background: #fff4ce; color: #5c4400; "
                             "border: 1px solid #e0c060; padding: 8px; }"));
    m_banner->setVisible(!text.isEmpty());
}

QString MainWindow::bannerText() const
{
    return m_banner->isVisible() ? m_banner->text() : QString();
}

void MainWindow::showProgress(const QString &text, int percent)
{
    m_state->setText(text);
    m_progress->setVisible(percent < 100);
    if (percent < 0) {
        m_progress->setRange(0, 0);
    } else {
        m_progress->setRange(0, 100);
        m_progress->setValue(percent);
    }
}

ConnectDialog *MainWindow::createConnectDialog(const core::ConnectionProfile *existing)
{
    auto *dialog = new ConnectDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (existing)
        dialog->setProfile(*existing);
    return dialog;
}

void MainWindow::editProfile(const core::ConnectionProfile *existing)
{
    ConnectDialog *dialog = createConnectDialog(existing);
    QPointer<ConnectDialog> guard(dialog);
    connect(dialog, &QDialog::accepted, this, [this, guard] {
        if (!guard)
            return;
        core::ConnectionProfile p = guard->profile();
        // The dialog has no field for the migrations folder: keep the one saved now, which may
        // have been chosen while the dialog was open.
        for (const auto &saved : m_context->profiles()->load())
            if (saved.id == p.id)
                p.migrationsDir = saved.migrationsDir;
        m_context->profiles()->save(p);
        const QString pw = guard->enteredPassword();
        if (!pw.isEmpty()) {
            if (p.rememberPassword)
                m_context->passwords()->write(
                    p.id, pw, this, [this](bool inKeychain, const QString &note) {
                        if (!inKeychain && !note.isEmpty())
                            showBanner(note, false);
                    });
            else
                m_context->passwords()->remember(p.id, pw);
        }
        reloadConnectionList();
        m_panel->select(p.id);
    });
    dialog->open();
}

void MainWindow::removeProfile(const core::ConnectionProfile &profile)
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove connection"),
        tr("Remove the saved connection \"%1\"? Its password is removed "
           "from the keychain too; the database is not touched.")
            .arg(profile.name),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this, [this, profile] {
        m_context->profiles()->remove(profile.id);
        m_context->passwords()->remove(profile.id);
        reloadConnectionList();
    });
    box->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QStringList busy;
    for (WorkspacePage *p : m_pages)
        if (const QString why = p->busyReason(); !why.isEmpty())
            busy << why;
    if (busy.isEmpty() || m_closeConfirmed) {
        event->accept();
        return;
    }
    // Ask without blocking: the running jobs keep running while the question is open.
    event->ignore();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Work in progress"),
        tr("%1\n\nClose Strata and abandon it?").arg(busy.join(u'\n')),
        QMessageBox::Yes | QMessageBox::No, this);
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, this, [this] {
        m_closeConfirmed = true;
        close();
    });
    box->open();
}

} // namespace strata::ui
