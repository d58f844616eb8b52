#pragma once

#include "jobs/backuphistory.h"

#include <QByteArray>
#include <QList>

namespace strata::core {

// Finds the COPY blocks of a plain SQL dump as its text goes by ("COPY s.t (a, b) FROM stdin;",
// the rows, "\.") and counts each block's rows. Other lines are skipped without being kept.
class PlainCopyScanner
{
public:
    void feed(const char *data, qsizetype n);
    bool inCopy() const { return m_inCopy; }
    QList<TableRowCount> tables() const { return m_tables; }

    // "COPY public.t (a) FROM stdin;" -> public, t; false when the line is not such a COPY.
    static bool parseCopyLine(const QByteArray &line, QString *schema, QString *table);

private:
    void endLine();

    bool m_inCopy = false;
    QByteArray m_head; // the line's start, kept while it may be a COPY line (outside a COPY)
    qsizetype m_length = 0;
    QList<TableRowCount> m_tables;
};

} // namespace strata::core
