// Floating-point work of a model per image, counted from its layers' shapes:
// a multiply-add is 2 flops. Convolution and Dense dominate; the memory-bound
// layers (pooling, ReLU, dropout ...) are not counted, as is usual.
#pragma once

#include "engine/model/model.h"

#include <vector>

namespace bench {

struct ModelFlops {
    double forward = 0;  // one image through the network
    double training = 0; // forward + weight gradients + input gradients (none for the first layer)
};

ModelFlops countFlops(const cs::Model& model);

// Per node (index as in the model; 0 for layers without products): forward
// flops and backward flops (weight gradients, plus input gradients after the first weighted layer).
struct LayerFlops {
    double forward = 0, backward = 0;
};
std::vector<LayerFlops> countLayerFlops(const cs::Model& model);

} // namespace bench
