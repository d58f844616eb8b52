#include "cliargs.h"

namespace strata::cli {

CliArgs::CliArgs(const QStringList &args, const QStringList &withValue, const QStringList &flags)
{
    for (int i = 0; i < args.size() && m_problem.isEmpty(); ++i) {
        const QString a = args[i];
        QString key = a;
        QString inlineValue;
        bool hasInline = false;
        if (a.startsWith(QLatin1String("--")) && a.contains(u'=')) {
            key = a.section(u'=', 0, 0);
            inlineValue = a.section(u'=', 1);
            hasInline = true;
        }
        if (withValue.contains(key)) {
            if (!hasInline && i + 1 >= args.size()) {
                m_problem = QStringLiteral("%1 needs a value.").arg(key);
                break;
            }
            m_values[key] << (hasInline ? inlineValue : args[++i]);
        } else if (flags.contains(a)) {
            m_flags.insert(a);
        } else if (a.startsWith(u'-') && a.size() > 1) {
            m_problem = QStringLiteral("Unknown option %1.").arg(a);
        } else {
            m_positional << a;
        }
    }
}

QString CliArgs::value(const QString &option, const QString &fallback) const
{
    const QStringList v = m_values.value(option);
    return v.isEmpty() ? fallback : v.last();
}

int CliArgs::number(const QString &option, int fallback)
{
    if (!m_values.contains(option))
        return fallback;
    bool ok = false;
    const int n = value(option).toInt(&ok);
    if (!ok || n < 0) {
        if (m_problem.isEmpty())
            m_problem
                = QStringLiteral("%1 takes a whole number, not \"%2\".").arg(option, value(option));
        return fallback;
    }
    return n;
}

} // namespace strata::cli
