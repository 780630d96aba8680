// Project files (docs/formats.md §4): one JSON document with the model's
// architecture and the project settings (data set, preprocessing,
// augmentation, training), written atomically by the engine's writer.
//
// readProjectFile() also opens what a person may pick in the Open dialog
// instead: an architecture .json (a preset) or a trained .safetensors model
// (its architecture and preprocessing; default settings for the rest).
#pragma once

#include "ui/document/model_graph.h"
#include "ui/document/project_settings.h"

#include <string>

namespace ui {

inline constexpr const char* kProjectFormat = "convstudio-project";
inline constexpr int kProjectVersion = 1;

struct ProjectContent {
    ModelGraph graph;
    ProjectSettings settings;
    bool isProject = false; // false: an architecture or model file (Save asks for a project name)
};

cs::Json projectJson(const ModelGraph& graph, const ProjectSettings& settings);
ProjectContent projectFromJson(const cs::Json& root);

// Throws cs::Error (IoError, FormatError, ConfigError) with a message naming the file.
ProjectContent readProjectFile(const std::string& path, const ProjectSettings& defaults = {});
void writeProjectFile(const std::string& path, const ModelGraph& graph,
                      const ProjectSettings& settings);

} // namespace ui
