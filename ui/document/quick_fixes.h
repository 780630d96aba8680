// Quick fixes for the problems model_analysis finds: each candidate is a small
// edit of the graph ("insert a Flatten before dense", "use padding 'same'"),
// offered only when applying it to a copy really removes the layer's problem.
#pragma once

#include "ui/document/model_analysis.h"

#include <optional>
#include <string>
#include <vector>

namespace ui {

// Per-node shapes and problems from the engine's shape inference, without
// building parameters (cheap enough to run on trial copies of the graph).
struct ShapePass {
    std::vector<std::optional<cs::Shape>> shapes; // nullopt: unknown (a problem upstream) or failed
    std::vector<std::string> problems;            // empty string: fine
    int errorCount() const;
};
ShapePass inferGraphShapes(const ModelGraph& graph);

// Fixes for the error of node `index`, each verified on a copy.
std::vector<QuickFix> fixesForError(const ModelGraph& graph, const ShapePass& pass, int index);

} // namespace ui
