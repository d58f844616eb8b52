#include "theme.h"

#include <QApplication>
#include <QChart>
#include <QStyle>
#include <QStyleFactory>

#include <memory>

namespace strata::ui::theme {

namespace {

struct Pair
{
    QColor light;
    QColor dark;
};

Pair textColours(Tone tone)
{
    switch (tone) {
    case Tone::Info:
        return { QColor(0x1d, 0x35, 0x57), QColor(0x9c, 0xc6, 0xf0) };
    case Tone::Warning:
        return { QColor(0x5c, 0x44, 0x00), QColor(0xf0, 0xc8, 0x60) };
    case Tone::Error:
        return { QColor(0xa0, 0x10, 0x10), QColor(0xff, 0x8a, 0x80) };
    case Tone::Ok:
        return { QColor(0x1d, 0x6b, 0x2a), QColor(0x81, 0xd4, 0x8a) };
    case Tone::Muted:
        return { QColor(0x70, 0x70, 0x70), QColor(0x9a, 0x9a, 0x9a) };
    }
    return {};
}

Pair fillColours(Tone tone)
{
    switch (tone) {
    case Tone::Info:
        return { QColor(0xee, 0xf4, 0xfb), QColor(0x1c, 0x2b, 0x3c) };
    case Tone::Warning:
        return { QColor(0xff, 0xf4, 0xce), QColor(0x3d, 0x32, 0x10) };
    case Tone::Error:
        return { QColor(0xfd, 0xe7, 0xe7), QColor(0x46, 0x1c, 0x1c) };
    case Tone::Ok:
        return { QColor(0xe8, 0xf5, 0xe9), QColor(0x1b, 0x35, 0x1f) };
    case Tone::Muted:
        return { QColor(0xee, 0xee, 0xee), QColor(0x33, 0x33, 0x33) };
    }
    return {};
}

} // namespace

bool isDark(const QPalette &palette)
{
    // Darker window than text: a dark scheme, whatever the style calls it.
    return palette.color(QPalette::Window).lightness()
        < palette.color(QPalette::WindowText).lightness();
}

bool isDark()
{
    return isDark(QApplication::palette());
}

QColor text(Tone tone, const QPalette &palette)
{
    const Pair p = textColours(tone);
    return isDark(palette) ? p.dark : p.light;
}

QColor text(Tone tone)
{
    return text(tone, QApplication::palette());
}

QColor fill(Tone tone, const QPalette &palette)
{
    const Pair p = fillColours(tone);
    return isDark(palette) ? p.dark : p.light;
}

QColor fill(Tone tone)
{
    return fill(tone, QApplication::palette());
}

QColor border(Tone tone)
{
    const QColor t = text(tone);
    const QColor f = fill(tone);
    return QColor((t.red() + f.red() * 2) / 3, (t.green() + f.green() * 2) / 3,
        (t.blue() + f.blue() * 2) / 3);
}

QString bannerStyle(Tone tone, int padding)
{
    return QStringLiteral("QLabel { background: %1; color: %2; border: 1px solid %3; "
                          "padding: %4px; }")
        .arg(fill(tone).name(), text(tone).name(), border(tone).name())
        .arg(padding);
}

QString textStyle(Tone tone)
{
    return QStringLiteral("color: %1;").arg(text(tone).name());
}

void styleChart(QChart *chart)
{
    const QPalette p = QApplication::palette();
    chart->setTheme(isDark(p) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    // The window's own colours, so the chart sits in the page instead of on a card.
    chart->setBackgroundBrush(p.color(QPalette::Base));
    chart->setTitleBrush(p.color(QPalette::Text));
    chart->legend()->setLabelColor(p.color(QPalette::Text));
}

QPalette fusionPalette(bool dark)
{
    if (!dark) {
        const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
        return fusion ? fusion->standardPalette() : QPalette();
    }
    const QColor window(0x2b, 0x2d, 0x31), base(0x1f, 0x21, 0x24), text(0xe6, 0xe6, 0xe6);
    const QColor button(0x35, 0x38, 0x3d), highlight(0x3d, 0x7c, 0xc9), link(0x8a, 0xb8, 0xf0);
    QPalette p(window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, button);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8d, 0x93));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, link);
    p.setColor(QPalette::LinkVisited, link.darker(120));
    p.setColor(QPalette::Light, button.lighter(150));
    p.setColor(QPalette::Midlight, button.lighter(125));
    p.setColor(QPalette::Mid, button.darker(120));
    p.setColor(QPalette::Dark, base.darker(130));
    p.setColor(QPalette::Shadow, Qt::black);
    const QColor disabled(0x80, 0x80, 0x80);
    for (auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, button);
    return p;
}

bool applyPalette(const QString &name)
{
    const bool dark = name == QLatin1String("dark");
    if (!dark && name != QLatin1String("light"))
        return name.isEmpty() || name == QLatin1String("system");
    QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(fusionPalette(dark));
    return true;
}

QString detailsCss()
{
    const QPalette p = QApplication::palette();
    const QColor header
        = isDark(p) ? p.color(QPalette::Base).lighter(160) : QColor(0xe8, 0xec, 0xf2);
    const QColor rule = isDark(p) ? p.color(QPalette::Base).lighter(140) : QColor(0xe4, 0xe4, 0xe4);
    return QStringLiteral("<style>"
                          "table { border-collapse: collapse; margin-bottom: 10px; }"
                          "th { background: %1; text-align: left; padding: 3px 8px; }"
                          "td { padding: 2px 8px; border-bottom: 1px solid %2; "
                          "vertical-align: top; }"
                          "td.k { color: %3; font-weight: bold; }"
                          "code, pre { font-family: monospace; }"
                          "h2 { margin-bottom: 2px; } h3 { margin-top: 14px; margin-bottom: 4px; }"
                          "</style>")
        .arg(header.name(), rule.name(), text(Tone::Muted, p).name());
}

} // namespace strata::ui::theme
