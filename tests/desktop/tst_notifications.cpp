// Notifications through a real freedesktop notification daemon (dunst) on a private session
// bus (tests/harness/with-session-bus notify): what the daemon received is read back from it.
#include "jobs/desktopnotifier.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using strata::ui::DesktopNotifier;

class tst_Notifications : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aFinishedJobReachesTheNotificationDaemon();
    void aFailureIsCritical();

private:
    static QString daemonHistory();
    static std::optional<qint64> timeoutOf(const QString &summary);
};

// What dunst has shown: a notification moves to its history once closed.
QString tst_Notifications::daemonHistory()
{
    QProcess::execute(QStringLiteral("dunstctl"), { QStringLiteral("close-all") });
    QProcess p;
    p.start(QStringLiteral("dunstctl"), { QStringLiteral("history") });
    if (!p.waitForFinished(10000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

void tst_Notifications::aFinishedJobReachesTheNotificationDaemon()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
        "run under tests/harness/with-session-bus notify");
    DesktopNotifier notifier(nullptr);
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
    notifier.notify(QStringLiteral("Backup finished"),
        QStringLiteral("agri backed up to /tmp/agri.dump (12 MB)"),
        DesktopNotifier::Urgency::Information);
    QVERIFY(delivered.wait(10000));
    QCOMPARE(notifier.lastRoute(), DesktopNotifier::Route::Freedesktop);
    QTRY_VERIFY_WITH_TIMEOUT(daemonHistory().contains(QStringLiteral("Backup finished")), 10000);
    const QString history = daemonHistory();
    QVERIFY2(
        history.contains(QStringLiteral("agri backed up to /tmp/agri.dump")), qPrintable(history));
    QVERIFY2(history.contains(QStringLiteral("\"appname\"")) && history.contains("Strata"),
        qPrintable(history));
}

void tst_Notifications::aFailureIsCritical()
{
    DesktopNotifier notifier(nullptr);
    QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
    notifier.notify(QStringLiteral("Scheduled backup failed"),
        QStringLiteral("nightly: pg_dump could not connect"), DesktopNotifier::Urgency::Warning);
    QVERIFY(delivered.wait(10000));
    QCOMPARE(notifier.lastRoute(), DesktopNotifier::Route::Freedesktop);
    QTRY_VERIFY_WITH_TIMEOUT(
        timeoutOf(QStringLiteral("Scheduled backup failed")).has_value(), 10000);
    // dunst keeps a critical notification until it is dismissed (timeout 0 in its history),
    // a normal one goes after its timeout (10 s in its default configuration).
    QCOMPARE(*timeoutOf(QStringLiteral("Scheduled backup failed")), qint64(0));
    QTRY_VERIFY_WITH_TIMEOUT(timeoutOf(QStringLiteral("Backup finished")).has_value(), 10000);
    QVERIFY(*timeoutOf(QStringLiteral("Backup finished")) > 0);
}

// The timeout dunst gave the notification with this summary, from its history.
std::optional<qint64> tst_Notifications::timeoutOf(const QString &summary)
{
    const QJsonArray lists
        = QJsonDocument::fromJson(daemonHistory().toUtf8()).object().value("data").toArray();
    for (const QJsonValue &list : lists)
        for (const QJsonValue &n : list.toArray()) {
            const QJsonObject o = n.toObject();
            if (o.value("summary").toObject().value("data").toString() == summary)
                return o.value("timeout").toObject().value("data").toInteger();
        }
    return std::nullopt;
}

QTEST_MAIN(tst_Notifications)
#include "tst_notifications.moc"
