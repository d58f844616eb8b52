#include "dumpprogress.h"

#include <algorithm>

namespace strata::core {

namespace {
// pg_dump 15 prints about 50 catalog steps before the first table; the share of the bar they
// take is small when there are rows to copy, most of it when there are none.
constexpr int expectedCatalogSteps = 50;
constexpr double catalogShareWithData = 0.04;
constexpr double catalogShareWithoutData = 0.9;
// A table being copied never shows as complete before pg_dump says it is.
constexpr double maxPartial = 0.98;
} // namespace

DumpProgress::DumpProgress(const QList<TableRef> &tables, bool parallel)
    : m_tables(tables), m_parallel(parallel)
{
    for (int i = 0; i < m_tables.size(); ++i) {
        // Every table weighs at least a little, so empty tables still move the bar.
        m_tables[i].bytes = std::max<qint64>(m_tables[i].bytes, 8192);
        m_totalBytes += m_tables[i].bytes;
        m_byQualified.insert(m_tables[i].qualified(), i);
        m_byOid.insert(m_tables[i].oid, i);
        m_done.append(false);
    }
}

int DumpProgress::indexOf(const QString &qualified) const
{
    return m_byQualified.value(qualified, -1);
}

int DumpProgress::indexOfRelname(const QString &relname) const
{
    // "finished item N TABLE DATA name" has no schema: take the table in flight with that name.
    for (int i : m_inFlight)
        if (m_tables[i].name == relname)
            return i;
    return -1;
}

void DumpProgress::finish(int index)
{
    if (index < 0 || m_done[index])
        return;
    m_done[index] = true;
    m_doneBytes += m_tables[index].bytes;
    ++m_doneCount;
    m_inFlight.removeAll(index);
    m_partial.remove(index);
}

void DumpProgress::onEvent(const DumpLogEvent &e)
{
    using K = DumpLogEvent::Kind;
    switch (e.kind) {
    case K::CatalogStep:
        ++m_catalogSteps;
        if (!m_dataStarted)
            m_current = e.message;
        break;
    case K::DumpingTable: {
        m_dataStarted = true;
        m_current = e.name;
        const int i = indexOf(e.name);
        // Without -j, pg_dump copies one table at a time: a new table means the last one ended.
        // With -j the lines come from several workers and "finished item" ends each one.
        if (!m_parallel) {
            const QList<int> previous = m_inFlight;
            for (int p : previous)
                finish(p);
        }
        if (i >= 0 && !m_done[i] && !m_inFlight.contains(i))
            m_inFlight.append(i);
        break;
    }
    case K::FinishedItem:
        if (e.type == QLatin1String("TABLE DATA")) {
            finish(indexOfRelname(e.name));
        }
        break;
    default:
        break;
    }
}

void DumpProgress::onCopySample(quint32 relid, qint64 bytesProcessed, qint64 tuplesProcessed)
{
    const int i = m_byOid.value(relid, -1);
    if (i < 0 || m_done[i])
        return;
    const TableRef &t = m_tables[i];
    double f = t.estRows > 0 ? double(tuplesProcessed) / double(t.estRows)
                             : double(bytesProcessed) / double(t.bytes);
    f = std::clamp(f, 0.0, maxPartial);
    m_partial[i] = std::max(m_partial.value(i, 0.0), f);
}

double DumpProgress::partial(int index) const
{
    return m_partial.value(index, 0.0);
}

double DumpProgress::fraction() const
{
    const double catalogShare = m_totalBytes > 0 ? catalogShareWithData : catalogShareWithoutData;
    const double catalog
        = m_dataStarted ? 1.0 : std::min(1.0, double(m_catalogSteps) / expectedCatalogSteps);
    double data = 0;
    if (m_totalBytes > 0) {
        double bytes = double(m_doneBytes);
        for (int i : m_inFlight)
            bytes += partial(i) * double(m_tables[i].bytes);
        data = bytes / double(m_totalBytes);
    } else if (m_dataStarted) {
        data = 1.0;
    }
    return std::clamp(catalogShare * catalog + (1 - catalogShare) * data, 0.0, 1.0);
}

} // namespace strata::core
