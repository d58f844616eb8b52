#pragma once

#include <QByteArray>
#include <QString>

namespace strata::core {

// What changes whenever a file's content can have changed: its inode, size, and modification
// and status-change times to the nanosecond. Empty when the file cannot be read. For caching a
// fact about a file (its version, its verified SHA-256) while it stays the same file.
QByteArray fileIdentity(const QString &path);

} // namespace strata::core
