#include "plainsqlscanner.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace strata::core {

namespace {

constexpr qsizetype headLimit = 64 * 1024;
constexpr qsizetype tailLimit = 256;
constexpr qsizetype startLimit = 4096;

bool isIdent(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_'
        || u == '$' || u >= 0x80;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

} // namespace

QString PlainSqlScanner::pgDumpVersion(const QByteArray &head)
{
    // pg_dump's plain output opens with this comment block; pg_dumpall's says "cluster dump".
    if (!head.startsWith("--\n-- PostgreSQL database dump\n"))
        return {};
    static const QRegularExpression by(QStringLiteral("^-- Dumped by pg_dump version (\\S+)"),
        QRegularExpression::MultilineOption);
    const auto m = by.match(QString::fromUtf8(head));
    return m.hasMatch() ? m.captured(1) : QString();
}

void PlainSqlScanner::addCode(char c)
{
    if (isSpace(c)) {
        if (m_head.isEmpty() || m_head.endsWith(' '))
            return;
        c = ' ';
    } else if (m_head.isEmpty()) {
        m_statementLine = m_line;
    }
    if (m_head.size() < headLimit)
        m_head.append(c);
    m_tail.append(c);
    if (m_tail.size() > tailLimit)
        m_tail.remove(0, m_tail.size() - tailLimit);
    m_previous = c;
}

void PlainSqlScanner::endWord()
{
    if (m_word.isEmpty())
        return;
    const QByteArray w = m_word.toLower();
    m_word.clear();
    if (isDigit(w.at(0)) || w.startsWith('$'))
        return;
    ++m_identifiers;
    if (w == "begin" || w == "case") {
        if (m_identifiers > 1)
            ++m_beginDepth;
    } else if (w == "end") {
        if (m_beginDepth > 0)
            --m_beginDepth;
    }
}

void PlainSqlScanner::endStatement()
{
    const QByteArray head = m_head.trimmed().toUpper();
    const QList<QByteArray> words = head.left(80).split(' ');
    const QByteArray first = words.value(0), second = words.value(1);
    const QByteArray third = words.value(2);
    const bool savepoint = second == "TO" || third == "TO";
    const bool commits = (first == "COMMIT" && second != "PREPARED") || first == "END"
        || first == "ABORT" || (first == "ROLLBACK" && !savepoint && second != "PREPARED")
        || (first == "PREPARE" && second == "TRANSACTION");
    if (commits && m_facts.commits.isEmpty()) {
        m_facts.commits = QString::fromUtf8(m_head.trimmed().left(60));
        m_facts.commitsLine = m_statementLine;
    }
    static const QRegularExpression fromStdin(QStringLiteral("\\bFROM\\s+STDIN\\b"));
    if (first == "COPY"
        && (fromStdin.match(QString::fromUtf8(head)).hasMatch()
            || fromStdin.match(QString::fromUtf8(m_tail.toUpper())).hasMatch()))
        m_copyAfterLine = true;
    m_head.clear();
    m_tail.clear();
    m_statementLine = 0;
    m_identifiers = 0;
    m_beginDepth = 0;
    m_parens = 0;
}

void PlainSqlScanner::endMeta()
{
    const QByteArray text = m_meta.trimmed();
    const QByteArray command = text.split(' ').value(0);
    // pg_dump's own pair (15.14, 16.10, 17.6 and later): it only restricts psql further.
    if (command != "\\restrict" && command != "\\unrestrict" && !m_forbidden) {
        m_forbidden = true;
        m_facts.metaCommand = QString::fromUtf8(text.left(80));
        m_facts.metaCommandLine = m_metaLine;
    }
    m_meta.clear();
    m_state = State::Normal;
}

void PlainSqlScanner::normal(char c)
{
    if (!isIdent(c) || (c == '$' && m_word.isEmpty()))
        endWord();
    switch (c) {
    case '-':
        m_state = State::Dash;
        return;
    case '/':
        m_state = State::Slash;
        return;
    case '\'': {
        const bool prefixE = (m_previous == 'E' || m_previous == 'e')
            && (m_tail.size() < 2 || !isIdent(m_tail.at(m_tail.size() - 2)));
        m_escapeString = prefixE;
        m_escapeNext = false;
        addCode(c);
        m_state = State::Single;
        return;
    }
    case '"':
        addCode(c);
        m_state = State::Double;
        return;
    case '$':
        if (isIdent(m_previous) && !m_head.isEmpty() && !isSpace(m_previous)) {
            m_word.append(c);
            addCode(c);
            return;
        }
        m_tagRead = "$";
        m_state = State::TagOpen;
        return;
    case '\\':
        m_meta = "\\";
        m_metaLine = m_line;
        m_state = State::Meta;
        return;
    case '(':
        ++m_parens;
        addCode(c);
        return;
    case ')':
        m_parens = std::max(0, m_parens - 1);
        addCode(c);
        return;
    case ';':
        if (m_parens == 0 && m_beginDepth == 0) {
            endStatement();
            m_previous = ';';
        } else {
            addCode(c);
        }
        return;
    default:
        if (isIdent(c))
            m_word.append(c);
        addCode(c);
        return;
    }
}

void PlainSqlScanner::comment(char c)
{
    switch (m_state) {
    case State::Dash:
        if (c == '-') {
            m_state = State::LineComment;
            return;
        }
        m_state = State::Normal;
        addCode('-');
        normal(c);
        return;
    case State::Slash:
        if (c == '*') {
            m_commentDepth = 1;
            m_state = State::BlockComment;
            return;
        }
        m_state = State::Normal;
        addCode('/');
        normal(c);
        return;
    case State::LineComment:
        if (c == '\n') {
            m_state = State::Normal;
            addCode(' ');
        }
        return;
    case State::BlockComment:
        if (c == '*')
            m_state = State::BlockStar;
        else if (c == '/')
            m_state = State::BlockSlash;
        return;
    case State::BlockStar:
        if (c == '/') {
            m_state = --m_commentDepth == 0 ? State::Normal : State::BlockComment;
            if (m_state == State::Normal)
                addCode(' ');
        } else if (c != '*') {
            m_state = State::BlockComment;
        }
        return;
    case State::BlockSlash:
        if (c == '*') {
            ++m_commentDepth;
            m_state = State::BlockComment;
        } else if (c != '/') {
            m_state = State::BlockComment;
        }
        return;
    default:
        return;
    }
}

void PlainSqlScanner::quoted(char c)
{
    switch (m_state) {
    case State::Single:
        if (m_escapeNext) {
            m_escapeNext = false;
        } else if (m_escapeString && c == '\\') {
            m_escapeNext = true;
        } else if (c == '\'') {
            addCode(c);
            m_state = State::Normal;
        }
        return;
    case State::Double:
        if (c == '"') {
            addCode(c);
            m_state = State::Normal;
        }
        return;
    case State::TagOpen:
        if (c == '$') {
            m_tag = m_tagRead + '$';
            m_state = State::Dollar;
            addCode('$');
        } else if (isIdent(c) && !(m_tagRead.size() == 1 && isDigit(c))) {
            m_tagRead.append(c);
        } else {
            // Not a dollar quote ($1, an operator): the bytes were code.
            m_state = State::Normal;
            for (const char t : m_tagRead)
                addCode(t);
            normal(c);
        }
        return;
    case State::Dollar:
        if (c == '$') {
            m_tagRead = "$";
            m_state = State::DollarClose;
        }
        return;
    case State::DollarClose:
        m_tagRead.append(c);
        if (m_tag.startsWith(m_tagRead)) {
            if (m_tagRead == m_tag) {
                m_state = State::Normal;
                addCode('$');
            }
        } else if (c == '$') {
            m_tagRead = "$";
        } else {
            m_state = State::Dollar;
        }
        return;
    default:
        return;
    }
}

void PlainSqlScanner::lines(char c)
{
    if (m_state == State::Meta) {
        if (c == '\n')
            endMeta();
        else if (m_meta.size() < 200)
            m_meta.append(c);
        return;
    }
    if (c == '\n') {
        if (m_copyLine == "\\." || m_copyLine == "\\.\r")
            m_state = State::Normal;
        m_copyLine.clear();
    } else if (m_copyLine.size() < 4) {
        m_copyLine.append(c);
    }
}

bool PlainSqlScanner::feed(const QByteArray &chunk)
{
    if (!m_headerRead) {
        m_start.append(chunk.left(startLimit - m_start.size()));
        if (m_start.size() >= startLimit) {
            m_facts.dumpedBy = pgDumpVersion(m_start);
            m_headerRead = true;
        }
    }
    m_facts.bytes += chunk.size();
    for (const char c : chunk) {
        switch (m_state) {
        case State::Normal:
            normal(c);
            break;
        case State::Meta:
        case State::CopyData:
            lines(c);
            break;
        case State::Single:
        case State::Double:
        case State::TagOpen:
        case State::Dollar:
        case State::DollarClose:
            quoted(c);
            break;
        default:
            comment(c);
            break;
        }
        if (c == '\n') {
            ++m_line;
            if (m_copyAfterLine && m_state == State::Normal) {
                m_copyAfterLine = false;
                m_state = State::CopyData;
                m_copyLine.clear();
            }
        }
    }
    return !m_forbidden;
}

void PlainSqlScanner::finish()
{
    if (!m_headerRead) {
        m_facts.dumpedBy = pgDumpVersion(m_start);
        m_headerRead = true;
    }
    if (m_state == State::Meta)
        endMeta();
    if (m_state == State::Normal || m_state == State::LineComment)
        endStatement();
}

Error PlainSqlScanner::metaCommandError(const QString &path, const PlainSqlFacts &facts)
{
    return Error(Error::Kind::InvalidInput,
        QStringLiteral("%1 holds the psql command \"%2\" on line %3; Strata does not run psql "
                       "commands from a file (they can run programs and read or write files on "
                       "this machine). Nothing was restored.")
            .arg(path, facts.metaCommand)
            .arg(facts.metaCommandLine),
        facts.madeByPgDump()
            ? QStringLiteral("The file says pg_dump made it, but pg_dump writes no such "
                             "command: it was changed. Use an intact copy.")
            : QStringLiteral("This file was not made by pg_dump. Check what it does, then run "
                             "it yourself with psql if you trust it."));
}

Result<PlainSqlFacts> PlainSqlScanner::scanFile(const QString &path,
    const std::function<bool()> &canceled, const std::function<void(qint64, qint64)> &progress)
{
    if (!QFileInfo(path).isFile())
        return Error(Error::Kind::InvalidInput,
            QStringLiteral("%1 is not a regular file.").arg(path),
            QStringLiteral("Choose a SQL file made by pg_dump."));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(
            Error::Kind::Io, QStringLiteral("Could not read %1: %2").arg(path, f.errorString()));
    const qint64 size = f.size();
    PlainSqlScanner scanner;
    while (true) {
        if (canceled && canceled())
            return Error(Error::Kind::Canceled, QStringLiteral("Cancelled."));
        const QByteArray chunk = f.read(1 << 20);
        if (chunk.isEmpty())
            break;
        if (!scanner.feed(chunk))
            return metaCommandError(path, scanner.facts());
        if (progress)
            progress(scanner.facts().bytes, size);
    }
    scanner.finish();
    if (!scanner.facts().metaCommand.isEmpty())
        return metaCommandError(path, scanner.facts());
    return scanner.facts();
}

} // namespace strata::core
