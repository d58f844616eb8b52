#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace strata::core {

// What a plain SQL file holds that matters before psql runs it.
struct PlainSqlFacts
{
    // pg_dump's own plain output (its header: "-- PostgreSQL database dump" and "-- Dumped by
    // pg_dump version X"); empty for any other file.
    QString dumpedBy;
    bool madeByPgDump() const { return !dumpedBy.isEmpty(); }
    // The first psql meta-command other than pg_dump's own \restrict / \unrestrict pair:
    // `\! cmd`, `\o file`, `\copy ... program`, `\i file`, `\connect` ... Empty: none.
    QString metaCommand;
    int metaCommandLine = 0;
    // The first top-level statement that ends a transaction (COMMIT, END, ROLLBACK, ABORT,
    // PREPARE TRANSACTION): the file cannot be restored in one transaction.
    QString commits;
    int commitsLine = 0;
    qint64 bytes = 0;
};

// Reads a plain SQL file the way psql's lexer does, as a stream (chunks of any size, the same
// answer however the bytes are cut): string literals (with E'' escapes), quoted identifiers,
// dollar quotes, nested block comments, line comments, and the data of COPY ... FROM stdin up
// to its "\." line. A backslash anywhere else starts a psql meta-command. Used twice on a
// restore: on the whole file before anything runs, and on every chunk fed to psql, so a file
// changed in between still never reaches psql with a meta-command in it.
class PlainSqlScanner
{
public:
    // Feeds the next bytes; returns false once a forbidden meta-command has been seen (facts()
    // says which and where), and from then on.
    bool feed(const QByteArray &chunk);
    // The end of the input: a statement without a final ';' is judged too.
    void finish();
    const PlainSqlFacts &facts() const { return m_facts; }

    // The whole file; a meta-command is an error naming its line, a file that commits is not.
    static Result<PlainSqlFacts> scanFile(const QString &path,
        const std::function<bool()> &canceled = {},
        const std::function<void(qint64, qint64)> &progress = {});
    // pg_dump's header in the first lines of a file ("15.18"), or empty.
    static QString pgDumpVersion(const QByteArray &head);
    // The refusal for facts with a meta-command.
    static Error metaCommandError(const QString &path, const PlainSqlFacts &facts);

private:
    enum class State {
        Normal,
        Dash, // one '-' seen
        Slash, // one '/' seen
        LineComment,
        BlockComment,
        BlockStar, // '*' inside a block comment
        BlockSlash, // '/' inside a block comment
        Single,
        Double,
        TagOpen, // "$tag" being read after a '$'
        Dollar, // inside $tag$ ... $tag$
        DollarClose, // "$..." that may close the dollar quote
        Meta, // the rest of a meta-command's line
        CopyData, // COPY ... FROM stdin data lines, up to "\."
    };
    void normal(char c);
    void comment(char c); // the states inside and at the start of comments
    void quoted(char c); // literals, quoted identifiers and dollar quotes
    void lines(char c); // a meta-command's line and COPY data lines
    void endStatement();
    void endMeta();
    void addCode(char c);
    void endWord();

    PlainSqlFacts m_facts;
    State m_state = State::Normal;
    int m_line = 1;
    bool m_escapeString = false; // inside E'...': a backslash escapes the next byte
    bool m_escapeNext = false;
    int m_commentDepth = 0;
    QByteArray m_tag; // the open dollar quote's tag, "$tag$"
    QByteArray m_tagRead; // what has been read of an opening or closing tag
    QByteArray m_meta; // the meta-command's text so far
    int m_metaLine = 0;
    QByteArray m_head; // the first bytes of the current statement's code, spaces folded
    QByteArray m_tail; // its last bytes
    int m_statementLine = 0;
    char m_previous = '\n'; // the last byte of code in Normal state
    // psql's own rule for where a statement ends: a ';' outside parentheses and outside
    // BEGIN ... END (a BEGIN ATOMIC body, a CASE), counted by identifiers as psql counts them.
    int m_parens = 0;
    int m_beginDepth = 0;
    int m_identifiers = 0;
    QByteArray m_word;
    bool m_copyAfterLine = false; // a COPY FROM stdin ended on this line: data from the next
    QByteArray m_copyLine; // the start of the current COPY data line
    bool m_forbidden = false;
    QByteArray m_start; // the file's first bytes, for the header
    bool m_headerRead = false;
};

} // namespace strata::core
