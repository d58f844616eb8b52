#include "appcontext.h"
#include "connect/connectdialog.h"
#include "connect/connectioncontroller.h"
#include "connect/connectionpanel.h"
#include "connect/passworddialog.h"
#include "connectionlistmodel.h"
#include "db/passwordstore.h"
#include "db/profilestore.h"
#include "mainwindow.h"
#include "migrations/migrationspage.h"
#include "schema/schemapage.h"
#include "schema/schematreemodel.h"
#include "screenshotrunner.h"
#include "testserver.h"
#include "theme.h"
#include "workspacepage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace strata;
using strata::test::TestServer;

// The main window and its connect flow, driven offscreen against the real test server.
class tst_MainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void connectsAndShowsTheOverview();
    void unansweredServerFailsInTimeWhileTheWindowStaysResponsive();
    void wrongPasswordSaysSoAndAsksAgain();
    void missingPasswordIsAskedFor();
    void failedConnectLosesNoSavedProfile();
    void connectDialogNamesTheBadPartOfAConnectionString();
    void connectDialogSavesOnlyAfterASuccessfulTest();
    void migrationsFolderStaysWithTheProfile();
    void anotherDatabaseOpensFromTheTree();
    void shortcutsAreInTheMenusAndActOnThePageInFront();
    void theWindowReflowsDownToItsMinimumSize();
    void screenshotsAreWrittenAndReadable();
    void screenshotsInTheDarkPaletteAreDark();
    void theToolbarHoldsTheMenusCommonActions();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<core::ProfileStore> m_profiles;
    std::unique_ptr<core::PasswordStore> m_passwords;
    std::unique_ptr<ui::AppContext> m_context;
    std::unique_ptr<ui::MainWindow> m_window;
};

void tst_MainWindow::initTestCase()
{
    STRATA_REQUIRE_SERVER();
    TestServer::createDatabase("tst_mainwindow");
}

void tst_MainWindow::init()
{
    m_profiles = std::make_unique<core::ProfileStore>(m_dir.filePath("settings.ini"));
    m_passwords = std::make_unique<core::PasswordStore>();
    m_passwords->setKeychainEnabled(false);
    m_context = std::make_unique<ui::AppContext>(m_profiles.get(), m_passwords.get());
    m_window = std::make_unique<ui::MainWindow>(m_context.get());
    m_window->show();
}

void tst_MainWindow::cleanup()
{
    m_window.reset();
    m_context.reset();
}

void tst_MainWindow::connectsAndShowsTheOverview()
{
    QSignalSpy ready(m_window.get(), &ui::MainWindow::connectionReady);
    m_window->connectTo(TestServer::profile("tst_mainwindow"));
    QVERIFY(ready.wait(15000));
    QVERIFY(m_context->isConnected());
    QCOMPARE(m_context->serverInfo().database, QStringLiteral("tst_mainwindow"));
    QVERIFY(m_window->bannerText().isEmpty());
}

void tst_MainWindow::unansweredServerFailsInTimeWhileTheWindowStaysResponsive()
{
    // A socket that accepts the TCP handshake (the kernel does) but never answers: what a hung
    // or firewalled server looks like. Loopback only.
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QVERIFY(::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0);
    QVERIFY(::listen(fd, 4) == 0);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len);

    core::ConnectionProfile p;
    p.id = "silent";
    p.host = "127.0.0.1";
    p.port = ntohs(addr.sin_port);
    p.database = "x";
    p.user = "x";
    p.extraOptions = "connect_timeout=2";

    // The event loop must keep turning while libpq waits: record the longest gap between ticks.
    qint64 longestGap = 0;
    QElapsedTimer sinceTick;
    sinceTick.start();
    QTimer ticker;
    ticker.setInterval(5);
    connect(&ticker, &QTimer::timeout, this, [&] {
        longestGap = qMax(longestGap, sinceTick.elapsed());
        sinceTick.restart();
    });
    ticker.start();

    QSignalSpy failed(m_window.get(), &ui::MainWindow::connectionFailed);
    QElapsedTimer t;
    t.start();
    m_window->connectTo(p);
    QVERIFY(failed.wait(10000));
    ticker.stop();
    ::close(fd);
    QVERIFY2(t.elapsed() < 6000, qPrintable(QString::number(t.elapsed())));
    const auto error = failed.first().first().value<core::Error>();
    QCOMPARE(error.kind, core::Error::Kind::Unreachable);
    QVERIFY2(m_window->bannerText().contains("No answer"), qPrintable(m_window->bannerText()));
    // Not a timing benchmark: a blocked GUI thread would show a gap of about 2 s.
    QVERIFY2(longestGap < 500, qPrintable(QString::number(longestGap)));
}

