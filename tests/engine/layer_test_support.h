// Helpers shared by the engine tests: layers and models from short JSON
// texts, deterministic random tensors, and the finite-difference gradient
// check every layer goes through.
#pragma once

#include "engine/core/tensor.h"
#include "engine/data/image_set.h"
#include "engine/io/json.h"
#include "engine/layers/layer.h"
#include "engine/model/model.h"

#include <memory>
#include <string>
#include <vector>

namespace cs::test {

// A layer of `className` with config given as JSON text, e.g. "{\"filters\": 2}".
std::unique_ptr<Layer> makeLayer(const std::string& className, const std::string& configJson);
Model modelFromJson(const std::string& architectureJson);

// Two classes of 4x4x1 images, alternating: dark (label 0) or bright (1), over noise.
ImageSet darkOrBright(int count, uint64_t seed = 7);

// Uniform values in [lo, hi) from a fixed seed.
void fillRandom(Tensor& t, uint64_t seed, float lo = -1.0f, float hi = 1.0f);

struct GradientCheckResult {
    double worstError = 0;   // max |numeric - analytic| / (1 + |numeric|)
    std::string worstWhere;  // "input 0[17]" / "kernel[3]"
    int checked = 0;
};

// Checks dL/dInputs and dL/dParams of `layer` against central differences of
// L = sum(output * R) for a fixed random R, on a random batch of `batch`
// samples of the given per-sample shapes. training selects the mode (dropout,
// batch statistics); chunks is the parallel split.
GradientCheckResult checkLayerGradients(Layer& layer, const std::vector<Shape>& inputShapes, int batch,
                                        bool training, int chunks = 2, uint64_t seed = 7);

// The same through a whole model and a real loss (fused softmax/sigmoid
// gradients included): checks every trainable parameter.
GradientCheckResult checkModelGradients(Model& model, const std::string& lossName, int batch, int classes,
                                        int chunks = 2, uint64_t seed = 11);

} // namespace cs::test
