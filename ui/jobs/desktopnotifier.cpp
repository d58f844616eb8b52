#include "desktopnotifier.h"

#include <QApplication>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QWidget>

namespace strata::ui {

TrayNotifier::TrayNotifier(QWidget *window) : DesktopNotifier(window), m_window(window) { }

void TrayNotifier::notify(const QString &title, const QString &message, Urgency urgency)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        auto *tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        tray->show();
        tray->showMessage(title, message,
            urgency == Urgency::Warning ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
        QTimer::singleShot(15000, tray, &QObject::deleteLater);
    }
    if (m_window)
        QApplication::alert(m_window->window());
    Q_EMIT notified(title, message);
}

} // namespace strata::ui
