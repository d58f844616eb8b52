#pragma once

#include "db/connectionprofile.h"
#include "db/serverinfo.h"
#include "result.h"

#include <QObject>
#include <QPointer>

namespace strata::ui {

class AppContext;
class PasswordDialog;

// The connect flow, off the GUI thread: find a password (memory, keychain, ~/.pgpass, none),
// open a core::Connection, ask again when the server wants a password or rejects one, and hand
// the open connection to AppContext. Errors come back as signals; nothing here blocks.
class ConnectionController : public QObject
{
    Q_OBJECT
public:
    ConnectionController(AppContext *context, QWidget *dialogParent, QObject *parent = nullptr);

    void connectTo(const core::ConnectionProfile &profile, const QString &password = {});
    // Another database of the open connection's server, as the same role.
    void openDatabase(const QString &database);
    void cancel();
    void disconnectFromServer();
    bool isConnecting() const { return m_connecting; }
    PasswordDialog *passwordDialog() const;

Q_SIGNALS:
    void connecting(const QString &target);
    void connected(const core::ServerInfo &info);
    void failed(const core::Error &error);
    void canceled();

private:
    void open(const core::ConnectionProfile &profile, const QString &password);
    template <typename Future> void receive(const core::ConnectionProfile &profile, Future future);
    void askPassword(const core::ConnectionProfile &profile, const core::Error &why);

    AppContext *m_context;
    QPointer<QWidget> m_dialogParent;
    QPointer<PasswordDialog> m_passwordDialog;
    bool m_connecting = false;
    int m_generation = 0;
};

} // namespace strata::ui
