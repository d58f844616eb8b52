#pragma once

#include "db/connectionprofile.h"
#include "db/session.h"

#include <QObject>
#include <QPointer>

namespace strata::ui {

class AppContext;
class PasswordDialog;

// The connect flow, off the GUI thread: find a password (memory, keychain, ~/.pgpass, none),
// open a browsing session, ask again when the server wants a password or rejects one, and hand
// the open session to AppContext. Errors come back as signals; nothing here blocks.
class ConnectionController : public QObject
{
    Q_OBJECT
public:
    ConnectionController(AppContext *context, QWidget *dialogParent, QObject *parent = nullptr);

    void connectTo(const core::ConnectionProfile &profile, const QString &password = {});
    void cancel();
    void disconnectFromServer();
    bool isConnecting() const { return bool(m_pending); }
    PasswordDialog *passwordDialog() const;

Q_SIGNALS:
    void connecting(const QString &target);
    void connected(const core::ServerInfo &info);
    void failed(const core::Error &error);
    void canceled();

private:
    void open(const core::ConnectionProfile &profile, const QString &password);
    void askPassword(const core::ConnectionProfile &profile, const core::Error &why);

    AppContext *m_context;
    QPointer<QWidget> m_dialogParent;
    QPointer<PasswordDialog> m_passwordDialog;
    std::shared_ptr<core::Session> m_pending;
    int m_generation = 0;
};

} // namespace strata::ui