void tst_MainWindow::wrongPasswordSaysSoAndAsksAgain()
{
    core::ConnectionProfile p = TestServer::profile("tst_mainwindow");
    p.user = TestServer::scramUser();
    p.migrationsDir = m_dir.path(); // this database's folder, not the other's
    QSignalSpy ready(m_window.get(), &ui::MainWindow::connectionReady);
    m_window->connectTo(p, "not the password");
    QTRY_VERIFY_WITH_TIMEOUT(m_window->controller()->passwordDialog()
            && m_window->controller()->passwordDialog()->isVisible(),
        10000);
    ui::PasswordDialog *dialog = m_window->controller()->passwordDialog();
    QLabel *message = dialog->findChild<QLabel *>();
    QVERIFY(message->text().contains("rejected the password"));
    QVERIFY(!message->text().contains("not the password"));
    dialog->findChild<QLineEdit *>()->setText(TestServer::scramPassword());
    dialog->accept();
    QVERIFY(ready.wait(10000));
    QCOMPARE(m_context->serverInfo().user, TestServer::scramUser());
    // Kept for this session only: the keychain is off, and nothing went to the settings file.
    QCOMPARE(m_passwords->remembered(p.id).value_or(QString()), TestServer::scramPassword());
    QFile settings(m_dir.filePath("settings.ini"));
    if (settings.open(QIODevice::ReadOnly))
        QVERIFY(!settings.readAll().contains(TestServer::scramPassword().toUtf8()));
}

void tst_MainWindow::missingPasswordIsAskedFor()
{
    qputenv("PGPASSFILE", "/nonexistent/pgpass");
    qunsetenv("PGPASSWORD");
    core::ConnectionProfile p = TestServer::profile("tst_mainwindow");
    p.id = "needs-password";
    p.user = TestServer::scramUser();
    QSignalSpy failed(m_window.get(), &ui::MainWindow::connectionFailed);
    m_window->connectTo(p);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->controller()->passwordDialog()
            && m_window->controller()->passwordDialog()->isVisible(),
        10000);
    QVERIFY(m_window->controller()->passwordDialog()->findChild<QLabel *>()->text().contains(
        "asks for a password"));
    m_window->controller()->passwordDialog()->reject(); // giving up is an error in the window
    QVERIFY(failed.count() == 1 || failed.wait(2000));
    QVERIFY(!m_window->bannerText().isEmpty());
}

void tst_MainWindow::failedConnectLosesNoSavedProfile()
{
    core::ConnectionProfile p;
    p.id = "keep-me";
    p.name = "Keep me";
    p.host = "127.0.0.1";
    p.port = 1;
    p.database = "nothing";
    m_profiles->save(p);
    QSignalSpy failed(m_window.get(), &ui::MainWindow::connectionFailed);
    m_window->connectTo(p);
    QVERIFY(failed.wait(10000));
    const auto left = m_profiles->load();
    QCOMPARE(left.size(), 1);
    QVERIFY(left.first() == p);
}

void tst_MainWindow::connectDialogNamesTheBadPartOfAConnectionString()
{
    ui::ConnectDialog dialog;
    QVERIFY(!dialog.applyConnectionString("host=db colour=blue"));
    QVERIFY2(dialog.statusText().contains("colour"), qPrintable(dialog.statusText()));
    QVERIFY(dialog.applyConnectionString("postgresql://dba:pw@db.example:6543/app"));
    QCOMPARE(dialog.profile().host, QStringLiteral("db.example"));
    QCOMPARE(dialog.profile().port, 6543);
    QCOMPARE(dialog.enteredPassword(), QStringLiteral("pw"));
}

