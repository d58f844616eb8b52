#include "connectioncontroller.h"

#include "appcontext.h"
#include "db/connection.h"
#include "db/passwordstore.h"
#include "passworddialog.h"
#include "util/whenfinished.h"

namespace strata::ui {

ConnectionController::ConnectionController(
    AppContext *context, QWidget *dialogParent, QObject *parent)
    : QObject(parent), m_context(context), m_dialogParent(dialogParent)
{
}

void ConnectionController::connectTo(
    const core::ConnectionProfile &profile, const QString &password)
{
    const int generation = ++m_generation;
    Q_EMIT connecting(profile.displayTarget());
    if (!password.isEmpty()) {
        open(profile, password);
        return;
    }
    // A remembered password first (this session's memory, then the keychain); without one,
    // libpq still finds ~/.pgpass and PGPASSWORD by itself.
    QPointer<ConnectionController> self(this);
    m_context->passwords()->read(
        profile.id, this, [self, generation, profile](std::optional<QString> pw, QString) {
            if (self && generation == self->m_generation)
                self->open(profile, pw.value_or(QString()));
        });
}

void ConnectionController::open(const core::ConnectionProfile &profile, const QString &password)
{
    receive(profile, core::Connection::open(profile, password));
}

void ConnectionController::openDatabase(const QString &database)
{
    const auto current = m_context->connection();
    if (!current)
        return;
    ++m_generation;
    const core::ConnectionProfile profile = current->profileFor(database);
    Q_EMIT connecting(profile.displayTarget());
    receive(profile, current->openDatabase(database));
}

template <typename Future>
void ConnectionController::receive(const core::ConnectionProfile &profile, Future future)
{
    const int generation = m_generation;
    m_connecting = true;
    QPointer<ConnectionController> self(this);
    core::whenFinished(this, future, [self, generation, profile](auto r) {
        if (!self || generation != self->m_generation)
            return;
        self->m_connecting = false;
        if (r) {
            self->m_context->setConnection(r.value());
            Q_EMIT self->connected(r.value()->server());
            return;
        }
        const auto kind = r.error().kind;
        if (kind == core::Error::Kind::PasswordRequired || kind == core::Error::Kind::AuthFailed) {
            if (kind == core::Error::Kind::AuthFailed)
                self->m_context->passwords()->forget(profile.id);
            self->askPassword(profile, r.error());
            return;
        }
        Q_EMIT self->failed(r.error());
    });
}

void ConnectionController::askPassword(
    const core::ConnectionProfile &profile, const core::Error &why)
{
    if (!m_passwordDialog)
        m_passwordDialog = new PasswordDialog(m_dialogParent);
    m_passwordDialog->disconnect(this);
    m_passwordDialog->setMessage(why.kind == core::Error::Kind::AuthFailed
            ? tr("%1\nEnter the password for %2 again.").arg(why.message, profile.displayTarget())
            : tr("%1\nEnter the password for %2.").arg(why.message, profile.displayTarget()));
    const bool saved = !profile.id.isEmpty() && !profile.id.startsWith(QLatin1String("service:"))
        && !profile.id.startsWith(QLatin1String("demo"));
    m_passwordDialog->setRememberOffered(saved, profile.rememberPassword);
    const int generation = m_generation;
    connect(m_passwordDialog, &QDialog::accepted, this, [this, profile, generation] {
        if (generation != m_generation)
            return;
        const QString pw = m_passwordDialog->enteredPassword();
        if (m_passwordDialog->remember())
            m_context->passwords()->write(profile.id, pw, this, {});
        else
            m_context->passwords()->remember(profile.id, pw); // this session only
        Q_EMIT connecting(profile.displayTarget());
        open(profile, pw);
    });
    connect(m_passwordDialog, &QDialog::rejected, this, [this, why, generation] {
        if (generation == m_generation)
            Q_EMIT failed(why);
    });
    m_passwordDialog->open();
}

PasswordDialog *ConnectionController::passwordDialog() const
{
    return m_passwordDialog;
}

void ConnectionController::cancel()
{
    // The connect still running is dropped when it answers (its generation is old); its session
    // closes on its own thread.
    ++m_generation;
    m_connecting = false;
    Q_EMIT canceled();
}

void ConnectionController::disconnectFromServer()
{
    ++m_generation;
    m_connecting = false;
    m_context->clearConnection();
}

} // namespace strata::ui
