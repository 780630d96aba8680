#include "ui/window/engine_text.h"

#include <QCoreApplication>

namespace ui {

QString specText(const char* context, const std::string& text) {
    return QCoreApplication::translate(context, text.c_str());
}

} // namespace ui