void tst_MainWindow::connectDialogSavesOnlyAfterASuccessfulTest()
{
    ui::ConnectDialog dialog;
    core::ConnectionProfile bad = TestServer::profile("tst_mainwindow");
    bad.port = 1;
    dialog.setProfile(bad);
    dialog.show();
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QSignalSpy tested(&dialog, &ui::ConnectDialog::testFinished);
    QMetaObject::invokeMethod(&dialog, "accept");
    QVERIFY(tested.wait(10000));
    QCOMPARE(tested.first().first().toBool(), false);
    QCOMPARE(accepted.count(), 0);
    QVERIFY(dialog.statusText().contains("Could not reach"));

    dialog.setProfile(TestServer::profile("tst_mainwindow"));
    tested.clear();
    QMetaObject::invokeMethod(&dialog, "accept");
    QVERIFY(tested.wait(10000));
    QCOMPARE(tested.first().first().toBool(), true);
    QCOMPARE(accepted.count(), 1);
    QVERIFY(dialog.statusText().startsWith("Connected"));
}

void tst_MainWindow::migrationsFolderStaysWithTheProfile()
{
    core::ConnectionProfile p = TestServer::profile("tst_mainwindow");
    p.id = "folder-profile";
    p.name = "folder profile";
    m_profiles->save(p);
    m_window = std::make_unique<ui::MainWindow>(m_context.get()); // lists the saved profile
    m_window->show();
    auto button = [this](const QString &text) -> QPushButton * {
        for (auto *b : m_window->connectionPanel()->findChildren<QPushButton *>())
            if (b->text() == text)
                return b;
        return nullptr;
    };
    ui::MigrationsPage *page = nullptr;
    for (auto *w : m_window->pages())
        if (auto *m = qobject_cast<ui::MigrationsPage *>(w))
            page = m;
    QVERIFY(page);
    auto connectFromPanel = [&] {
        QSignalSpy ready(m_window.get(), &ui::MainWindow::connectionReady);
        m_window->connectionPanel()->select(p.id);
        button("&Connect")->click();
        return ready.wait(15000);
    };
    auto saved = [&] {
        for (const auto &s : m_profiles->load())
            if (s.id == p.id)
                return s.migrationsDir;
        return QStringLiteral("(not saved)");
    };
    QVERIFY(connectFromPanel());
    QTemporaryDir folder, later;
    page->setFolder(folder.path());
    QCOMPARE(m_context->profile().migrationsDir, folder.path());
    QCOMPARE(saved(), folder.path());

    // Reconnecting from the panel brings the chosen folder back, not the old one.
    QVERIFY(connectFromPanel());
    QCOMPARE(page->folder(), folder.path());

    // An edit dialog opened before a new folder is chosen, and filled from a connection string,
    // does not put the old folder back when saved.
    m_window->connectionPanel()->select(p.id);
    button("&Edit…")->click();
    ui::ConnectDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ui::ConnectDialog *>()) != nullptr);
    QCOMPARE(dialog->profile().migrationsDir, folder.path());
    QVERIFY(dialog->applyConnectionString(TestServer::connInfo("tst_mainwindow")));
    QCOMPARE(dialog->profile().migrationsDir, folder.path());
    page->setFolder(later.path());
    QSignalSpy accepted(dialog, &QDialog::accepted);
    QMetaObject::invokeMethod(dialog, "accept");
    QVERIFY(accepted.wait(10000));
    QCOMPARE(saved(), later.path());
    QVERIFY(connectFromPanel());
    QCOMPARE(page->folder(), later.path());
    QCOMPARE(m_context->profile().migrationsDir, later.path());
    m_profiles->remove(p.id);
}

