#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace strata::core {

// One external program call, ready to start: never holds a password. The password goes to the
// child through a temporary PGPASSFILE (or, for Docker, PGPASSWORD forwarded with `-e`).
struct ToolCommand
{
    QString program; // absolute path, or "docker"
    QStringList arguments;
    QMap<QString, QString> env; // added to the inherited environment
    QString dockerContainer; // set when program is docker exec
    bool streamsStdout = false; // the output comes back on stdout (Docker): caller writes it

    // A shell-quoted line for display and copy.
    QString display() const;
    static QString shellQuote(const QString &arg);
};

} // namespace strata::core
