#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace strata::ui {

// How the window tells the desktop something happened (a long job ended, a scheduled backup
// failed). Today a tray message where the desktop has a tray, and the window asks for
// attention; a freedesktop notification service can take its place behind this interface.
class DesktopNotifier : public QObject
{
    Q_OBJECT
public:
    enum class Urgency { Information, Warning };
    using QObject::QObject;

    virtual void notify(const QString &title, const QString &message, Urgency urgency) = 0;

Q_SIGNALS:
    // Every notification, whatever shows it (tests and the screenshot runner listen here).
    void notified(const QString &title, const QString &message);
};

// QSystemTrayIcon's message (when the desktop has a tray) and QApplication::alert on a window.
class TrayNotifier : public DesktopNotifier
{
    Q_OBJECT
public:
    explicit TrayNotifier(QWidget *window);
    void notify(const QString &title, const QString &message, Urgency urgency) override;

private:
    QWidget *m_window;
};

} // namespace strata::ui
