// Analysis of a model graph, tolerant of errors: for every layer its output
// shape, parameter count and problem (in a person's words, from the layers'
// ShapeError messages), with quick fixes (quick_fixes.h) where one exists; the
// Keras summary rows and totals; with the data set's shape, the mismatches
// between model and data (data_fit.h), whose fixes may change the data's
// loading instead of the model. The editor recomputes it after each edit and
// `convstudio-cli summary` prints the same problems and fixes.
//
// Shapes come from the one shape walker (shape_inference.h) over the layers'
// outputShape, parameter counts from Layer::parameterCountFor, as Model's own.
// Layers after a problem have an unknown shape rather than an error of their own.
//
//   ModelReport r = analyzeModel(graph, {28, 28, 1, 10});
//   if (!r.valid()) show(r.layers[r.firstProblem].problem, r.layers[r.firstProblem].fixes);
#pragma once

#include "engine/core/tensor.h"
#include "engine/core/user_text.h"
#include "engine/data/data_binding.h"
#include "engine/model/model_graph.h"
#include "engine/model/model_summary.h"

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace cs {

// A fix edits the model (apply) or, for a mismatch with the data, how the data
// set is loaded (applyToData: the project's data binding); one of the two is set.
struct QuickFix {
    QuickFix() = default;
    QuickFix(UserText label, std::function<void(ModelGraph&)> apply)
        : label(std::move(label)), apply(std::move(apply)) {}

    UserText label; // "Insert a Flatten before dense", "Load the images at 150×150 RGB"
    std::function<void(ModelGraph&)> apply;
    std::function<void(DataBinding&)> applyToData;
    // What a data fix sets, by Keras's names: {"target_size", "150x150"} (height x width),
    // {"color_mode", "rgb"}, {"class_mode", "binary"}.
    std::vector<std::pair<std::string, std::string>> dataSettings;
    bool changesData() const { return bool(applyToData); }
};

struct LayerReport {
    bool shapeKnown = false;
    Shape outputShape;
    bool parametersKnown = false;
    int64_t parameters = 0;
    int64_t trainableParameters = 0;
    UserText problem; // empty when the layer is fine (its subject: the layer, when not this one)
    bool isWarning = false; // a mismatch with the data set rather than a broken model
    std::vector<QuickFix> fixes;
};

// What the chosen data set feeds the model (all zero when no data set is loaded).
struct DataShape {
    int height = 0, width = 0, channels = 0;
    int classCount = 0;
    // Image folders: the loader resizes and converts the images (target_size,
    // color_mode) and reads labels by classMode, so the data side can be fixed
    // too; IDX and CIFAR-10 images load as stored and have no class mode.
    bool loadOptions = false;
    ClassMode classMode = ClassMode::Categorical;
    bool known() const { return height > 0 && classCount > 0; }
    bool operator==(const DataShape&) const = default;
};

struct ModelReport {
    std::vector<LayerReport> layers; // one per node of the graph, same order
    int errorCount = 0;
    int warningCount = 0;
    int firstProblem = -1; // first error, else first warning; -1 when none
    int64_t totalParameters = 0;
    int64_t trainableParameters = 0;
    int64_t nonTrainableParameters = 0;
    ModelSummary summary; // rows for every node (the InputLayer first); parameters -1 = unknown

    bool valid() const { return errorCount == 0; }
};

ModelReport analyzeModel(const ModelGraph& graph, const DataShape& data = {});

// "28×28×64" (per-sample shape, no batch) or "10".
std::string shortShape(const Shape& shape);

} // namespace cs
