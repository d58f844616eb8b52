#include "aboutdialog.h"
#include "appcontext.h"
#include "connect/connectioncontroller.h"
#include "db/clientlibrary.h"
#include "db/passwordstore.h"
#include "db/preferences.h"
#include "db/profilestore.h"
#include "jobs/jobspage.h"
#include "mainwindow.h"
#include "preferencesdialog.h"
#include "scratchwindow.h"
#include "testserver.h"
#include "windowstate.h"
#include "workspacepage.h"

#include <QApplication>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace strata;
using strata::test::TestServer;

// What the window remembers between runs, its About box, Preferences and translations: each
// window here is built on a settings file of the test's own, as the application builds it.
class tst_WindowState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void geometrySplittersAndPageComeBack();
    void theLastSavedConnectionComesBackWithoutItsPassword();
    void aConnectionClosedOrUnsavedIsNotReopened();
    void aboutNamesTheVersionsOfStrataQtLibpqAndTheServer();
    void preferencesHaveTheirShortcutAndTakeEffect();
    void englishIsBuiltInAndTheCatalogueHoldsTheStrings();

private:
    // A window as a new run of Strata would build it on the same settings file.
    void openWindow();
    void closeWindow();
    void connectWindow(const core::ConnectionProfile &p, const QString &password = {});
    ui::WorkspacePage *page(const QString &id) const;

    QTemporaryDir m_dir;
    test::ScratchWindow m_w;
};

void tst_WindowState::initTestCase()
{
    STRATA_REQUIRE_SERVER();
    TestServer::createDatabase("tst_windowstate");
    // Closing a window here must not end the test's event loops.
    QApplication::setQuitOnLastWindowClosed(false);
}

void tst_WindowState::init()
{
    QFile::remove(m_dir.filePath("settings.ini"));
    openWindow();
}

void tst_WindowState::cleanup()
{
    m_w.close();
}

void tst_WindowState::openWindow()
{
    m_w.open(m_dir.filePath("settings.ini"));
    m_w.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_w.window.get()));
}

void tst_WindowState::closeWindow()
{
    QVERIFY(m_w.window->close());
}

void tst_WindowState::connectWindow(const core::ConnectionProfile &p, const QString &password)
{
    QSignalSpy ready(m_w.window.get(), &ui::MainWindow::connectionReady);
    m_w.window->connectTo(p, password);
    QVERIFY(ready.wait(15000));
}

ui::WorkspacePage *tst_WindowState::page(const QString &id) const
{
    for (ui::WorkspacePage *p : m_w.window->pages())
        if (p->id() == id)
            return p;
    return nullptr;
}

void tst_WindowState::geometrySplittersAndPageComeBack()
{
    m_w.window->resize(1300, 800);
    auto *main = qobject_cast<QSplitter *>(m_w.window->centralWidget());
    QVERIFY(main);
    // Splitters share out the space the window has once the resize is laid out.
    QTRY_VERIFY(main->width() > 1200 && main->width() <= 1300);
    main->setSizes({ 450, 850 });
    QSplitter *jobsSplit = page("jobs")->findChild<QSplitter *>();
    QVERIFY(jobsSplit);
    m_w.window->tabs()->setCurrentWidget(page("jobs"));
    jobsSplit->setSizes({ 150, 450 });
    const QList<int> mainSizes = main->sizes();
    QVERIFY2(mainSizes.first() > 400, "not the default: the test would prove nothing");
    const QList<int> jobsSizes = jobsSplit->sizes();
    closeWindow();

    openWindow();
    QCOMPARE(m_w.window->size(), QSize(1300, 800));
    auto *main2 = qobject_cast<QSplitter *>(m_w.window->centralWidget());
    QCOMPARE(main2->sizes(), mainSizes);
    QCOMPARE(m_w.window->tabs()->currentWidget(), page("jobs"));
    QCOMPARE(page("jobs")->findChild<QSplitter *>()->sizes(), jobsSizes);
}

