#pragma once

#include "jobs/backupplanner.h"
#include "jobs/dumplogparser.h"

#include <QHash>
#include <QList>
#include <QString>

namespace strata::core {

// Turns pg_dump's verbose lines and pg_stat_progress_copy samples into a fraction that moves
// with the bytes: the catalog phase takes a small share, then each table advances the bar by its
// size as pg_dump reports it, and a table being copied advances by its rows copied so far.
class DumpProgress
{
public:
    DumpProgress(const QList<TableRef> &tables, bool parallel);

    void onEvent(const DumpLogEvent &event);
    // One sample of pg_stat_progress_copy for a table being copied.
    void onCopySample(quint32 relid, qint64 bytesProcessed, qint64 tuplesProcessed);
    double fraction() const; // 0..1
    QString currentObject() const { return m_current; }
    int tablesDone() const { return m_doneCount; }

private:
    int indexOf(const QString &qualified) const;
    int indexOfRelname(const QString &relname) const;
    void finish(int index);
    double partial(int index) const;

    QList<TableRef> m_tables;
    QHash<QString, int> m_byQualified;
    QHash<quint32, int> m_byOid;
    QList<int> m_inFlight;
    QList<bool> m_done;
    QHash<int, double> m_partial; // table index -> 0..1 copied
    qint64 m_totalBytes = 0;
    qint64 m_doneBytes = 0;
    int m_doneCount = 0;
    int m_catalogSteps = 0;
    bool m_dataStarted = false;
    bool m_parallel = false;
    QString m_current;
};

} // namespace strata::core