void tst_MainWindow::anotherDatabaseOpensFromTheTree()
{
    // As the SCRAM role: the same role and the password already given reach the other database.
    TestServer::createDatabase("tst_mainwindow_other");
    core::ConnectionProfile p = TestServer::profile("tst_mainwindow");
    p.user = TestServer::scramUser();
    p.migrationsDir = m_dir.path(); // this database's folder, not the other's
    QSignalSpy ready(m_window.get(), &ui::MainWindow::connectionReady);
    m_window->connectTo(p, TestServer::scramPassword());
    QVERIFY(ready.wait(15000));
    ui::SchemaPage *page = nullptr;
    for (auto *w : m_window->pages())
        if (auto *s = qobject_cast<ui::SchemaPage *>(w))
            page = s;
    QVERIFY(page);
    auto *tree = page->findChild<QTreeView *>();
    QVERIFY(tree);
    auto *model = tree->model();
    QModelIndex other;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            // The page is not the current tab: open the server node as a click would.
            const QModelIndex server = model->index(0, 0);
            if (server.isValid() && model->canFetchMore(server))
                model->fetchMore(server);
            const auto hits = model->match(model->index(0, 0), models::SchemaTreeModel::NameRole,
                QStringLiteral("tst_mainwindow_other"), 1, Qt::MatchExactly | Qt::MatchRecursive);
            other = hits.isEmpty() ? QModelIndex() : hits.first();
            return other.isValid();
        }(),
        15000);
    QVERIFY(other.data(models::SchemaTreeModel::NotOpenedRole).toBool());
    QVERIFY(model->flags(other) & Qt::ItemIsEnabled); // double-clickable
    QVERIFY(other.data(Qt::ToolTipRole).toString().contains("Double-click"));
    ready.clear();
    Q_EMIT tree->doubleClicked(other);
    QVERIFY(ready.wait(15000));
    QCOMPARE(m_context->serverInfo().database, QStringLiteral("tst_mainwindow_other"));
    QCOMPARE(m_context->profile().user, TestServer::scramUser());
    QVERIFY(m_context->profile().migrationsDir.isEmpty());
    // The change is explicit: the banner says it, the title names the database, and the
    // connection list shows it as the connected entry (listed for this session).
    QVERIFY2(m_window->bannerText().contains("Now showing the database tst_mainwindow_other"),
        qPrintable(m_window->bannerText()));
    QVERIFY(m_window->windowTitle().startsWith("tst_mainwindow_other — "));
    const QModelIndex current = m_window->connectionPanel()->view()->currentIndex();
    QCOMPARE(current.data(models::ConnectionListModel::ProfileIdRole).toString(),
        m_context->profile().id);
    QVERIFY(current.data(models::ConnectionListModel::ConnectedRole).toBool());
    QCOMPARE(current.parent().data(models::ConnectionListModel::GroupRole).toInt(),
        int(models::ConnectionListModel::Opened));
    // The saved profiles are untouched: the other database is a profile of this session only.
    for (const auto &s : m_profiles->load())
        QVERIFY(s.database != QLatin1String("tst_mainwindow_other"));
    m_window.reset(); // close the session before dropping its database
    TestServer::dropDatabase("tst_mainwindow_other");
}

void tst_MainWindow::shortcutsAreInTheMenusAndActOnThePageInFront()
{
    const QStringList shortcuts = m_window->shortcutList();
    for (const char *key : { "Ctrl+F\tFind…", "F5\tRefresh", "Ctrl+N\tNew connection…",
             "Ctrl+W\tClose connection", "Ctrl+Q\tQuit", "Ctrl+2\tSchema" })
        QVERIFY2(shortcuts.contains(QString::fromUtf8(key)), key);
    QSignalSpy ready(m_window.get(), &ui::MainWindow::connectionReady);
    m_window->connectTo(TestServer::profile("tst_mainwindow"));
    QVERIFY(ready.wait(15000));
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    // Ctrl+2 shows the schema browser; with the tree focused, Ctrl+F goes to the find box
    // (not into the tree's type-ahead search).
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::ControlModifier);
    auto *schema = qobject_cast<ui::SchemaPage *>(m_window->tabs()->currentWidget());
    QVERIFY(schema);
    schema->treeView()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F, Qt::ControlModifier);
    auto *box = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(box);
    QVERIFY2(box->placeholderText().contains("Find"), qPrintable(box->placeholderText()));
    // F5 reads the tree again.
    QTRY_VERIFY_WITH_TIMEOUT(schema->treeModel()->databaseIndex().isValid(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!schema->treeModel()->isBusy(), 10000);
    QSignalSpy busy(schema->treeModel(), &models::SchemaTreeModel::busyChanged);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F5);
    QTRY_VERIFY(!busy.isEmpty() && busy.first().first().toBool());
}

