#include "alembicparser.h"

#include <QRegularExpression>

namespace strata::core {

QString AlembicParser::syntaxProblem(const QString &text)
{
    // Walks the file as Python's tokenizer would for strings, comments and brackets.
    QList<QPair<QChar, int>> stack;
    int line = 1;
    const int n = int(text.size());
    for (int i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c == u'\n') {
            ++line;
        } else if (c == u'#') {
            while (i + 1 < n && text.at(i + 1) != u'\n')
                ++i;
        } else if (c == u'"' || c == u'\'') {
            const bool triple = i + 2 < n && text.at(i + 1) == c && text.at(i + 2) == c;
            const int startLine = line;
            i += triple ? 3 : 1;
            bool closed = false;
            for (; i < n; ++i) {
                const QChar d = text.at(i);
                if (d == u'\\') {
                    ++i;
                    if (i < n && text.at(i) == u'\n')
                        ++line;
                    continue;
                }
                if (d == u'\n') {
                    if (!triple)
                        return QStringLiteral("line %1: unterminated string").arg(startLine);
                    ++line;
                }
                if (d == c
                    && (!triple || (i + 2 < n && text.at(i + 1) == c && text.at(i + 2) == c))) {
                    i += triple ? 2 : 0;
                    closed = true;
                    break;
                }
            }
            if (!closed)
                return QStringLiteral("line %1: unterminated %2string")
                    .arg(startLine)
                    .arg(triple ? QStringLiteral("triple-quoted ") : QString());
        } else if (c == u'(' || c == u'[' || c == u'{') {
            stack.append({ c, line });
        } else if (c == u')' || c == u']' || c == u'}') {
            const QChar open = c == u')' ? u'(' : c == u']' ? u'[' : u'{';
            if (stack.isEmpty() || stack.last().first != open)
                return QStringLiteral("line %1: unmatched '%2'").arg(line).arg(c);
            stack.removeLast();
        }
    }
    if (!stack.isEmpty())
        return QStringLiteral("line %1: '%2' was never closed")
            .arg(stack.last().second)
            .arg(stack.last().first);
    return {};
}

// A Python literal: 'x', "x", None, ("a", "b"), ["a"], {"a"}, or ("a",).
QStringList AlembicParser::parseValue(const QString &expr, bool *ok)
{
    *ok = true;
    const QString e = expr.trimmed();
    if (e == QLatin1String("None") || e.isEmpty())
        return {};
    static const QRegularExpression str(QStringLiteral(R"(['"]([^'"]*)['"])"));
    const bool bracketed = e.startsWith(u'(') || e.startsWith(u'[') || e.startsWith(u'{');
    QStringList out;
    auto it = str.globalMatch(e);
    while (it.hasNext())
        out.append(it.next().captured(1));
    if (out.isEmpty() && !(bracketed && e.size() <= 3))
        *ok = false; // a name or call we cannot evaluate
    if (!bracketed && out.size() > 1)
        *ok = false;
    return out;
}

FolderMigration AlembicParser::parse(
    const QString &text, const QString &path, const QString &relativePath)
{
    FolderMigration m;
    m.path = path;
    m.relativePath = relativePath;
    m.error = syntaxProblem(text);
    // Module-level assignments, with or without annotations, values possibly over several lines.
    static const QRegularExpression assign(
        QStringLiteral(R"(^(revision|down_revision|branch_labels|depends_on)\s*(?::[^=\n]*)?=\s*)"
                       R"(((?:\([^)]*\))|(?:\[[^\]]*\])|(?:\{[^}]*\})|[^\n#]*))"),
        QRegularExpression::MultilineOption);
    bool sawRevision = false, downRead = false;
    auto it = assign.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        bool ok = true;
        const QStringList v = parseValue(match.captured(2), &ok);
        const QString key = match.captured(1);
        if (!ok && m.error.isEmpty()) {
            const int line = int(text.left(match.capturedStart()).count(u'\n')) + 1;
            m.error = QStringLiteral("line %1: cannot read %2 = %3")
                          .arg(line)
                          .arg(key, match.captured(2).trimmed());
        }
        if (key == QLatin1String("revision")) {
            sawRevision = true;
            m.version = v.value(0);
        } else if (key == QLatin1String("down_revision")) {
            downRead = ok;
            m.downRevisions = v;
        } else if (key == QLatin1String("branch_labels")) {
            m.branchLabels = v;
        } else if (key == QLatin1String("depends_on")) {
            m.dependsOn = v;
        }
    }
    if (m.error.isEmpty() && (!sawRevision || m.version.isEmpty()))
        m.error = QStringLiteral("no `revision = \"...\"` line: not an Alembic revision file?");
    else if (m.error.isEmpty() && !downRead)
        m.error = QStringLiteral("no `down_revision = ...` line");
    if (!m.error.isEmpty())
        recover(text, relativePath, &m, downRead);
    // The docstring's first line is the message; "Create Date:" when there.
    static const QRegularExpression doc(QStringLiteral(R"(^\s*(?:"""|''')\s*([^\n]*))"));
    const auto d = doc.match(text);
    if (d.hasMatch())
        m.description = d.captured(1).trimmed().remove(QStringLiteral("\"\"\""));
    static const QRegularExpression date(QStringLiteral(R"(Create Date:\s*([^\n]+))"));
    const auto cd = date.match(text);
    if (cd.hasMatch())
        m.createDate = cd.captured(1).trimmed();
    if (m.version.isEmpty()) // still an entry, named by its file
        m.version = relativePath;
    return m;
}

// Python cannot load a broken file, but the database may have passed it long ago: keep it in the
// graph under the ids Alembic's template writes into the docstring (`Revision ID:`, `Revises:`),
// or the file name's prefix (`<rev>_<slug>.py`), so its ancestors are not mistaken for pending.
void AlembicParser::recover(
    const QString &text, const QString &relativePath, FolderMigration *m, bool downRead)
{
    static const QRegularExpression idHeader(
        QStringLiteral(R"(^\s*Revision ID:[ \t]*(\S+))"), QRegularExpression::MultilineOption);
    static const QRegularExpression revisesHeader(
        QStringLiteral(R"(^\s*Revises:[ \t]*([^\n]*))"), QRegularExpression::MultilineOption);
    static const QRegularExpression plainId(QStringLiteral(R"(^[0-9A-Za-z]+$)"));
    const auto id = idHeader.match(text);
    const auto revises = revisesHeader.match(text);
    QStringList sources;
    if (m->version.isEmpty()) {
        if (id.hasMatch()) {
            m->version = id.captured(1);
            sources.append(QStringLiteral("revision from its `Revision ID:` header"));
        } else {
            const QString base = relativePath.section(u'/', -1);
            const QString prefix = base.section(u'_', 0, 0).section(u'.', 0, 0);
            if (base.contains(u'_') && plainId.match(prefix).hasMatch()) {
                m->version = prefix;
                sources.append(QStringLiteral("revision from its file name"));
            }
        }
    }
    // down_revision as the code says when it could be read (people rebase a revision onto a new
    // parent without touching the docstring), else as the header says, else unknown.
    if (!downRead && revises.hasMatch()) {
        m->downRevisions.clear();
        for (const QString &p : revises.captured(1).split(u',', Qt::SkipEmptyParts))
            if (!p.trimmed().isEmpty())
                m->downRevisions.append(p.trimmed());
        sources.append(QStringLiteral("down_revision from its `Revises:` header"));
    } else if (!downRead) {
        m->downRevisions.clear();
        m->parentsKnown = false;
    }
    m->recoveredFrom = sources.join(QStringLiteral(", "));
}

} // namespace strata::core
