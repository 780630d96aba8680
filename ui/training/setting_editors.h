// Editors set up from the engine's spec tables (engine/core/setting_spec.h):
// the range, step, decimals, unit and tooltip of a spin box come from the
// setting's SettingSpec, so the window offers what convstudio-cli accepts and
// docs/formats.md lists.
#pragma once

#include "engine/core/setting_spec.h"

#include <QString>

class QDoubleSpinBox;
class QSpinBox;

namespace ui {

// The help of a setting, translated, with its accepted range: "step size of
// each update — [1e-12, 10]".
QString settingTooltip(const cs::SettingSpec& spec);
// Decimals that show the setting's step and editor range: 0 for whole steps
// over a whole range, else at least 2.
int decimalsFor(const cs::SettingSpec& spec);
void applySpec(QDoubleSpinBox* spin, const cs::SettingSpec& spec);
void applySpec(QSpinBox* spin, const cs::SettingSpec& spec);

} // namespace ui
