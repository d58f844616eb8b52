#pragma once

#include <QHash>
#include <QString>
#include <QVariant>

namespace strata::core {

// What the window remembers between runs (the last folder a backup went to, the window's
// geometry, the last connection): keys under "ui/" in the same settings file as the saved
// profiles. Never a password. Without a file (tests, screenshots) it remembers in memory only.
class Preferences
{
public:
    // settingsFile: an INI file; empty: memory only.
    explicit Preferences(QString settingsFile = {});

    QVariant value(const QString &key, const QVariant &fallback = {}) const;
    void setValue(const QString &key, const QVariant &value);
    QString fileName() const { return m_file; }

private:
    QString m_file;
    QHash<QString, QVariant> m_memory;
};

} // namespace strata::core