namespace {
// What a person would see as broken in a small window: a placeholder cut to a few letters,
// buttons drawn over each other, tabs hidden behind scroll arrows, a window forced larger.
QStringList layoutProblems(QWidget *root)
{
    QStringList out;
    for (auto *e : root->findChildren<QLineEdit *>())
        if (e->isVisible() && !e->placeholderText().isEmpty() && e->width() < 120)
            out << QStringLiteral("a filter %1 px wide: \"%2\"")
                       .arg(e->width())
                       .arg(e->placeholderText());
    for (auto *c : root->findChildren<QComboBox *>())
        if (c->isVisible() && c->width() < c->minimumSizeHint().width())
            out << QStringLiteral("a list cut short: \"%1\"").arg(c->currentText());
    for (auto *bar : root->findChildren<QTabBar *>())
        if (bar->isVisible() && bar->count() > 0
            && bar->tabRect(bar->count() - 1).right() > bar->width())
            out << QStringLiteral("tabs behind scroll arrows: %1 of %2 px")
                       .arg(bar->tabRect(bar->count() - 1).right())
                       .arg(bar->width());
    const auto buttons = root->findChildren<QAbstractButton *>();
    for (int i = 0; i < buttons.size(); ++i)
        for (int j = i + 1; j < buttons.size(); ++j) {
            QAbstractButton *a = buttons[i], *b = buttons[j];
            if (!a->isVisible() || !b->isVisible() || a->parentWidget() != b->parentWidget()
                || qobject_cast<QTabBar *>(a->parentWidget()))
                continue;
            if (a->geometry().intersects(b->geometry()))
                out << QStringLiteral("\"%1\" over \"%2\"").arg(a->text(), b->text());
        }
    return out;
}
} // namespace

void tst_MainWindow::theWindowReflowsDownToItsMinimumSize()
{
    QSignalSpy ready(m_window.get(), &ui::MainWindow::connectionReady);
    m_window->connectTo(TestServer::profile("tst_mainwindow"));
    QVERIFY(ready.wait(15000));
    // A sensible minimum: half of a 1600-pixel screen, and a netbook's height.
    QVERIFY(m_window->minimumSize().width() <= 800 && m_window->minimumSize().height() <= 560);
    m_window->resize(m_window->minimumSize());
    QStringList problems;
    for (ui::WorkspacePage *page : m_window->pages()) {
        m_window->tabs()->setCurrentWidget(page);
        QTest::qWait(100);
        QCOMPARE(m_window->size(), m_window->minimumSize());
        for (const QString &p : layoutProblems(m_window.get()))
            problems << page->id() + QStringLiteral(": ") + p;
    }
    for (const QString &p : problems)
        qWarning("%s", qPrintable(p));
    QVERIFY2(problems.isEmpty(), "the window does not reflow down to its minimum size");
}

