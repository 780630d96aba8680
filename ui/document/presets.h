// The course's model presets for the window: the engine's lookup
// (engine/model/presets.h), shared with convstudio-cli.
#pragma once

#include "engine/model/presets.h"

namespace ui {

using cs::kDefaultPreset;
using cs::listPresets;
using cs::PresetInfo;
using cs::presetPath;
using cs::presetsDir;

} // namespace ui
