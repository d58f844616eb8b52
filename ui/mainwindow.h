#pragma once

#include "db/connectionprofile.h"
#include "result.h"

#include <QMainWindow>

class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;

namespace strata::models {
class ConnectionListModel;
}

namespace strata::ui {

class AboutDialog;
class AppContext;
class ConnectDialog;
class ConnectionController;
class ConnectionPanel;
class PreferencesDialog;
class WorkspacePage;
class WorkspaceTabs;

// Wires the parts together: the connection list, the connect flow, the workspace pages, the
// status bar and the message banner. Does no work of its own.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(AppContext *context, QWidget *parent = nullptr);
    ~MainWindow() override;

    void setDemoProfiles(const QList<core::ConnectionProfile> &demo);
    void connectTo(const core::ConnectionProfile &profile, const QString &password = {});
    void showBanner(const QString &text, bool isError);
    void showProgress(const QString &text, int percent); // percent < 0: busy

    // Every page, in tab order; builds those not built yet (see WorkspaceTabs).
    QList<WorkspacePage *> pages() const;
    WorkspaceTabs *workspace() const { return m_workspace; }
    QTabWidget *tabs() const { return m_tabs; }
    ConnectionController *controller() const { return m_controller; }
    ConnectionPanel *connectionPanel() const { return m_panel; }
    QString bannerText() const;
    // "Ctrl+F\tFind…" for each shortcut in the menus (Help shows them).
    QStringList shortcutList() const;
    // A dialog for a new or saved profile; shown with open() (also used for screenshots).
    ConnectDialog *createConnectDialog(const core::ConnectionProfile *existing);
    // Help > About Strata and Connection > Preferences (opened, not run modally).
    AboutDialog *showAbout();
    PreferencesDialog *showPreferences();
    // Geometry, splitters, the page in front and the last connection (see windowstate.h):
    // restored when the window is built, saved when it closes.
    void saveWindowState();
    // Opens the last connection again when it was open at close (a saved profile only).
    bool reconnectLastConnection();

Q_SIGNALS:
    void connectionFailed(const core::Error &error);
    void connectionReady();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildLayout();
    void buildStatusBar();
    void buildMenus();
    void buildToolBar(); // mainwindowtoolbar.cpp
    void openRestoreDialog();
    void wirePanel();
    void wireController();
    void wireContext();
    void onConnectionChanged();
    void updateTitle();
    void showPage(const QString &id);
    WorkspacePage *currentPage() const; // built now if it was not yet
    void showShortcuts();
    void reloadConnectionList();
    void editProfile(const core::ConnectionProfile *existing);
    void removeProfile(const core::ConnectionProfile &profile);

    AppContext *m_context;
    models::ConnectionListModel *m_connections;
    ConnectionPanel *m_panel;
    ConnectionController *m_controller;
    QTabWidget *m_tabs;
    WorkspaceTabs *m_workspace;
    QLabel *m_banner;
    QLabel *m_state;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    bool m_closeConfirmed = false;
    QString m_previousDatabase; // the database shown before the last change
};

} // namespace strata::ui
