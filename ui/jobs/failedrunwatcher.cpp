#include "failedrunwatcher.h"

#include "desktopnotifier.h"

#include "jobs/backuphistoryservice.h"
#include "util/whenfinished.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

namespace strata::ui {

FailedRunWatcher::FailedRunWatcher(
    std::shared_ptr<core::BackupHistoryService> history, DesktopNotifier *notifier, QObject *parent)
    : QObject(parent), m_history(std::move(history)), m_notifier(notifier),
      m_watcher(new QFileSystemWatcher(this)), m_debounce(new QTimer(this))
{
    // A run writes the catalog a few times in a row: one look after it has settled.
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(500);
    connect(m_debounce, &QTimer::timeout, this, &FailedRunWatcher::check);
    const QFileInfo catalog(m_history->catalogPath());
    QDir().mkpath(catalog.absolutePath());
    // The folder too: SQLite may replace the file, and it may not exist yet.
    m_watcher->addPath(catalog.absolutePath());
    if (catalog.exists())
        m_watcher->addPath(catalog.absoluteFilePath());
    auto changed = [this, path = catalog.absoluteFilePath()] {
        if (!m_watcher->files().contains(path) && QFileInfo::exists(path))
            m_watcher->addPath(path);
        m_debounce->start();
    };
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, changed);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, changed);
}

FailedRunWatcher::~FailedRunWatcher() = default;

void FailedRunWatcher::check()
{
    if (m_busy) {
        m_again = true;
        return;
    }
    m_busy = true;
    core::whenFinished(this, m_history->takeUnnotifiedFailures(),
        [this](const core::Result<QList<core::BackupEntry>> &failures) {
            m_busy = false;
            int told = 0;
            if (failures && m_notifier) {
                for (const core::BackupEntry &e : failures.value()) {
                    const QString what = e.database.isEmpty() ? e.server : e.database;
                    m_notifier->notify(
                        tr("Scheduled backup %1 %2")
                            .arg(e.origin.name,
                                e.outcome == core::BackupOutcome::Cancelled ? tr("was cancelled")
                                                                            : tr("failed")),
                        tr("%1, %2: %3")
                            .arg(what,
                                QLocale().toString(e.started.toLocalTime(), QLocale::ShortFormat),
                                e.error.section(u'\n', 0, 0)),
                        DesktopNotifier::Urgency::Warning);
                    ++told;
                }
            }
            Q_EMIT checked(told);
            if (m_again) {
                m_again = false;
                check();
            }
        });
}

} // namespace strata::ui
