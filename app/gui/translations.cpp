#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace strata::gui {

QString installTranslations(QCoreApplication *app)
{
    const QLocale locale;
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *strata = new QTranslator(app);
    if (strata->load(
            locale, QStringLiteral("strata"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(strata);
        return strata->filePath();
    }
    delete strata;
    return {};
}

} // namespace strata::gui
