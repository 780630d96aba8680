// The engine's texts in the interface's language. The engine marks what it
// shows a person (a model's problem, a quick fix, a layer's help) with CS_TEXT
// or CS_NOOP (engine/core/user_text.h); these functions translate the English
// format in its context with the installed translators, then fill in the
// arguments, which are names, numbers and shapes and stay as they are.
//
//   problemLabel->setText(engineText(report.layers[i].problem));
//   description->setText(specText("cs::LayerSpec", spec.description));
#pragma once

#include "engine/core/user_text.h"

#include <QString>
#include <exception>
#include <string>

namespace ui {

QString engineText(const cs::UserText& text);
// A literal the engine marked with CS_NOOP(context, ...).
QString specText(const char* context, const std::string& text);
// An exception's message: translated when the engine made it with CS_TEXT, else as is.
QString errorText(const std::exception& error);

} // namespace ui
