// The Keras `model.summary()` of a model: one row per layer (name, type,
// output shape with a None batch, parameter count; "connected to" for graphs)
// and the totals, trainable and non-trainable. Used by `convstudio-cli
// summary` and by the editor's summary table.
#pragma once

#include "engine/model/model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cs {

struct SummaryRow {
    std::string name;
    std::string className;
    std::string outputShape; // "(None, 28, 28, 64)"
    int64_t parameters = 0;
    std::vector<std::string> connectedTo;
};

struct ModelSummary {
    std::string modelName;
    bool functional = false; // a graph: rows include the InputLayer and "connected to"
    std::vector<SummaryRow> rows;
    int64_t totalParameters = 0;
    int64_t trainableParameters = 0;
    int64_t nonTrainableParameters = 0;

    std::string toText() const;
};

// Throws ShapeError when the model's shapes do not fit together.
ModelSummary summarize(const Model& model);

// 93322 -> "93,322"
std::string withThousands(int64_t n);

} // namespace cs
