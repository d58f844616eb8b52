#pragma once

#include "db/connectionprofile.h"

#include <QList>
#include <QString>

class QSettings;

namespace strata::core {

// Saved connection profiles in QSettings. The profile type has no password field, so no password
// can reach the settings file.
class ProfileStore
{
public:
    // settingsFile empty: the application's default settings location.
    explicit ProfileStore(QString settingsFile = {});

    QList<ConnectionProfile> load() const;
    // Adds or replaces by id; other profiles are untouched.
    void save(const ConnectionProfile &profile);
    void remove(const QString &id);
    QString fileName() const;

private:
    std::unique_ptr<QSettings> settings() const;
    QString m_file;
};

} // namespace strata::core
