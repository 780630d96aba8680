// Where convstudio-cli finds models: a path to a .json architecture or a
// .safetensors model, or the name of a course preset (engine/model/presets.h).
#pragma once

#include "model/model_file.h"

#include <string>
#include <vector>

namespace cli {

cs::LoadedModel openModel(const std::string& pathOrPreset);

} // namespace cli
