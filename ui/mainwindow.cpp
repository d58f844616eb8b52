#include "mainwindow.h"

#include "theme.h"

#include "aboutdialog.h"
#include "appcontext.h"
#include "connect/connectdialog.h"
#include "connect/connectioncontroller.h"
#include "connect/connectionpanel.h"
#include "connectionlistmodel.h"
#include "db/passwordstore.h"
#include "db/profilestore.h"
#include "db/servicefile.h"
#include "preferencesdialog.h"
#include "windowstate.h"
#include "workspacepage.h"
#include "workspacetabs.h"

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
    setWindowIcon(QIcon(QStringLiteral(":/icons/io.strata.Strata.svg")));
    m_connections = new models::ConnectionListModel(this);
    m_panel = new ConnectionPanel(m_connections, this);
    m_controller = new ConnectionController(context, this, this);
    buildLayout();
    buildStatusBar();
    buildMenus();
    buildToolBar();
    wirePanel();
    wireController();
    wireContext();
    reloadConnectionList();
    updateTitle();
    // Pages reflow down to this (tests/ui/tst_mainwindow checks them there).
    setMinimumSize(800, 560);
    resize(1400, 900);
    // A page built later gets the sizes of its splitters as they were saved.
    connect(m_workspace, &WorkspaceTabs::pageBuilt, this,
        [this](WorkspacePage *page) { windowstate::restoreSplitters(this, page, m_context); });
    windowstate::restore(this, m_tabs, m_context);
    // Only the page in front is built before the first frame; the rest after it.
    m_workspace->page(m_tabs->currentIndex());
    m_workspace->buildRestAfterFirstPaint(this);
}

QList<WorkspacePage *> MainWindow::pages() const
{
    return m_workspace->all();
}

WorkspacePage *MainWindow::currentPage() const
{
    return m_workspace->page(m_tabs->currentIndex());
}

void MainWindow::buildLayout()
{
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    m_banner = new QLabel(right);
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->hide();
    m_tabs = new QTabWidget(right);
    m_tabs->setDocumentMode(true);
    m_workspace = new WorkspaceTabs(m_context, m_tabs, this);
    rightLayout->addWidget(m_banner);
    rightLayout->addWidget(m_tabs, 1);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_panel);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 260, 1140 });
    setCentralWidget(splitter);
}

void MainWindow::buildStatusBar()
{
    m_state = new QLabel(tr("Not connected"), this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(200);
    m_progress->hide();
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->hide();
    statusBar()->addWidget(m_state, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, m_controller, &ConnectionController::cancel);
}

void MainWindow::buildMenus()
{
    auto *connection = menuBar()->addMenu(tr("&Connection"));
    connection
        ->addAction(tr("&New connection…"), QKeySequence(Qt::CTRL | Qt::Key_N), this,
            [this] { editProfile(nullptr); })
        ->setObjectName(QStringLiteral("newConnection"));
    connection->addAction(tr("&Close connection"), QKeySequence(Qt::CTRL | Qt::Key_W), this,
        [this] { m_controller->disconnectFromServer(); });
    connection->addSeparator();
    connection->addAction(tr("&Back up…"), this, [this] { m_context->requestBackup({}, {}); })
        ->setObjectName(QStringLiteral("backup"));
    connection->addAction(tr("R&estore…"), this, &MainWindow::openRestoreDialog)
        ->setObjectName(QStringLiteral("restore"));
    connection->addSeparator();
    // The platform's Preferences shortcut; Ctrl+, where it has none (GNOME, Windows).
    QKeySequence prefs(QKeySequence::Preferences);
    if (prefs.isEmpty())
        prefs = QKeySequence(Qt::CTRL | Qt::Key_Comma);
    connection->addAction(tr("&Preferences…"), prefs, this, &MainWindow::showPreferences);
    connection->addSeparator();
    connection->addAction(tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q), this, &QWidget::close);

    auto *view = menuBar()->addMenu(tr("&View"));
    // Find and Refresh act on the page in front; each page says what they mean there.
    view->addAction(tr("&Find…"), QKeySequence(Qt::CTRL | Qt::Key_F), this,
            [this] {
                if (WorkspacePage *p = currentPage())
                    p->focusFind();
            })
        ->setObjectName(QStringLiteral("find"));
    view->addAction(tr("&Refresh"), QKeySequence(Qt::Key_F5), this,
            [this] {
                if (WorkspacePage *p = currentPage())
                    p->refresh();
            })
        ->setObjectName(QStringLiteral("refresh"));
    view->addSeparator();
    const QList<WorkspacePageSpec> &specs = m_workspace->specs();
    for (int i = 0; i < specs.size() && i < 9; ++i)
        view->addAction(specs.at(i).title, QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this,
                [this, i] { m_workspace->show(i); })
            ->setObjectName(QStringLiteral("page-") + specs.at(i).id);
    view->addAction(tr("Next page"), QKeySequence(Qt::CTRL | Qt::Key_PageDown), this,
        [this] { m_workspace->show((m_tabs->currentIndex() + 1) % m_tabs->count()); });
    view->addAction(tr("Previous page"), QKeySequence(Qt::CTRL | Qt::Key_PageUp), this, [this] {
        m_workspace->show((m_tabs->currentIndex() + m_tabs->count() - 1) % m_tabs->count());
    });

    auto *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    help->addAction(tr("&About Strata"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), this, [this] { AboutDialog::openAboutQt(this); });
}

