#include "transactionmode.h"

#include "migrations/folderreader.h"
#include "migrations/sqlsplitter.h"

#include <QRegularExpression>
#include <QSet>

namespace strata::core {

namespace {

// The statement's code in upper case with single spaces: "CREATE UNIQUE INDEX CONCURRENTLY X ...".
QString words(const QString &code)
{
    return code.simplified().toUpper();
}

bool commitsInside(const QStringList &bodies)
{
    static const QRegularExpression re(
        QStringLiteral(R"(\b(COMMIT|ROLLBACK)\b)"), QRegularExpression::CaseInsensitiveOption);
    for (const QString &body : bodies)
        if (re.match(SqlSplitter::codeOnly(body)).hasMatch())
            return true;
    return false;
}

// The statements PostgreSQL refuses inside a transaction block, by how they start.
QString outsideTransactionOnly(const QString &w)
{
    static const QList<std::pair<QRegularExpression, const char *>> rules = {
        { QRegularExpression(QStringLiteral(R"(^CREATE (UNIQUE )?INDEX CONCURRENTLY\b)")),
            "CREATE INDEX CONCURRENTLY" },
        { QRegularExpression(QStringLiteral(R"(^DROP INDEX CONCURRENTLY\b)")),
            "DROP INDEX CONCURRENTLY" },
        { QRegularExpression(QStringLiteral(R"(^REINDEX\b.*\bCONCURRENTLY\b)")),
            "REINDEX CONCURRENTLY" },
        { QRegularExpression(QStringLiteral(R"(^REINDEX (\([^)]*\) )?(DATABASE|SYSTEM)\b)")),
            "REINDEX DATABASE/SYSTEM" },
        { QRegularExpression(QStringLiteral(R"(^VACUUM\b)")), "VACUUM" },
        { QRegularExpression(QStringLiteral(R"(^CREATE DATABASE\b)")), "CREATE DATABASE" },
        { QRegularExpression(QStringLiteral(R"(^DROP DATABASE\b)")), "DROP DATABASE" },
        { QRegularExpression(QStringLiteral(R"(^CREATE TABLESPACE\b)")), "CREATE TABLESPACE" },
        { QRegularExpression(QStringLiteral(R"(^DROP TABLESPACE\b)")), "DROP TABLESPACE" },
        { QRegularExpression(QStringLiteral(R"(^ALTER SYSTEM\b)")), "ALTER SYSTEM" },
        { QRegularExpression(
              QStringLiteral(R"(^ALTER TABLE .*\bDETACH PARTITION .*\bCONCURRENTLY\b)")),
            "DETACH PARTITION CONCURRENTLY" },
    };
    for (const auto &[re, name] : rules)
        if (re.match(w).hasMatch())
            return QLatin1String(name);
    return {};
}

// The routine's name after a keyword, without schema or quotes, in lower case:
// CALL app."Fill"(...) -> fill. Read from the statement as written (codeOnly hides quoted names).
QString routineName(const QString &statement, const QString &keyword)
{
    const QRegularExpression re(keyword + QStringLiteral(R"re(\s+((?:"[^"]*"|[^\s("])+)\s*\()re"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(statement);
    if (!m.hasMatch())
        return {};
    QString name = m.captured(1);
    static const QRegularExpression last(QStringLiteral(R"re((?:"([^"]*)"|([^."]+))$)re"));
    const auto l = last.match(name);
    if (l.hasMatch())
        name = l.captured(1).isEmpty() ? l.captured(2) : l.captured(1);
    return name.toLower();
}

} // namespace

TransactionMode TransactionMode::of(const QString &text, const QSet<QString> &inDatabase)
{
    static const QRegularExpression control(QStringLiteral(
        R"(^(BEGIN|START TRANSACTION|COMMIT|END|ROLLBACK|ABORT|PREPARE TRANSACTION)\b)"));
    TransactionMode result;
    TransactionMode noTransaction;
    QSet<QString> committingProcedures = inDatabase;
    for (const auto &st : SqlSplitter::split(text)) {
        QStringList bodies;
        const QString w = words(SqlSplitter::codeOnly(st.text, &bodies));
        if (const auto m = control.match(w); m.hasMatch()) {
            result.mode = Mode::AsWritten;
            result.line = st.line;
            result.reason = QStringLiteral("the file runs its own %1 (line %2), so it runs as "
                                           "written, not inside Strata's transaction")
                                .arg(m.captured(1))
                                .arg(st.line);
            return result;
        }
        if (noTransaction.mode != Mode::Wrapped)
            continue; // the first reason is enough; keep looking for transaction control
        QString why;
        if (const QString what = outsideTransactionOnly(w); !what.isEmpty()) {
            why = QStringLiteral("%1 (line %2) cannot run inside a transaction block")
                      .arg(what)
                      .arg(st.line);
        } else if (w.startsWith(QLatin1String("DO ")) || w == QLatin1String("DO")) {
            if (commitsInside(bodies))
                why = QStringLiteral("the DO block at line %1 commits or rolls back, which is "
                                     "not allowed inside a transaction block")
                          .arg(st.line);
        } else if (w.contains(
                       QRegularExpression(QStringLiteral(R"(^CREATE (OR REPLACE )?PROCEDURE )")))) {
            if (commitsInside(bodies))
                committingProcedures.insert(routineName(st.text, QStringLiteral("PROCEDURE")));
        } else if (w.startsWith(QLatin1String("CALL "))) {
            if (committingProcedures.contains(routineName(st.text, QStringLiteral("CALL"))))
                why = QStringLiteral("CALL at line %1 runs a procedure that commits, which is "
                                     "not allowed inside a transaction block")
                          .arg(st.line);
        }
        if (!why.isEmpty()) {
            noTransaction.mode = Mode::NoTransaction;
            noTransaction.line = st.line;
            noTransaction.reason = why;
        }
    }
    for (const auto line : QStringView(text).split(u'\n'))
        if (line.trimmed() == QLatin1String(FolderReader::noTransactionMarker)) {
            TransactionMode marked;
            marked.mode = Mode::NoTransaction;
            marked.reason = QStringLiteral("the file says %1")
                                .arg(QLatin1String(FolderReader::noTransactionMarker));
            if (noTransaction.mode != Mode::Wrapped)
                marked.reason += QStringLiteral("; ") + noTransaction.reason;
            return marked;
        }
    return noTransaction;
}

QString TransactionMode::describe() const
{
    switch (mode) {
    case Mode::Wrapped:
        return QStringLiteral("in one transaction");
    case Mode::NoTransaction:
        return QStringLiteral("outside a transaction, statement by statement: %1").arg(reason);
    case Mode::AsWritten:
        return QStringLiteral("statement by statement: %1").arg(reason);
    }
    return {};
}

} // namespace strata::core
