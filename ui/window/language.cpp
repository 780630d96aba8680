#include "ui/window/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

// Q_INIT_RESOURCE must be used outside any namespace; the .qm files are compiled
// into the static ui library (translations/translations.cmake).
static void initTranslationResources() {
    Q_INIT_RESOURCE(translations);
}

namespace ui {

QStringList interfaceLanguages() {
    return {QStringLiteral("en"), QStringLiteral("es")};
}

QString languageSetting() {
    const QString choice = QSettings().value("language", "system").toString();
    return interfaceLanguages().contains(choice) ? choice : QStringLiteral("system");
}

void setLanguageSetting(const QString& choice) {
    QSettings().setValue("language", choice);
}

QString interfaceLanguage() {
    const QString choice = languageSetting();
    if (choice != QLatin1String("system")) return choice;
    // uiLanguages() follows LANGUAGE and LC_ALL/LC_MESSAGES/LANG: the first one we have wins.
    for (const QString& name : QLocale::system().uiLanguages()) {
        const QString language = QLocale(name).name().section('_', 0, 0);
        if (interfaceLanguages().contains(language)) return language;
    }
    return QStringLiteral("en");
}

QString translationFile(const QString& language) {
    initTranslationResources();
    return QStringLiteral(":/i18n/convstudio_%1.qm").arg(language);
}

bool installTranslators(const QString& language) {
    if (language == QLatin1String("en")) return true;
    // Parented to the application: they live as long as it does.
    auto* ours = new QTranslator(QCoreApplication::instance());
    if (!ours->load(translationFile(language))) {
        delete ours;
        return false;
    }
    QCoreApplication::installTranslator(ours);
    auto* qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QStringLiteral("qtbase_%1").arg(language),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt; // optional: Qt's buttons then stay English
    return true;
}

} // namespace ui