// Every shortcut the menus hold, as the menus show it.
QStringList MainWindow::shortcutList() const
{
    QStringList out;
    for (QAction *menu : menuBar()->actions())
        for (QAction *a : menu->menu()->actions())
            if (!a->shortcut().isEmpty())
                out << QStringLiteral("%1\t%2").arg(
                    a->shortcut().toString(QKeySequence::NativeText),
                    QString(a->text()).remove(u'&'));
    return out;
}

void MainWindow::showShortcuts()
{
    QString rows;
    for (const QString &line : shortcutList())
        rows += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(line.section(u'\t', 0, 0).toHtmlEscaped(),
                        line.section(u'\t', 1).toHtmlEscaped());
    auto *box = new QMessageBox(QMessageBox::NoIcon, tr("Keyboard shortcuts"),
        QStringLiteral("<table cellspacing=6>%1</table>").arg(rows), QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

AboutDialog *MainWindow::showAbout()
{
    auto *box = new AboutDialog(m_context, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return box;
}

PreferencesDialog *MainWindow::showPreferences()
{
    auto *dialog = new PreferencesDialog(m_context->preferences(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

void MainWindow::saveWindowState()
{
    windowstate::save(this, m_tabs, m_context);
}

bool MainWindow::reconnectLastConnection()
{
    const auto last = windowstate::lastConnection(m_context);
    if (last)
        connectTo(*last);
    return bool(last);
}

void MainWindow::wirePanel()
{
    connect(m_panel, &ConnectionPanel::connectRequested, this,
        [this](const core::ConnectionProfile &p) { connectTo(p); });
    connect(m_panel, &ConnectionPanel::newRequested, this, [this] { editProfile(nullptr); });
    connect(m_panel, &ConnectionPanel::editRequested, this,
        [this](const core::ConnectionProfile &p) { editProfile(&p); });
    connect(m_panel, &ConnectionPanel::removeRequested, this, &MainWindow::removeProfile);
}

void MainWindow::wireController()
{
    connect(m_controller, &ConnectionController::connecting, this, [this](const QString &target) {
        m_banner->hide();
        showProgress(tr("Connecting to %1…").arg(target), -1);
        m_cancel->show();
    });
    connect(
        m_controller, &ConnectionController::connected, this, [this](const core::ServerInfo &info) {
            m_progress->hide();
            m_cancel->hide();
            if (!info.warning.isEmpty())
                showBanner(info.warning, false);
            Q_EMIT connectionReady();
        });
    connect(m_controller, &ConnectionController::failed, this, [this](const core::Error &e) {
        m_progress->hide();
        m_cancel->hide();
        updateTitle();
        showBanner(e.message + (e.hint.isEmpty() ? QString() : u'\n' + e.hint), true);
        Q_EMIT connectionFailed(e);
    });
    connect(m_controller, &ConnectionController::canceled, this, [this] {
        m_progress->hide();
        m_cancel->hide();
        m_state->setText(tr("Connecting was cancelled."));
    });
}

void MainWindow::wireContext()
{
    connect(m_context, &AppContext::statusMessage, this,
        [this](const QString &t) { statusBar()->showMessage(t, 8000); });
    connect(m_context, &AppContext::errorMessage, this,
        [this](const QString &t) { showBanner(t, true); });
    connect(m_context, &AppContext::pageRequested, this, &MainWindow::showPage);
    connect(m_context, &AppContext::databaseRequested, m_controller,
        &ConnectionController::openDatabase);
    connect(m_context, &AppContext::migrationsDirChanged, m_connections,
        &models::ConnectionListModel::setMigrationsDir);
    connect(m_context, &AppContext::connectionChanged, this, &MainWindow::onConnectionChanged);
}

// Which database every page shows is said in three places a person looks: the connection list
// (the entry in bold, selected), the window's title and the status bar. A database opened from
// the schema tree joins the list, and the change is announced.
void MainWindow::onConnectionChanged()
{
    updateTitle();
    if (!m_context->isConnected()) {
        m_connections->setConnectedId({});
        return;
    }
    const core::ConnectionProfile &p = m_context->profile();
    const bool opened = !m_connections->indexOfProfile(p.id).isValid();
    if (opened)
        m_connections->addOpened(p);
    m_connections->setConnectedId(p.id);
    m_panel->select(p.id);
    m_panel->view()->expandAll();
    if (opened && !m_previousDatabase.isEmpty() && m_previousDatabase != p.database)
        showBanner(tr("Now showing the database %1 (it was %2): the connection list, the title "
                      "and every page follow it.")
                       .arg(p.database, m_previousDatabase),
            false);
    m_previousDatabase = p.database;
}

void MainWindow::updateTitle()
{
    if (!m_context->isConnected()) {
        setWindowTitle(tr("Strata"));
        m_state->setText(tr("Not connected"));
        return;
    }
    const core::ServerInfo &info = m_context->serverInfo();
    const QString target = m_context->profile().displayTarget();
    setWindowTitle(tr("%1 — %2 — Strata").arg(info.database, target));
    m_state->setText(tr("Connected to %1 on %2 — PostgreSQL %3")
                         .arg(info.database, target, info.version.toString()));
}

void MainWindow::showPage(const QString &id)
{
    m_workspace->show(m_workspace->indexOf(id));
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
    m_banner->setStyleSheet(
        theme::bannerStyle(isError ? theme::Tone::Error : theme::Tone::Warning, 8));
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
    for (WorkspacePage *p : m_workspace->built()) // a page not built has started nothing
        if (const QString why = p->busyReason(); !why.isEmpty())
            busy << why;
    if (busy.isEmpty() || m_closeConfirmed) {
        saveWindowState();
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
