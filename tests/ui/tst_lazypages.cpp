#include "appcontext.h"
#include "db/passwordstore.h"
#include "db/profilestore.h"
#include "diagram/diagrampage.h"
#include "jobs/backupdialog.h"
#include "jobs/jobspage.h"
#include "mainwindow.h"
#include "schema/schemapage.h"
#include "scratchwindow.h"
#include "stats/statspage.h"
#include "stats/statstab.h"
#include "workspacepage.h"
#include "workspacetabs.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace strata;

// The workspace's pages are built when first needed (ui/workspacetabs.h): only the page in
// front before the window's first frame, the rest after it or as soon as something reaches
// one. Each window here is built on a settings file of the test's own and, unless the test
// shows it, never painted, so that nothing but the test's own step builds a page.
class tst_LazyPages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void onlyThePageInFrontIsBuiltBeforeTheFirstFrame();
    void theOtherPagesAreBuiltAfterTheFirstFrame();
    void aPageReachedByItsShortcutIsBuiltAndShowsItsContent();
    void aTabChosenByMouseOrKeyboardShowsItsBuiltPage();
    void aRequestFromAnotherPageBuildsThePageThatAnswers();
    void theRestoredPageIsBuiltBeforeTheFirstFrame();
    void aPageBuiltLaterGetsItsSavedSplittersAndKeepsThemWhenNotBuilt();
    void statisticsTabsAreBuiltAfterThePageOrWhenShown();

private:
    void newWindow();
    QStringList builtIds() const;

    QTemporaryDir m_dir;
    test::ScratchWindow m_w;
};

void tst_LazyPages::init()
{
    QFile::remove(m_dir.filePath("settings.ini"));
    newWindow();
}

void tst_LazyPages::cleanup()
{
    m_w.close();
}

void tst_LazyPages::newWindow()
{
    m_w.open(m_dir.filePath("settings.ini"));
}

QStringList tst_LazyPages::builtIds() const
{
    QStringList ids;
    for (ui::WorkspacePage *p : m_w.window->workspace()->built())
        ids << p->id();
    return ids;
}

void tst_LazyPages::onlyThePageInFrontIsBuiltBeforeTheFirstFrame()
{
    QCOMPARE(builtIds(), QStringList { QStringLiteral("overview") });
    // The tab bar and the View menu know every page all the same.
    const QStringList ids { "overview", "schema", "diagram", "migrations", "statistics", "jobs" };
    QCOMPARE(m_w.window->tabs()->count(), ids.size());
    for (int i = 0; i < ids.size(); ++i) {
        const ui::WorkspacePageSpec &spec = m_w.window->workspace()->specs().at(i);
        QCOMPARE(spec.id, ids.at(i));
        QCOMPARE(m_w.window->tabs()->tabText(i), QString(spec.title).replace(u'&', "&&"));
        QVERIFY2(m_w.window->findChild<QAction *>("page-" + ids.at(i)), qPrintable(ids.at(i)));
    }
    QCOMPARE(m_w.window->tabs()->currentIndex(), 0);
}

void tst_LazyPages::theOtherPagesAreBuiltAfterTheFirstFrame()
{
    m_w.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_w.window.get()));
    QTRY_COMPARE(builtIds().size(), m_w.window->tabs()->count());
    // Each tab now holds its page, in order, and the page in front stayed in front.
    for (int i = 0; i < m_w.window->tabs()->count(); ++i)
        QCOMPARE(m_w.window->tabs()->widget(i), m_w.window->workspace()->built().at(i));
    QVERIFY(qobject_cast<ui::StatsPage *>(m_w.window->tabs()->widget(4)));
    QCOMPARE(m_w.window->tabs()->currentIndex(), 0);
    QVERIFY(m_w.window->tabs()->currentWidget()->isVisible());
}

void tst_LazyPages::aPageReachedByItsShortcutIsBuiltAndShowsItsContent()
{
    QVERIFY(!builtIds().contains("statistics"));
    auto *action = m_w.window->findChild<QAction *>("page-statistics");
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_5));
    action->trigger();
    auto *stats = qobject_cast<ui::StatsPage *>(m_w.window->tabs()->currentWidget());
    QVERIFY(stats);
    QVERIFY(builtIds().contains("statistics"));
    // What the page shows without a connection, there at once.
    bool says = false;
    for (QLabel *label : stats->findChildren<QLabel *>())
        says = says
            || (label->isVisibleTo(m_w.window.get()) && label->text().contains("Not connected"));
    QVERIFY(says);
    // Find and Refresh reach a page not built yet too.
    QVERIFY(!builtIds().contains("schema"));
    m_w.window->findChild<QAction *>("page-schema")->trigger();
    m_w.window->findChild<QAction *>("find")->trigger();
    QVERIFY(qobject_cast<ui::SchemaPage *>(m_w.window->tabs()->currentWidget()));
}

