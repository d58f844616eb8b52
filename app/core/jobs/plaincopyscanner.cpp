#include "plaincopyscanner.h"

#include <cstring>

namespace strata::core {

namespace {

// A COPY line names its table in at most a few hundred bytes; longer lines are something else.
constexpr qsizetype kLongestCopyLine = 64 * 1024;

// One identifier at `at`: "quoted ""name""" or plain.
bool identifier(const QByteArray &s, qsizetype &at, QString *out)
{
    if (at >= s.size())
        return false;
    QByteArray name;
    if (s.at(at) == '"') {
        for (++at; at < s.size(); ++at) {
            if (s.at(at) == '"') {
                if (at + 1 < s.size() && s.at(at + 1) == '"') {
                    name += '"';
                    ++at;
                    continue;
                }
                ++at;
                *out = QString::fromUtf8(name);
                return true;
            }
            name += s.at(at);
        }
        return false;
    }
    while (at < s.size() && s.at(at) != '.' && s.at(at) != ' ' && s.at(at) != '(')
        name += s.at(at++);
    *out = QString::fromUtf8(name);
    return !name.isEmpty();
}

} // namespace

bool PlainCopyScanner::parseCopyLine(const QByteArray &line, QString *schema, QString *table)
{
    // The text pg_dump writes before a table's rows, not a statement Strata runs.
    if (!line.startsWith("COPY") || line.size() < 5 || line.at(4) != ' '
        || !line.endsWith(" FROM stdin;"))
        return false;
    qsizetype at = 5;
    QString first, second;
    if (!identifier(line, at, &first))
        return false;
    if (at < line.size() && line.at(at) == '.') {
        ++at;
        if (!identifier(line, at, &second))
            return false;
        *schema = first;
        *table = second;
    } else {
        schema->clear();
        *table = first;
    }
    return true;
}

void PlainCopyScanner::endLine()
{
    if (m_inCopy) {
        if (m_length == 2 && m_head == "\\.")
            m_inCopy = false;
        else
            ++m_tables.last().rows;
    } else if (m_length == m_head.size()) {
        QString schema, table;
        if (parseCopyLine(m_head, &schema, &table)) {
            m_tables << TableRowCount { schema, table, 0 };
            m_inCopy = true;
        }
    }
    m_head.clear();
    m_length = 0;
}

void PlainCopyScanner::feed(const char *data, qsizetype n)
{
    const char *p = data;
    const char *end = data + n;
    while (p < end) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        const char *stop = nl ? nl : end;
        // Keep what can decide the line: two bytes in a COPY ("\."), a possible COPY line
        // outside one.
        const qsizetype keep = m_inCopy ? 2 : kLongestCopyLine;
        const bool mayBeCopy = m_inCopy || m_length > 0 || (stop - p >= 1 && *p == 'C');
        if (mayBeCopy && m_head.size() < keep && m_head.size() == m_length)
            m_head.append(p, std::min<qsizetype>(stop - p, keep - m_head.size()));
        m_length += stop - p;
        if (!nl)
            return;
        endLine();
        p = nl + 1;
    }
}

} // namespace strata::core
