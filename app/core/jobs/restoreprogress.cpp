#include "restoreprogress.h"

#include <algorithm>

namespace strata::core {

RestoreProgress::RestoreProgress(const QList<TocEntry> &entries, bool parallel)
    : m_entries(entries), m_parallel(parallel)
{
    for (int i = 0; i < m_entries.size(); ++i) {
        m_entries[i].weight = std::max<qint64>(1, m_entries[i].weight);
        m_total += m_entries[i].weight;
        m_byId.insert(m_entries[i].id, i);
        m_done << false;
    }
}

void RestoreProgress::finish(int i)
{
    if (i < 0 || m_done[i])
        return;
    m_done[i] = true;
    m_doneWeight += m_entries[i].weight;
    m_inFlight.removeAll(i);
    m_partial.remove(i);
}

int RestoreProgress::indexOfData(const QString &qualified) const
{
    for (int i = 0; i < m_entries.size(); ++i)
        if (!m_done[i] && m_entries[i].isData() && m_entries[i].qualified() == qualified)
            return i;
    return -1;
}

void RestoreProgress::onEvent(const DumpLogEvent &e)
{
    using K = DumpLogEvent::Kind;
    if (m_parallel) {
        switch (e.kind) {
        case K::FinishedItem:
            finish(m_byId.value(e.itemId, -1));
            break;
        case K::LaunchingItem:
        case K::ProcessingItem: {
            const int i = m_byId.value(e.itemId, -1);
            if (i >= 0 && !m_inFlight.contains(i))
                m_inFlight << i;
            m_current = e.type + u' ' + e.name;
            // Items before the parallel loop are done one by one: the next one ends the last.
            if (e.kind == K::ProcessingItem)
                for (int j : QList<int>(m_inFlight))
                    if (j != i)
                        finish(j);
            break;
        }
        case K::ProcessingData:
            m_current = e.name;
            break;
        default:
            break;
        }
        return;
    }
    if (e.kind != K::Creating && e.kind != K::ProcessingData && e.kind != K::Executing)
        return;
    for (int j : QList<int>(m_inFlight))
        finish(j);
    int i = -1;
    if (e.kind == K::ProcessingData)
        i = indexOfData(e.name);
    if (i < 0) {
        // Lines that are not table data: the next entry not yet done that is not data.
        while (m_nextSerial < m_entries.size()
            && (m_done[m_nextSerial] || m_entries[m_nextSerial].isData()))
            ++m_nextSerial;
        if (m_nextSerial < m_entries.size())
            i = m_nextSerial;
    }
    if (i >= 0)
        m_inFlight << i;
    m_current = e.kind == K::ProcessingData ? e.name : e.type + u' ' + e.name;
}

void RestoreProgress::onCopySample(const QString &qualified, qint64 tuples, qint64 estRows)
{
    // A table created inside the restore's own transaction is invisible to the monitoring
    // session, so its COPY comes without a name: it is the one table being loaded (serially).
    QList<int> data;
    for (int i : m_inFlight)
        if (m_entries[i].isData())
            data << i;
    for (int i : data) {
        const bool match
            = qualified.isEmpty() ? data.size() == 1 : m_entries[i].qualified() == qualified;
        if (match && estRows > 0)
            m_partial[i] = std::max(
                m_partial.value(i), std::clamp(double(tuples) / double(estRows), 0.0, 0.98));
    }
}

void RestoreProgress::finishAll()
{
    for (int i = 0; i < m_entries.size(); ++i)
        finish(i);
}

double RestoreProgress::fraction() const
{
    if (m_total == 0)
        return 0;
    double w = double(m_doneWeight);
    for (int i : m_inFlight)
        w += m_partial.value(i) * double(m_entries[i].weight);
    return std::clamp(w / double(m_total), 0.0, 1.0);
}

} // namespace strata::core
