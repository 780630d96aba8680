#include "ui/document/project_file.h"

#include "engine/core/errors.h"
#include "engine/interop/keras_import.h"
#include "engine/io/atomic_file.h"
#include "engine/model/model_file.h"

#include <algorithm>
#include <cctype>

namespace ui {

cs::Json projectJson(const ModelGraph& graph, const ProjectSettings& settings) {
    cs::Json root = cs::Json::object();
    root["format"] = kProjectFormat;
    root["version"] = kProjectVersion;
    root["model"] = graph.toJson();
    const cs::Json parts = settings.toJson();
    for (const auto& [key, value] : cs::json::members(parts))
        root[key] = value;
    return root;
}

ProjectContent projectFromJson(const cs::Json& root) {
    if (!root.is_object())
        throw cs::FormatError(CS_TEXT("cs::Files", "a project must be a JSON object"));
    const int version = cs::json::getInt(root, "version", kProjectVersion);
    if (version > kProjectVersion)
        throw cs::FormatError(CS_TEXT("cs::Files", "project version %1 is newer than this "
                                                   "ConvStudio understands (%2)")
                                  .arg(version)
                                  .arg(kProjectVersion));
    ProjectContent content;
    content.graph = ModelGraph::fromJson(cs::json::at(root, "model"));
    content.settings = ProjectSettings::fromJson(root);
    content.isProject = true;
    return content;
}

ProjectContent readProjectFile(const std::string& path, const ProjectSettings& defaults) {
    try {
        std::string text = cs::readWholeFile(path, size_t(1) << 30);
        const auto first = std::find_if(text.begin(), text.end(),
                                        [](char c) { return !std::isspace(uint8_t(c)); });
        const bool isJson = first != text.end() && (*first == '{' || uint8_t(*first) == 0xEF);
        if (!isJson) {
            // A trained model (.safetensors, ONNX or Keras .h5): its architecture and the
            // preprocessing it was trained with.
            cs::LoadedModel loaded = cs::loadAnyModel(path);
            ProjectContent content;
            content.graph = ModelGraph::fromModel(loaded.model);
            content.settings = defaults;
            content.settings.preprocessing = loaded.metadata.preprocessing;
            return content;
        }
        const cs::Json root = cs::json::parse(
            std::string_view(text).substr(uint8_t(text[0]) == 0xEF && text.size() >= 3 ? 3 : 0));
        if (root.is_object() && cs::json::getString(root, "format", "") == kProjectFormat)
            return projectFromJson(root);
        ProjectContent content;
        if (cs::isKerasModelJson(root)) { // Keras's model.to_json()
            content.graph = ModelGraph::fromModel(cs::loadKerasJsonDocument(path, root).model);
            content.settings = defaults;
            return content;
        }
        content.graph = ModelGraph::fromJson(root);
        content.settings = defaults;
        return content;
    } catch (const cs::Error& e) {
        const std::string what = e.what();
        if (what.rfind(path, 0) == 0) throw;
        throw cs::FormatError(e.text().within(path)); // still translatable in the window
    }
}

void writeProjectFile(const std::string& path, const ModelGraph& graph,
                      const ProjectSettings& settings) {
    const std::string text = cs::json::dump(projectJson(graph, settings), 2) + "\n";
    cs::writeFileAtomically(path, {text});
}

} // namespace ui
