// Losses with Keras's names and semantics. Labels are class indices; the
// categorical and sparse categorical cross-entropies are the same number
// (Keras's one-hot targets are made on the fly). Probabilities are clipped to
// [1e-7, 1 - 1e-7] as Keras does. When the output layer is softmax (or a single
// sigmoid for binary_crossentropy) the gradient is taken with respect to the
// pre-activation, p - y, which stays exact where p underflows.
#pragma once

#include "engine/core/activation.h"
#include "engine/core/tensor.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cs {

enum class Loss { CategoricalCrossentropy, SparseCategoricalCrossentropy, BinaryCrossentropy, MeanSquaredError };

// The losses as settings name them, in Loss's order, with Keras's other
// spellings and a line of help (CS_NOOP("cs::SettingSpec", ...)).
struct LossSpec {
    std::string name{}; // "categorical_crossentropy"
    std::vector<std::string> aliases{};
    std::string help{};
};
const std::vector<LossSpec>& lossSpecs();

Loss lossFromName(const std::string& name); // a name or alias of lossSpecs(); throws ConfigError
std::string lossName(Loss loss);
const std::vector<std::string>& lossNames();
// "categorical_crossentropy, sparse_categorical_crossentropy, binary_crossentropy or mse"
std::string lossNameList();

struct LossResult {
    double loss = 0.0;                     // mean over the batch
    bool gradientIsPreActivation = false;  // see above
};

// Mean loss of predictions [n, units] against labels; when grad != nullptr also
// writes dL/d(output) (or the fused pre-activation gradient) into *grad.
LossResult computeLoss(Loss loss, Activation outputActivation, const Tensor& predictions,
                       const int32_t* labels, Tensor* grad);

// Keras's usual choice for an output of `outputUnits` values: binary_crossentropy
// for one sigmoid unit, categorical_crossentropy otherwise.
Loss defaultLossFor(int outputUnits);

// The one rule for a loss setting: a name is that loss; "auto" (or empty) is
// sparse categorical cross-entropy for sparse labels (image folders read with
// class_mode sparse) and more than one output, otherwise defaultLossFor.
Loss resolveLossSetting(const std::string& setting, int outputUnits, bool sparseLabels);

// Checks that the model output fits the loss and class count, with a message
// that says what to change.
void checkLossCompatible(Loss loss, int outputUnits, int classCount);

} // namespace cs
