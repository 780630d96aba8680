// Does the window fit a 1280-pixel screen? The window's minimum width is the widest of its
// pages' (a QStackedWidget asks every page), so the check names the widgets that set it.
#pragma once

#include <QString>

class QWidget;

namespace uitest {

// The widest a window may need: a 1280-pixel screen less a window manager's frame.
constexpr int kScreenWidth = 1280;
constexpr int kFrameAllowance = 10;

// Empty when `window` fits; else its minimum width and, deepest first, the visible widgets
// whose minimum width makes up most of it (class, object name, text, minimum width).
QString tooWideFor1280(QWidget* window);

// Empty when every visible word-wrapped label under `root` has the height its lines need at
// its width; else those that do not, one per line.
QString cutWrappedText(QWidget* root);

// Empty when every visible combo box under `root` shows its current text whole; else those
// that cut it, one per line.
QString cutComboText(QWidget* root);

} // namespace uitest
