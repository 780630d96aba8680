// Quick fixes for the problems model_analysis finds: each candidate is a small
// edit of the graph ("insert a Flatten before dense", "use padding 'same'",
// "remove dense"), offered only when applying it to a copy really removes the
// layer's problem and adds none.
#pragma once

#include "engine/model/model_analysis.h"
#include "engine/model/shape_inference.h"

#include <string>
#include <vector>

namespace cs {

// Per-node shapes and problems of a graph from the one shape walker (tolerant),
// plus the graph's own problems (a layer without input, one that leads nowhere);
// nothing is built, so it is cheap enough to run on trial copies of the graph.
ShapeInference inferGraphShapes(const ModelGraph& graph);

// Fixes for the error of node `index`, each verified on a copy.
std::vector<QuickFix> fixesForError(const ModelGraph& graph, const ShapeInference& pass, int index);

} // namespace cs
