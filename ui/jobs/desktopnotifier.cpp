#include "desktopnotifier.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QWidget>

namespace strata::ui {

namespace {
// The Desktop Notifications Specification, version 1.2.
const QString kService = QStringLiteral("org.freedesktop.Notifications");
const QString kPath = QStringLiteral("/org/freedesktop/Notifications");
const QString kDesktopEntry = QStringLiteral("io.strata.Strata");
constexpr int kCallTimeoutMs = 5000;
} // namespace

DesktopNotifier::DesktopNotifier(QWidget *window) : QObject(window), m_window(window) { }

void DesktopNotifier::notify(const QString &title, const QString &message, Urgency urgency)
{
    if (m_window)
        QApplication::alert(m_window->window());
    Q_EMIT notified(title, message);
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        m_problem = tr("no D-Bus session bus: %1").arg(bus.lastError().message());
        fallBack(title, message, urgency);
        return;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(kService, kPath, kService, "Notify");
    // Critical for a failure: it stays until the person has seen it (the spec's meaning).
    const uchar level = urgency == Urgency::Warning ? 2 : 1;
    const QVariantMap hints { { QStringLiteral("urgency"), QVariant::fromValue(level) },
        { QStringLiteral("desktop-entry"), kDesktopEntry } };
    call << QStringLiteral("Strata") << uint(0) << kDesktopEntry << title << message
         << QStringList() << hints << int(-1);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, kCallTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
        [this, title, message, urgency](QDBusPendingCallWatcher *w) {
            w->deleteLater();
            const QDBusPendingReply<uint> reply = *w;
            if (reply.isError()) {
                m_problem = reply.error().message();
                fallBack(title, message, urgency);
                return;
            }
            m_problem.clear();
            m_route = Route::Freedesktop;
            Q_EMIT delivered(m_route);
        });
}

void DesktopNotifier::fallBack(const QString &title, const QString &message, Urgency urgency)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        auto *tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        tray->show();
        tray->showMessage(title, message,
            urgency == Urgency::Warning ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
        QTimer::singleShot(15000, tray, &QObject::deleteLater);
        m_route = Route::Tray;
    } else {
        m_route = Route::WindowOnly; // the taskbar entry asks for attention (alert above)
    }
    Q_EMIT delivered(m_route);
}

} // namespace strata::ui
