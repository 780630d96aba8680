// Application icons from resources/icons (compiled in via convstudio.qrc).
// Toolbar and page icons are drawn with `currentColor` strokes: themedIcon()
// paints them in the palette's text colour, so they read on light and dark
// palettes alike. Call initResources() once before the first icon.
#pragma once

#include <QIcon>
#include <QPalette>
#include <QString>

namespace ui {

void initResources();
QIcon themedIcon(const QString& name, const QPalette& palette);
QIcon applicationIcon();

} // namespace ui
