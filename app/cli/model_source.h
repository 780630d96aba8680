// Where convstudio-cli finds models: a path to a .json architecture or a
// .safetensors model, or the name of a course preset (resources/presets),
// looked up in $CONVSTUDIO_PRESETS, next to the installed binary
// (../share/convstudio/presets) and in the source tree it was built from.
#pragma once

#include "model/model_file.h"

#include <string>
#include <vector>

namespace cli {

std::string presetsDir();
std::vector<std::string> presetNames();
cs::LoadedModel openModel(const std::string& pathOrPreset);

} // namespace cli
