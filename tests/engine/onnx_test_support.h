// Helpers of the ONNX tests: models with non-trivial random weights, and
// running a model on a batch to compare probabilities.
#pragma once

#include "engine/core/tensor.h"
#include "engine/model/model.h"

#include <cstdint>

namespace cs::test {

// Random biases and BatchNormalization parameters (gamma in [0.5, 1.5),
// moving_variance in [0.5, 2), the others in [-0.2, 0.2): the inference form
// matters); kernels keep build()'s glorot_uniform values, which keep deep
// models out of saturation.
void randomizeWeights(Model& model, uint64_t seed);
// A batch of `n` images (or vectors) of the model's input shape, values in [0, 1).
Tensor randomBatch(const Model& model, int n, uint64_t seed);
// The model's output for the batch (inference).
Tensor predict(Model& model, const Tensor& batch);
// The largest |a[i] - b[i]|; infinity when the sizes differ.
double maxAbsDifference(const Tensor& a, const Tensor& b);
// The largest difference between a sample's output and the first sample's:
// a model whose output does not depend on its input would prove nothing.
double spreadAcrossSamples(const Tensor& outputs);

} // namespace cs::test
