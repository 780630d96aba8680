// The engine's texts in the interface's language. The engine marks the
// literals it shows a person (the help of its spec tables, a layer block's
// labels) with CS_NOOP(context, text) (engine/core/setting_spec.h); specText
// translates such a literal in its context with the installed translators.
//
//   combo->setItemData(i, specText("cs::OptimizerSpec", spec.help), Qt::ToolTipRole);
#pragma once

#include <QString>
#include <string>

namespace ui {

// A literal the engine marked with CS_NOOP(context, ...); without a
// translation, the English text.
QString specText(const char* context, const std::string& text);

} // namespace ui
