// The interface's language: the system's (the default) or one the person chose
// under View > Language, stored in QSettings ("language": "system", "en", "es")
// and applied at the next start, when main() installs the translators. The
// Spanish translation is translations/convstudio_es.ts, built into the program
// as :/i18n/convstudio_es.qm; Qt's own texts (standard dialog buttons) come
// from qtbase_es.qm when the system has it (Debian: qt6-translations-l10n).
//
//   installTranslators(interfaceLanguage());   // in main(), before the window
#pragma once

#include <QString>
#include <QStringList>

namespace ui {

QStringList interfaceLanguages(); // "en", "es": the languages the interface has
QString languageSetting();        // "system", "en" or "es"
void setLanguageSetting(const QString& choice);
// The language the interface uses: the setting, or the system's when it has a
// translation (else English).
QString interfaceLanguage();
// The built-in translation of `language` (":/i18n/convstudio_es.qm").
QString translationFile(const QString& language);
// Loads the translators of `language` into the application ("en": none).
// False when its translation could not be loaded.
bool installTranslators(const QString& language);

} // namespace ui
