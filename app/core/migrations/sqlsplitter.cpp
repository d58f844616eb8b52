#include "sqlsplitter.h"

namespace strata::core {

namespace {

// The end of the comment that starts at i ("--" to the end of the line, "/* */" nested as
// PostgreSQL nests them), or i when none starts there.
int commentEnd(const QString &s, int i)
{
    const int n = int(s.size());
    const QChar c = s.at(i);
    const QChar next = i + 1 < n ? s.at(i + 1) : QChar();
    if (c == u'-' && next == u'-') {
        while (i < n && s.at(i) != u'\n')
            ++i;
        return i;
    }
    if (c == u'/' && next == u'*') {
        int depth = 1;
        i += 2;
        while (i < n && depth > 0) {
            if (s.at(i) == u'/' && i + 1 < n && s.at(i + 1) == u'*') {
                ++depth;
                i += 2;
            } else if (s.at(i) == u'*' && i + 1 < n && s.at(i + 1) == u'/') {
                --depth;
                i += 2;
            } else {
                ++i;
            }
        }
        return i;
    }
    return i;
}

} // namespace

int SqlSplitter::lineAt(const QString &script, int offset)
{
    return int(QStringView(script).left(std::clamp(offset, 0, int(script.size()))).count(u'\n'))
        + 1;
}

QString SqlSplitter::codeOnly(const QString &s, QStringList *bodies)
{
    QString out = s;
    const int n = int(s.size());
    auto blank = [&out](int from, int to) {
        for (int k = from; k < to; ++k)
            if (out.at(k) != u'\n')
                out[k] = u' ';
    };
    auto isWord = [](QChar ch) { return ch.isLetterOrNumber() || ch == u'_'; };
    int i = 0;
    while (i < n) {
        const QChar c = s.at(i);
        const int begin = i;
        if (const int end = commentEnd(s, i); end != i) {
            i = end;
            blank(begin, i);
        } else if (c == u'\'' || c == u'"') {
            const bool escapes = c == u'\'' && i > 0 && (s.at(i - 1) == u'E' || s.at(i - 1) == u'e')
                && (i < 2 || !isWord(s.at(i - 2)));
            QString content;
            ++i;
            while (i < n) {
                if (escapes && s.at(i) == u'\\' && i + 1 < n) {
                    content += s.at(i + 1);
                    i += 2;
                    continue;
                }
                if (s.at(i) == c) {
                    if (i + 1 < n && s.at(i + 1) == c) {
                        content += c;
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                content += s.at(i);
                ++i;
            }
            if (c == u'"') {
                // An identifier stays a word, so "a b" cannot glue two keywords together.
                for (int k = begin; k < i; ++k)
                    out[k] = u'_';
            } else {
                blank(begin, i);
                if (bodies)
                    bodies->append(content);
            }
        } else if (c == u'$' && (i == 0 || !isWord(s.at(i - 1)))) {
            int j = i + 1;
            while (j < n && isWord(s.at(j)) && !s.at(i + 1).isDigit())
                ++j;
            if (j < n && s.at(j) == u'$') {
                const QString tag = s.mid(i, j - i + 1);
                const int close = int(s.indexOf(tag, j + 1));
                const int end = close < 0 ? n : close + int(tag.size());
                if (bodies)
                    bodies->append(s.mid(j + 1, (close < 0 ? n : close) - (j + 1)));
                i = end;
                blank(begin, i);
            } else {
                ++i;
            }
        } else {
            ++i;
        }
    }
    return out;
}

QList<SqlSplitter::Statement> SqlSplitter::split(const QString &s)
{
    QList<Statement> out;
    const int n = int(s.size());
    int start = 0;
    auto flush = [&](int end) {
        // Skip leading whitespace and comments to find where the statement really starts.
        int b = start;
        for (;;) {
            while (b < end && s.at(b).isSpace())
                ++b;
            if (b + 1 < end && s.at(b) == u'-' && s.at(b + 1) == u'-') {
                while (b < end && s.at(b) != u'\n')
                    ++b;
            } else if (b + 1 < end && s.at(b) == u'/' && s.at(b + 1) == u'*') {
                int depth = 0;
                do {
                    if (b + 1 < end && s.at(b) == u'/' && s.at(b + 1) == u'*') {
                        ++depth;
                        b += 2;
                    } else if (b + 1 < end && s.at(b) == u'*' && s.at(b + 1) == u'/') {
                        --depth;
                        b += 2;
                    } else {
                        ++b;
                    }
                } while (depth > 0 && b < end);
            } else {
                break;
            }
        }
        const QString text = s.mid(b, end - b).trimmed();
        if (!text.isEmpty() && text != QLatin1String(";"))
            out.append({ text, b, lineAt(s, b) });
        start = end;
    };
    int i = 0;
    while (i < n) {
        const QChar c = s.at(i);
        if (const int end = commentEnd(s, i); end != i) {
            i = end;
        } else if (c == u'\'' || c == u'"') {
            // E'...' strings allow backslash escapes; standard strings double the quote.
            const bool escapes = c == u'\'' && i > 0 && (s.at(i - 1) == u'E' || s.at(i - 1) == u'e')
                && (i < 2 || !(s.at(i - 2).isLetterOrNumber() || s.at(i - 2) == u'_'));
            ++i;
            while (i < n) {
                if (escapes && s.at(i) == u'\\') {
                    i += 2;
                    continue;
                }
                if (s.at(i) == c) {
                    if (i + 1 < n && s.at(i + 1) == c) {
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                ++i;
            }
        } else if (c == u'$'
            && (i == 0 || !(s.at(i - 1).isLetterOrNumber() || s.at(i - 1) == u'_'))) {
            // $tag$ ... $tag$ (a positional parameter like $1 is not a tag).
            int j = i + 1;
            while (
                j < n && (s.at(j).isLetterOrNumber() || s.at(j) == u'_') && !s.at(i + 1).isDigit())
                ++j;
            if (j < n && s.at(j) == u'$') {
                const QString tag = s.mid(i, j - i + 1);
                const int close = int(s.indexOf(tag, j + 1));
                i = close < 0 ? n : close + int(tag.size());
            } else {
                ++i;
            }
        } else if (c == u';') {
            ++i;
            flush(i);
        } else {
            ++i;
        }
    }
    flush(n);
    return out;
}

} // namespace strata::core
