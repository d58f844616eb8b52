#include "sqlhighlighter.h"

#include "theme.h"

namespace strata::ui {

SqlHighlighter::SqlHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    // Colours for the palette in use: a dark one gets lighter tones of the same hues.
    const bool dark = theme::isDark();
    auto colour
        = [dark](QRgb light, QRgb onDark) { return QColor::fromRgb(dark ? onDark : light); };
    QTextCharFormat keyword;
    keyword.setForeground(colour(0x003399, 0x82aaff));
    keyword.setFontWeight(QFont::Bold);
    const QString words = QStringLiteral(
        "ADD|ALTER|ALWAYS|AND|AS|ASC|BEGIN|BY|CASCADE|CHECK|COLUMN|COMMENT|CONSTRAINT|CREATE|"
        "DEFAULT|DEFERRABLE|DELETE|DESC|DOMAIN|DROP|EACH|ENUM|EXECUTE|EXISTS|EXTENSION|FOR|"
        "FOREIGN|FROM|FUNCTION|GENERATED|GRANT|IDENTITY|IF|IN|INDEX|INHERITS|INSERT|INTO|IS|KEY|"
        "LANGUAGE|LIMIT|LIST|MATERIALIZED|NOT|NULL|OF|ON|ONLY|OR|OWNED|OWNER|PARTITION|PRIMARY|"
        "PROCEDURE|RANGE|REFERENCES|REPLACE|RETURNS|REVOKE|ROW|SCHEMA|SELECT|SEQUENCE|SET|START|"
        "STORED|TABLE|TO|TRIGGER|TYPE|UNIQUE|UNLOGGED|UPDATE|USING|VALUES|VERSION|VIEW|WHERE|"
        "WITH|HASH|MODULUS|REMAINDER|INCREMENT|MINVALUE|MAXVALUE|CACHE|NO|CYCLE|USAGE|ALL|"
        "JOIN|LEFT|RIGHT|INNER|OUTER|GROUP|ORDER|HAVING|UNION|CASE|WHEN|THEN|ELSE|END|RETURN|"
        "DECLARE|STABLE|IMMUTABLE|VOLATILE|STRICT|SECURITY|DEFINER");
    m_rules.append({ QRegularExpression(QStringLiteral("\\b(%1)\\b").arg(words),
                         QRegularExpression::CaseInsensitiveOption),
        keyword });
    QTextCharFormat number;
    number.setForeground(colour(0x994400, 0xf78c6c));
    m_rules.append({ QRegularExpression(QStringLiteral("\\b\\d+(\\.\\d+)?\\b")), number });
    QTextCharFormat ident;
    ident.setForeground(colour(0x006666, 0x89ddff));
    m_rules.append({ QRegularExpression(QStringLiteral("\"([^\"]|\"\")*\"")), ident });
    QTextCharFormat str;
    str.setForeground(colour(0x228822, 0xc3e88d));
    m_rules.append({ QRegularExpression(QStringLiteral("'([^']|'')*'")), str });
    m_comment.setForeground(theme::text(theme::Tone::Muted));
    m_comment.setFontItalic(true);
    m_rules.append({ QRegularExpression(QStringLiteral("--[^\\n]*")), m_comment });
}

void SqlHighlighter::highlightBlock(const QString &text)
{
    for (const Rule &rule : std::as_const(m_rules)) {
        auto it = rule.pattern.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            setFormat(int(m.capturedStart()), int(m.capturedLength()), rule.format);
        }
    }
    // Block comments may span lines.
    int start = previousBlockState() == 1 ? 0 : int(text.indexOf(QLatin1String("/*")));
    setCurrentBlockState(0);
    while (start >= 0) {
        const int end = int(text.indexOf(QLatin1String("*/"), start));
        if (end < 0) {
            setCurrentBlockState(1);
            setFormat(start, int(text.size()) - start, m_comment);
            break;
        }
        setFormat(start, end - start + 2, m_comment);
        start = int(text.indexOf(QLatin1String("/*"), end + 2));
    }
}

} // namespace strata::ui
