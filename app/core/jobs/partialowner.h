#pragma once

#include "result.h"

#include <QString>
#include <QStringList>

namespace strata::core::partialowner {

// Who writes a partial backup file, recorded beside it ("PARTIAL.owner"): the process id, when
// that process started (in clock ticks since boot, from /proc/PID/stat), the boot id and the
// host. Proof enough that the writer has ended: the same host, and another boot, or no process
// with that id, or one with that id that started at another time (the id was reused).
QString recordPath(const QString &partial);
Status write(const QString &partial, qint64 pid);
bool writerHasEnded(const QString &recordFile);
// Removes the partial files of earlier runs for `target` (".NAME.partial-*" beside it) whose
// writer has provably ended, with their records; returns the names removed.
QStringList removeAbandoned(const QString &target);

} // namespace strata::core::partialowner
