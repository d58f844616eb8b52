#pragma once

#include "result.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

namespace strata::core {

// An identifier pasted into a statement template: the placeholder's name ("table" for
// {{table}}) and the name's parts ({"public", "Orders"} for a schema-qualified table), each part
// quoted on its own.
struct SqlIdentifier
{
    QString placeholder;
    QStringList parts;
};
using SqlIdentifiers = QList<SqlIdentifier>;

// The statements in sql/, compiled in as resources under ":/sql". A name is the path without the
// extension ("catalog/relations"); version variants sit beside it ("stats/sessions.pg17.sql") and
// the newest variant not newer than the server wins.
//
// Values always go in as bind parameters ($1). Identifiers that a statement cannot take as
// parameters (a table to read, a utility statement's object) are the one template syntax:
// {{name}}, filled by fill() with each part quoted. Comment lines a file may carry for its test:
//   -- strata:fixture: SQL   objects the statement reads, made with the same placeholders;
//                            the statement test fills both with awkward names and PREPAREs it
//   -- strata:utility        a statement PREPARE does not take: the test executes it instead
//   -- strata:script         several statements run whole (execScript); the test executes it
// The registry checks every file when it loads: a placeholder in another syntax (%1) or a
// malformed one is listed by problems(), which a test requires to be empty.
class SqlRegistry
{
public:
    static const SqlRegistry &instance();

    // The statement text for a server of this major version; empty when there is no such file.
    QString text(const QString &name, int serverMajor = 99) const;
    bool contains(const QString &name) const;
    // Every file, as resource paths (":/sql/catalog/relations.sql"), for the statement test.
    QStringList allFiles() const;
    // What is wrong with the files, one line each ("stats/x.sql: %1 is not a placeholder").
    QStringList problems() const { return m_problems; }

    // The placeholders a text uses, in order of first use.
    static QStringList placeholders(const QString &text);
    // The text with every placeholder replaced by its identifier, each part quoted by quote().
    // An error names a placeholder left unfilled; identifiers the text does not use are ignored
    // (a caller may offer names that only some variants or frameworks use).
    static Result<QString> fill(const QString &text, const SqlIdentifiers &identifiers,
        const std::function<QString(const QString &)> &quote);
    // The fixture lines of a file's text (see above), joined; empty when it has none.
    static QString fixture(const QString &text);
    // What the load-time check finds wrong with one file's text.
    static QStringList problemsIn(const QString &file, const QString &text);

private:
    SqlRegistry();

    struct Variant
    {
        int minMajor; // 0 for the base file
        QString text;
    };
    QHash<QString, QList<Variant>> m_statements;
    QStringList m_files;
    QStringList m_problems;
};

} // namespace strata::core
