#include "toolcommand.h"

#include <QRegularExpression>

namespace strata::core {

QString ToolCommand::shellQuote(const QString &arg)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:=,+@%-]+$"));
    if (plain.match(arg).hasMatch())
        return arg;
    QString q = arg;
    q.replace(u'\'', QStringLiteral("'\\''"));
    return u'\'' + q + u'\'';
}

QString ToolCommand::display() const
{
    QStringList parts { shellQuote(program) };
    for (const QString &a : arguments)
        parts << shellQuote(a);
    return parts.join(u' ');
}

} // namespace strata::core
