#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

namespace strata::core {

// Passwords live in the system keychain (Secret Service, KWallet, macOS Keychain) through
// QtKeychain. When no keychain answers, a password is kept in this process's memory for the
// session and asked for again next time; it is never written to a file.
class PasswordStore : public QObject
{
    Q_OBJECT
public:
    explicit PasswordStore(QObject *parent = nullptr);

    using ReadDone = std::function<void(std::optional<QString> password, QString note)>;
    using WriteDone = std::function<void(bool inKeychain, QString note)>;

    // Asynchronous; the callback runs on the calling thread, and not at all once context is gone.
    void read(const QString &profileId, QObject *context, ReadDone done);
    void write(const QString &profileId, const QString &password, QObject *context, WriteDone done);
    void remove(const QString &profileId);

    // This process's memory only.
    void remember(const QString &profileId, const QString &password);
    std::optional<QString> remembered(const QString &profileId) const;
    void forget(const QString &profileId);

    // Off in tests and for --screenshot, where no keychain should be touched.
    void setKeychainEnabled(bool enabled) { m_keychainEnabled = enabled; }
    bool keychainEnabled() const { return m_keychainEnabled; }

private:
    QHash<QString, QString> m_memory;
    bool m_keychainEnabled = true;
};

} // namespace strata::core
