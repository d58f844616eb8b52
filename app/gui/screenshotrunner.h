#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <memory>

class QWidget;

namespace strata::core {
class Connection;
}

namespace strata::ui {

class AppContext;
class ConnectionController;
class MainWindow;

// `strata --screenshot DIR`: renders the main window with each workspace page, and the dialogs a
// person meets, to DIR/*.png, showing real state: it drives the pages and dialogs through their
// public API the way a person would (selects ais.positions, opens the demo's migrations folder,
// makes a real backup of the agri schema and opens the restore dialog on it). Signals and timers
// only: no nested event loops. Lives in the composition root, not in the product's widgets.
class ScreenshotRunner : public QObject
{
    Q_OBJECT
public:
    ScreenshotRunner(
        MainWindow *window, AppContext *context, QString dir, QObject *parent = nullptr);
    ~ScreenshotRunner() override;
    // Starts at once, or once the window has connected (or failed to) when waitForConnection.
    void start(bool waitForConnection);
    QStringList written() const { return m_written; }

Q_SIGNALS:
    void finished(int exitCode);

private:
    using Done = std::function<void()>;
    using Step = std::function<void(Done)>;

    void run();
    void next();
    void addPageSteps();
    void addDialogSteps();
    void shootOverview(Done done);
    void shootSchema(Done done);
    void shootMigrations(Done done);
    void shootStatistics(Done done);
    void shootJobs(Done done);
    void shootHistory(Done done);
    void shootDiagram(Done done);
    void shootConnect(Done done);
    void shootPassword(Done done);
    void shootBackup(Done done);
    void shootRestore(Done done);
    void showPage(const QString &id);
    QWidget *page(const QString &id) const;
    void backUp(const QStringList &schemas, const QString &file, bool schemaOnly, Done done);
    void shootWhen(QWidget *widget, const QString &name, Done done);
    bool save(QWidget *widget, const QString &name);

    MainWindow *m_window;
    AppContext *m_context;
    QString m_dir;
    QTemporaryDir m_scratch; // the backups made for the screenshots
    QString m_archive; // the backup made for the jobs page, which the restore dialog opens
    bool m_demo = false; // the demo's strata_demo (its agri schema is there)
    QList<std::pair<QString, Step>> m_steps;
    int m_generation = 0;
    int m_exitCode = 0;
    QStringList m_written;
    QPointer<ConnectionController> m_probe; // asks for a password, for the password dialog
    std::unique_ptr<AppContext> m_probeContext;
};

} // namespace strata::ui
