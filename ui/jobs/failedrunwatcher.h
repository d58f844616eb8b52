#pragma once

#include <QObject>
#include <QPointer>

#include <memory>

class QFileSystemWatcher;
class QTimer;

namespace strata::core {
class BackupHistoryService;
}

namespace strata::ui {

class DesktopNotifier;

// Tells about scheduled backups that failed: those the history holds and nobody was told about
// when the window starts, and new ones as soon as a scheduled run records them while it is
// open (the catalog file changes). Each is told once (the history remembers).
class FailedRunWatcher : public QObject
{
    Q_OBJECT
public:
    FailedRunWatcher(std::shared_ptr<core::BackupHistoryService> history, DesktopNotifier *notifier,
        QObject *parent = nullptr);
    ~FailedRunWatcher() override;

    // Looks now (at start, and whenever the catalog changes).
    void check();

Q_SIGNALS:
    void checked(int told); // how many failures were told about

private:
    std::shared_ptr<core::BackupHistoryService> m_history;
    QPointer<DesktopNotifier> m_notifier;
    QFileSystemWatcher *m_watcher;
    QTimer *m_debounce;
    bool m_busy = false;
    bool m_again = false;
};

} // namespace strata::ui
