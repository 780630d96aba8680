// Where convstudio-cli finds models: a path to a .json architecture or a
// .safetensors model, or the name of a course preset (engine/model/presets.h).
#pragma once

#include "engine/model/model_file.h"

#include <string>
#include <vector>

namespace cli {

cs::LoadedModel openModel(const std::string& pathOrPreset);
// The same, for commands that need trained weights: FormatError for an architecture alone.
cs::LoadedModel openTrainedModel(const std::string& pathOrPreset);
// The node of the layer named by --layer; UsageError when there is none.
int layerNode(const cs::Model& model, const std::string& name);

} // namespace cli