void tst_LazyPages::aTabChosenByMouseOrKeyboardShowsItsBuiltPage()
{
    QTabBar *bar = m_w.window->tabs()->tabBar();
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(5).center());
    QCOMPARE(m_w.window->tabs()->currentIndex(), 5);
    QVERIFY(qobject_cast<ui::JobsPage *>(m_w.window->tabs()->currentWidget()));
    // Any other way of choosing a tab (Ctrl+Tab, the arrow keys on the bar) sets the index.
    m_w.window->tabs()->setCurrentIndex(2);
    QVERIFY(qobject_cast<ui::DiagramPage *>(m_w.window->tabs()->currentWidget()));
    QCOMPARE(builtIds(), QStringList({ "overview", "diagram", "jobs" }));
    QCOMPARE(m_w.window->tabs()->count(), 6);
}

void tst_LazyPages::aRequestFromAnotherPageBuildsThePageThatAnswers()
{
    m_w.context->requestDiagram(QStringLiteral("public"), QString());
    QVERIFY(qobject_cast<ui::DiagramPage *>(m_w.window->tabs()->currentWidget()));
    m_w.context->showObject(QStringLiteral("public"), QStringLiteral("t"));
    QVERIFY(qobject_cast<ui::SchemaPage *>(m_w.window->tabs()->currentWidget()));
    // The schema tree's "Back up…": the jobs page opens its dialog.
    QVERIFY(!builtIds().contains("jobs"));
    m_w.context->requestBackup({ QStringLiteral("public.t") }, {});
    auto *jobs = qobject_cast<ui::JobsPage *>(m_w.window->tabs()->currentWidget());
    QVERIFY(jobs);
    QVERIFY(jobs->findChild<ui::BackupDialog *>());
}

void tst_LazyPages::theRestoredPageIsBuiltBeforeTheFirstFrame()
{
    m_w.window->findChild<QAction *>("page-statistics")->trigger();
    m_w.window->saveWindowState();
    newWindow();
    QCOMPARE(builtIds(), QStringList { QStringLiteral("statistics") });
    QVERIFY(qobject_cast<ui::StatsPage *>(m_w.window->tabs()->currentWidget()));
}

void tst_LazyPages::aPageBuiltLaterGetsItsSavedSplittersAndKeepsThemWhenNotBuilt()
{
    // Splitters have sizes once they are laid out: these windows are shown.
    m_w.window->resize(1300, 800);
    m_w.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_w.window.get()));
    m_w.window->findChild<QAction *>("page-jobs")->trigger();
    auto *split = m_w.window->tabs()->currentWidget()->findChild<QSplitter *>();
    QTRY_VERIFY(split->height() > 500);
    split->setSizes({ 150, 450 });
    const QList<int> sizes = split->sizes();
    m_w.window->findChild<QAction *>("page-overview")->trigger();
    m_w.window->saveWindowState();

    newWindow(); // never painted: the jobs page is not built, and its sizes stay saved
    QVERIFY(!builtIds().contains("jobs"));
    m_w.window->saveWindowState();

    newWindow();
    QVERIFY(!builtIds().contains("jobs"));
    m_w.window->show();
    QTRY_VERIFY(builtIds().contains("jobs")); // after the first frame
    m_w.window->findChild<QAction *>("page-jobs")->trigger();
    split = m_w.window->tabs()->currentWidget()->findChild<QSplitter *>();
    QTRY_COMPARE(split->sizes(), sizes);
}

void tst_LazyPages::statisticsTabsAreBuiltAfterThePageOrWhenShown()
{
    // The statistics page is built with its Health tab only; each other tab holds a stand-in
    // until a later turn of the event loop builds it, or until it is shown.
    auto *stats = qobject_cast<ui::StatsPage *>(m_w.window->workspace()->page("statistics"));
    QVERIFY(stats);
    ui::StatsSections *tabs = stats->tabs();
    auto isTab = [tabs](int i) { return qobject_cast<ui::StatsTab *>(tabs->widget(i)) != nullptr; };
    QCOMPARE(tabs->count(), 10);
    QVERIFY(isTab(0));
    for (int i = 1; i < tabs->count(); ++i)
        QVERIFY2(!isTab(i), qPrintable(tabs->tabText(i)));
    // Shown before its turn: built first, and it is what is on screen.
    tabs->setCurrentIndex(6);
    QVERIFY(isTab(6));
    QCOMPARE(tabs->currentIndex(), 6);
    QCOMPARE(tabs->currentWidget(), tabs->widget(6));
    QCOMPARE(tabs->tabText(6), QStringLiteral("Sequences"));
    QVERIFY(!isTab(5));
    // The rest, one per turn.
    QTRY_VERIFY([&] {
        for (int i = 0; i < tabs->count(); ++i)
            if (!isTab(i))
                return false;
        return true;
    }());
    QCOMPARE(tabs->currentIndex(), 6);
    QVERIFY(stats->lockModel());
}

QTEST_MAIN(tst_LazyPages)
#include "tst_lazypages.moc"
