#pragma once

#include "jobs/archivetoc.h"
#include "jobs/dumplogparser.h"

#include <QHash>
#include <QList>
#include <QSet>

namespace strata::core {

// Weights the archive's entries (TABLE DATA by its size when known) and advances as pg_restore
// reports them: serially each "creating"/"processing data"/"executing" line starts the next
// entry and ends the one before; with -j "finished item N" ends entry N.
class RestoreProgress
{
public:
    RestoreProgress(const QList<TocEntry> &entries, bool parallel);

    void onEvent(const DumpLogEvent &event);
    // pg_stat_progress_copy on the target: rows copied into the table being restored.
    void onCopySample(const QString &qualified, qint64 tuples, qint64 estRows);
    void finishAll();
    double fraction() const;
    QString currentObject() const { return m_current; }

private:
    void finish(int index);
    int indexOfData(const QString &qualified) const;

    QList<TocEntry> m_entries;
    QHash<int, int> m_byId;
    QList<bool> m_done;
    QList<int> m_inFlight;
    QHash<int, double> m_partial;
    qint64 m_total = 0;
    qint64 m_doneWeight = 0;
    int m_nextSerial = 0;
    bool m_parallel;
    QString m_current;
};

} // namespace strata::core
