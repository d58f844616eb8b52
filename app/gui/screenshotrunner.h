#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace strata::ui {

class MainWindow;

// `strata --screenshot DIR`: renders the main window with each workspace page, and each dialog the
// window can show, to DIR/*.png, driven by signals and timers (no nested event loops).
class ScreenshotRunner : public QObject
{
    Q_OBJECT
public:
    ScreenshotRunner(MainWindow *window, QString dir, QObject *parent = nullptr);
    // Starts at once, or once the window has connected (or failed to) when waitForConnection.
    void start(bool waitForConnection);
    QStringList written() const { return m_written; }

Q_SIGNALS:
    void finished(int exitCode);

private:
    void shootNextPage();
    void shootDialogs();
    void shootNextDialog();
    bool save(QWidget *widget, const QString &name);

    MainWindow *m_window;
    QString m_dir;
    int m_pageIndex = 0;
    int m_exitCode = 0;
    int m_generation = 0;
    QList<QPair<QString, QPointer<QWidget>>> m_dialogs;
    QStringList m_written;
};

} // namespace strata::ui
