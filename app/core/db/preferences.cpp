#include "preferences.h"

#include <QSettings>

namespace strata::core {

Preferences::Preferences(QString settingsFile) : m_file(std::move(settingsFile)) { }

QVariant Preferences::value(const QString &key, const QVariant &fallback) const
{
    if (m_file.isEmpty())
        return m_memory.value(key, fallback);
    return QSettings(m_file, QSettings::IniFormat).value(QStringLiteral("ui/") + key, fallback);
}

void Preferences::setValue(const QString &key, const QVariant &value)
{
    if (m_file.isEmpty()) {
        m_memory.insert(key, value);
        return;
    }
    QSettings(m_file, QSettings::IniFormat).setValue(QStringLiteral("ui/") + key, value);
}

} // namespace strata::core
