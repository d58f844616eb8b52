#pragma once

#include <QList>
#include <QString>

namespace strata::core {

// Splits a SQL script into statements the way psql would for plain SQL: semicolons outside
// quotes ('...', E'...', "..."), dollar quotes ($$...$$, $tag$...$tag$) and comments (--, nested
// /* */) end a statement. Each statement keeps its offset and line in the file so a server error
// can be shown at the file's line. psql meta-commands (\i, \set) and COPY ... FROM stdin data are
// not supported and are reported by the runner as what they are: SQL errors.
class SqlSplitter
{
public:
    struct Statement
    {
        QString text;
        int offset = 0; // characters from the start of the script
        int line = 1; // 1-based line of the statement's first character
    };

    static QList<Statement> split(const QString &script);
    // The 1-based line of a character offset in the script.
    static int lineAt(const QString &script, int offset);
    // The statement's code alone: comments, string literals, quoted identifiers and dollar-quoted
    // bodies become spaces (offsets are kept), so keywords can be searched for safely. The text of
    // each dollar-quoted body and '...' literal (quotes undoubled) is appended to *bodies.
    static QString codeOnly(const QString &sql, QStringList *bodies = nullptr);
};

} // namespace strata::core
