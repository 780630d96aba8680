#include "model_source.h"

#include "cli_options.h"
#include "core/errors.h"
#include "model/presets.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace fs = std::filesystem;

namespace cli {

cs::LoadedModel openModel(const std::string& arg) {
    std::error_code ec;
    if (fs::exists(arg, ec)) return cs::loadAnyModel(arg);
    const std::string preset = arg.find('/') == std::string::npos ? cs::presetPath(arg) : std::string();
    if (!preset.empty()) return cs::loadAnyModel(preset);
    std::string list;
    for (auto& p : cs::listPresets()) list += (list.empty() ? "" : ", ") + p.name;
    throw cs::IoError(arg + ": no such file, and not a preset name (presets: " + list + ")");
}

cs::LoadedModel openTrainedModel(const std::string& arg) {
    cs::LoadedModel m = openModel(arg);
    if (m.metadata.classNames.empty())
        throw cs::FormatError(arg + ": has no trained weights (an architecture only): train it first");
    return m;
}

int layerNode(const cs::Model& model, const std::string& name) {
    const int node = model.findNode(name);
    if (node < 0) throw UsageError("no layer named '" + name + "'");
    return node;
}

} // namespace cli
