#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace strata::ui {

// How the window tells the desktop something happened (a long job ended, a scheduled backup
// failed): the freedesktop notification service over D-Bus, the desktop's own way (GNOME, KDE,
// and every notification daemon implement it, tray or not); where no such service answers, a
// tray message where the desktop has a tray. The window also asks for attention either way.
class DesktopNotifier : public QObject
{
    Q_OBJECT
public:
    enum class Urgency { Information, Warning };
    // What showed the last notification.
    enum class Route { None, Freedesktop, Tray, WindowOnly };
    Q_ENUM(Route)

    explicit DesktopNotifier(QWidget *window);

    // Asynchronous: the D-Bus call is never waited for on the GUI thread.
    void notify(const QString &title, const QString &message, Urgency urgency);
    Route lastRoute() const { return m_route; }
    // Why the freedesktop service was not used, when it was not (for a log or a test).
    QString lastProblem() const { return m_problem; }

Q_SIGNALS:
    // Every notification, whatever shows it (tests and the screenshot runner listen here).
    void notified(const QString &title, const QString &message);
    // Once the desktop has it (or the fallback showed it).
    void delivered(strata::ui::DesktopNotifier::Route route);

private:
    void fallBack(const QString &title, const QString &message, Urgency urgency);

    QWidget *m_window;
    Route m_route = Route::None;
    QString m_problem;
};

} // namespace strata::ui
