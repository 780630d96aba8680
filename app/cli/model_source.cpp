#include "app/cli/model_source.h"

#include "app/cli/cli_options.h"
#include "engine/core/errors.h"
#include "engine/model/presets.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace fs = std::filesystem;

namespace cli {

namespace {

// A file whose layers do not fit together (a kernel larger than its input, a
// Dense on an image) fails here, naming the file: every command needs the
// shapes, and later the message would name only the layer.
cs::LoadedModel withCheckedShapes(const std::string& path) {
    cs::LoadedModel m = cs::loadAnyModel(path);
    try {
        m.model.inferShapes();
    } catch (const cs::ShapeError& e) {
        throw cs::ShapeError(path + ": " + e.what());
    }
    return m;
}

} // namespace

cs::LoadedModel openModel(const std::string& arg) {
    std::error_code ec;
    if (fs::exists(arg, ec)) return withCheckedShapes(arg);
    const std::string preset = arg.find('/') == std::string::npos ? cs::presetPath(arg) : std::string();
    if (!preset.empty()) return withCheckedShapes(preset);
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