void tst_WindowState::theLastSavedConnectionComesBackWithoutItsPassword()
{
    core::ConnectionProfile p = TestServer::profile("tst_windowstate");
    p.id = "saved-one";
    p.name = "Saved one";
    p.user = TestServer::scramUser();
    m_w.profiles->save(p);
    connectWindow(p, TestServer::scramPassword());
    closeWindow();
    QFile settings(m_dir.filePath("settings.ini"));
    QVERIFY(settings.open(QIODevice::ReadOnly));
    QVERIFY(!settings.readAll().contains(TestServer::scramPassword().toUtf8()));

    qputenv("PGPASSFILE", "/nonexistent/pgpass");
    qunsetenv("PGPASSWORD");
    openWindow();
    const auto last = ui::windowstate::lastConnection(m_w.context.get());
    QVERIFY(last);
    QCOMPARE(last->id, QStringLiteral("saved-one"));
    // At start it connects again; the password is asked for (the keychain is off in tests).
    QVERIFY(m_w.window->reconnectLastConnection());
    QTRY_VERIFY_WITH_TIMEOUT(m_w.window->controller()->passwordDialog(), 15000);
}

void tst_WindowState::aConnectionClosedOrUnsavedIsNotReopened()
{
    // Not a saved profile (a connection string from the command line): nothing to come back to.
    connectWindow(TestServer::profile("tst_windowstate"));
    closeWindow();
    openWindow();
    QVERIFY(!ui::windowstate::lastConnection(m_w.context.get()));

    // Saved, but the preference says no.
    core::ConnectionProfile p = TestServer::profile("tst_windowstate");
    p.id = "saved-two";
    m_w.profiles->save(p);
    connectWindow(p);
    closeWindow();
    openWindow();
    QVERIFY(ui::windowstate::lastConnection(m_w.context.get()));
    m_w.context->preferences()->setValue(QStringLiteral("connection/reconnectAtStart"), false);
    QVERIFY(!ui::windowstate::lastConnection(m_w.context.get()));
    QVERIFY(!m_w.window->reconnectLastConnection());
}

void tst_WindowState::aboutNamesTheVersionsOfStrataQtLibpqAndTheServer()
{
    QApplication::setApplicationVersion(QStringLiteral("9.8.7"));
    const QString libpq = core::libpqVersion();
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d+\\.\\d+$")).match(libpq).hasMatch()
            && !libpq.startsWith(u'0'),
        qPrintable(libpq));
    QVERIFY(ui::AboutDialog::text(m_w.context.get()).contains(QStringLiteral("not connected")));
    connectWindow(TestServer::profile("tst_windowstate"));
    ui::AboutDialog *box = m_w.window->showAbout();
    QVERIFY(box->isVisible());
    const QString text = ui::AboutDialog::text(m_w.context.get());
    for (const QString &part : { QStringLiteral("9.8.7"), QString::fromLatin1(qVersion()), libpq,
             m_w.context->serverInfo().version.toString(), QStringLiteral("tst_windowstate") })
        QVERIFY2(text.contains(part), qPrintable(part + u'\n' + text));
}

void tst_WindowState::preferencesHaveTheirShortcutAndTakeEffect()
{
    bool listed = false;
    for (const QString &line : m_w.window->shortcutList())
        listed |= line.endsWith(QStringLiteral("\tPreferences…")) && !line.startsWith(u'\t');
    QVERIFY2(listed, qPrintable(m_w.window->shortcutList().join(u'\n')));

    auto *jobs = qobject_cast<ui::JobsPage *>(page("jobs"));
    QVERIFY(jobs);
    QCOMPARE(jobs->notifyAfterMs(), 30000);
    ui::PreferencesDialog *dialog = m_w.window->showPreferences();
    QCOMPARE(dialog->notifyAfter()->value(), 30);
    dialog->notifyAfter()->setValue(5);
    dialog->accept();
    QCOMPARE(jobs->notifyAfterMs(), 5000);
    // Kept in the settings file for the next run.
    QCOMPARE(core::Preferences(m_w.profiles->fileName())
                 .value(QStringLiteral("jobs/notifyAfterSeconds"))
                 .toInt(),
        5);
}

void tst_WindowState::englishIsBuiltInAndTheCatalogueHoldsTheStrings()
{
    QTranslator english;
    QVERIFY(english.load(QLocale(QLocale::English, QLocale::UnitedStates), QStringLiteral("strata"),
        QStringLiteral("_"), QStringLiteral(":/i18n")));
    QFile ts(qEnvironmentVariable("STRATA_SOURCE_DIR")
        + QStringLiteral("/resources/translations/strata_en.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    const QByteArray xml = ts.readAll();
    for (const char *s : { "<source>About Strata</source>", "<name>strata::ui::MainWindow</name>",
             "<source>&amp;Preferences…</source>" })
        QVERIFY2(xml.contains(s), s);
}

QTEST_MAIN(tst_WindowState)
#include "tst_windowstate.moc"
