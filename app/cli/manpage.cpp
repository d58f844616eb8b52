// strata-cli --man: the man page strata-cli(1), written from the registered commands so that it
// says what the program does (the build installs its output).
#include "command.h"

#include <QRegularExpression>

namespace strata::cli {

namespace {

// troff: a line may not start with . or ', and \ is the escape character.
QString escaped(QString text)
{
    text.replace(u'\\', QStringLiteral("\\e"));
    text.replace(u'-', QStringLiteral("\\-"));
    QStringList lines = text.split(u'\n');
    for (QString &l : lines)
        if (l.startsWith(u'.') || l.startsWith(u'\''))
            l.prepend(QStringLiteral("\\&"));
    return lines.join(u'\n');
}

} // namespace

QString manPage(const QString &version)
{
    auto list = commands();
    std::sort(list.begin(), list.end(),
        [](const Command &a, const Command &b) { return qstrcmp(a.name, b.name) < 0; });
    QString t = QStringLiteral(".TH STRATA\\-CLI 1 \"2026\" \"Strata %1\" \"User Commands\"\n"
                               ".SH NAME\nstrata\\-cli \\- Strata's command line for PostgreSQL\n"
                               ".SH SYNOPSIS\n.B strata\\-cli\n.I COMMAND\n[\\fIARGS\\fR...]\n"
                               ".br\n.B strata\\-cli\n.IR COMMAND \" \\-\\-help\"\n"
                               ".SH DESCRIPTION\n")
                    .arg(version);
    t += escaped(QStringLiteral(
        "strata-cli is the same core as the desktop program strata(1), without a window: whatever "
        "the window can do, a script can do. CONNINFO is a libpq connection string or a "
        "postgresql:// URI; passwords come from ~/.pgpass or PGPASSWORD (or the keychain for a "
        "saved connection), never from the command line. Messages and errors go to standard "
        "error; results (and --json) to standard output."));
    t += QStringLiteral("\n.SH COMMANDS\n");
    for (const Command &c : list) {
        t += QStringLiteral(".TP\n.B %1\n%2\n")
                 .arg(escaped(QString::fromUtf8(c.usage).simplified()),
                     escaped(QString::fromUtf8(c.summary).simplified()));
        if (c.details && *c.details)
            t += QStringLiteral(".IP\n%1\n").arg(escaped(QString::fromUtf8(c.details)));
    }
    t += QStringLiteral(
        ".SH EXIT STATUS\n.TP\n.B 0\nThe command did what it was asked, and every check it made "
        "passed.\n.TP\n.B 1\nIt ran and failed, or found a problem: the connection failed, a job "
        "failed or was refused, a check did not match (the message on standard error says which "
        "and what to do).\n.TP\n.B 2\nWrong usage: an unknown command or option, or an option "
        "value that makes no sense.\n.TP\n.BR 129 \", \" 130 \", \" 143\nInterrupted by SIGHUP, "
        "SIGINT or SIGTERM: the running tool was stopped, partial files removed and a database "
        "the command had made dropped.\n");
    t += QStringLiteral(".SH ENVIRONMENT\nEvery \\fBPG*\\fR variable libpq knows applies. "
                        "\\fBSTRATA_DEMO_DIR\\fR chooses the demo cluster's folder.\n"
                        ".SH SEE ALSO\n.BR strata (1),\n.BR pg_dump (1),\n.BR pg_restore (1),\n"
                        ".BR psql (1)\n");
    return t;
}

} // namespace strata::cli