void tst_MainWindow::screenshotsAreWrittenAndReadable()
{
    QTemporaryDir out;
    ui::ScreenshotRunner runner(m_window.get(), m_context.get(), out.path());
    QSignalSpy finished(&runner, &ui::ScreenshotRunner::finished);
    runner.start(true);
    m_window->connectTo(TestServer::profile("tst_mainwindow"));
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.first().first().toInt(), 0);
    const QStringList files = runner.written();
    // Every page, and the dialogs shown on the real state: the jobs page's backup made for the
    // restore dialog, which opens that archive.
    for (const char *name : { "main-overview", "main-schema", "main-migrations", "main-statistics",
             "main-jobs", "main-history", "main-diagram", "dialog-connect", "dialog-jobs-backup",
             "dialog-jobs-restore" })
        QVERIFY2(files.contains(out.filePath(QString::fromLatin1(name) + ".png")), name);
    const QImage overview(out.filePath("main-overview.png"));
    QCOMPARE(overview.size(), m_window->size());
    // Every file written is read back as a PNG with something drawn in it: a rendered window
    // or dialog has many distinct colours (text, frames, selection), a blank one has one.
    for (const QString &file : files) {
        QVERIFY2(file.endsWith(QLatin1String(".png")), qPrintable(file));
        QImage image;
        QVERIFY2(image.load(file, "PNG"), qPrintable(file));
        QVERIFY2(image.width() >= 200 && image.height() >= 100, qPrintable(file));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 8,
            qPrintable(QStringLiteral("%1: %2 colours").arg(file).arg(colours.size())));
    }
}

void tst_MainWindow::theToolbarHoldsTheMenusCommonActions()
{
    auto *bar = m_window->findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QVERIFY(bar);
    QStringList names;
    for (QAction *a : bar->actions()) {
        if (a->isSeparator())
            continue;
        names << a->objectName();
        QVERIFY2(!a->icon().isNull() && !a->iconText().isEmpty(), qPrintable(a->objectName()));
        bool inAMenu = false; // the same action as the menu's: one shortcut, one state
        for (QAction *menu : m_window->menuBar()->actions())
            inAMenu = inAMenu || menu->menu()->actions().contains(a);
        QVERIFY2(inAMenu, qPrintable(a->objectName()));
    }
    QCOMPARE(names,
        QStringList({ "newConnection", "refresh", "find", "backup", "restore", "page-diagram" }));
    // Backing up and restoring need a connection.
    QVERIFY(!bar->actions().at(4)->isEnabled());
    QSignalSpy ready(m_window.get(), &ui::MainWindow::connectionReady);
    m_window->connectTo(TestServer::profile("tst_mainwindow"));
    QVERIFY(ready.wait(15000));
    auto *backup = m_window->findChild<QAction *>(QStringLiteral("backup"));
    QVERIFY(backup->isEnabled());
    auto *diagram = m_window->findChild<QAction *>(QStringLiteral("page-diagram"));
    diagram->trigger();
    QCOMPARE(qobject_cast<ui::WorkspacePage *>(m_window->tabs()->currentWidget())->id(),
        QStringLiteral("diagram"));
}

// `strata --palette dark --screenshot DIR`: every page rendered in the dark palette (the window
// is built after the palette is set, as main() does).
void tst_MainWindow::screenshotsInTheDarkPaletteAreDark()
{
    const QPalette light = QApplication::palette();
    const QString style = QApplication::style()->name();
    m_window.reset();
    QVERIFY(ui::theme::applyPalette(QStringLiteral("dark")));
    QVERIFY(ui::theme::isDark());
    m_window = std::make_unique<ui::MainWindow>(m_context.get());
    m_window->show();
    QTemporaryDir out;
    ui::ScreenshotRunner runner(m_window.get(), m_context.get(), out.path());
    QSignalSpy finished(&runner, &ui::ScreenshotRunner::finished);
    runner.start(true);
    m_window->connectTo(TestServer::profile("tst_mainwindow"));
    const bool done = finished.wait(120000);
    m_window.reset();
    QApplication::setStyle(style);
    QApplication::setPalette(light);
    QVERIFY(done);
    QCOMPARE(finished.first().first().toInt(), 0);
    for (const char *name : { "main-overview", "main-schema", "main-statistics", "main-diagram" }) {
        const QImage image(out.filePath(QString::fromLatin1(name) + ".png"));
        QVERIFY2(!image.isNull(), name);
        const QImage small = image.scaled(64, 64, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        qint64 sum = 0;
        for (int y = 0; y < small.height(); ++y)
            for (int x = 0; x < small.width(); ++x)
                sum += qGray(small.pixel(x, y));
        const qint64 mean = sum / (small.width() * small.height());
        QVERIFY2(mean < 110,
            qPrintable(QStringLiteral("%1 is light: mean grey %2").arg(name).arg(mean)));
    }
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
