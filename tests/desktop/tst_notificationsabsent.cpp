// No notification service on the session bus (tests/harness/with-session-bus nokeyring): the
// call fails without waiting on the GUI thread, and the fallback is used and said.
#include "jobs/desktopnotifier.h"

#include <QSignalSpy>
#include <QTest>

using strata::ui::DesktopNotifier;

class tst_NotificationsAbsent : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void withoutAServiceTheFallbackIsUsed();
};

void tst_NotificationsAbsent::withoutAServiceTheFallbackIsUsed()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
        "run under tests/harness/with-session-bus nokeyring");
    DesktopNotifier notifier(nullptr);
    QSignalSpy told(&notifier, &DesktopNotifier::notified);
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
    notifier.notify(QStringLiteral("Backup finished"), QStringLiteral("agri"),
        DesktopNotifier::Urgency::Information);
    QCOMPARE(told.size(), 1); // at once: nothing waited for
    QVERIFY(delivered.wait(10000));
    // Offscreen there is no tray either: the window's own attention request is what is left.
    QCOMPARE(notifier.lastRoute(), DesktopNotifier::Route::WindowOnly);
    QVERIFY2(notifier.lastProblem().contains(QStringLiteral("org.freedesktop.Notifications")),
        qPrintable(notifier.lastProblem()));
}

QTEST_MAIN(tst_NotificationsAbsent)
#include "tst_notificationsabsent.moc"
