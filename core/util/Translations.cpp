#include "util/Translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace foidesk {

void installAppTranslations()
{
    auto *english = new QTranslator(QCoreApplication::instance());
    if (english->load(QStringLiteral(":/i18n/foidesk_en.qm")))
        QCoreApplication::installTranslator(english);
    else
        delete english;

    // Installed later, searched first: the user's language wins where it has a message.
    const QLocale locale;
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return;
    auto *local = new QTranslator(QCoreApplication::instance());
    if (local->load(
            locale, QStringLiteral("foidesk"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        && local->language() != QLatin1String("en")) {
        QCoreApplication::installTranslator(local);
    } else {
        delete local;
    }
}

} // namespace foidesk
