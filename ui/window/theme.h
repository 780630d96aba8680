// Light and dark palettes on the Fusion style, chosen in View ▸ Theme and
// remembered. "System" keeps the platform's palette. Colours are picked so
// that text, canvas blocks, chart labels and the red/orange problem marks
// stay legible on both.
#pragma once

#include <QString>

namespace ui {

enum class Theme { System, Light, Dark };

Theme themeFromName(const QString& name); // "system", "light", "dark"
QString themeName(Theme theme);
void applyTheme(Theme theme);

} // namespace ui
