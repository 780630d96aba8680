// The one shape walker: per-sample output shapes of a graph's nodes, in order,
// each from its layer's outputShape() given its inputs' shapes. Model uses it
// strictly (the first problem is thrown, Model::inferShapes); the model
// analysis uses it tolerantly on graphs the engine would refuse: a node's
// error is recorded, and the nodes that read it get no shape (not an error of
// their own).
//
//   ShapeInference r = inferShapes(n, inputsOf, outputShapeOf, ShapeErrors::Record);
//   if (!r.problems[k].empty()) show(r.problems[k]);
#pragma once

#include "engine/core/tensor.h"
#include "engine/core/user_text.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cs {

struct ShapeInference {
    std::vector<std::optional<Shape>> shapes; // nullopt: failed, or unknown after a problem upstream
    std::vector<UserText> problems;           // the error of each node; empty when fine
    int errorCount() const;
};

enum class ShapeErrors { Throw, Record };

// inputsOf(k): indices of the nodes node k reads (each < k; -1 = a missing node).
// outputShapeOf(k, inputShapes): its output shape, or an exception (recorded or thrown).
ShapeInference inferShapes(int nodeCount, const std::function<std::vector<int>(int)>& inputsOf,
                           const std::function<Shape(int, const std::vector<Shape>&)>& outputShapeOf,
                           ShapeErrors errors);

} // namespace cs
