// Preprocessing: how uint8 pixels become the network's float input, stored
// with every trained model so that `predict` treats new images exactly as
// training did. x = (pixel * rescale - mean[c]) / std[c]; Keras's
// `rescale=1./255` is {rescale = 1/255, no mean/std}; torchvision's
// Normalize((0.5,)*3, (0.5,)*3) after ToTensor is {1/255, mean 0.5, std 0.5}.
#pragma once

#include "engine/core/tensor.h"
#include "engine/data/image_set.h"
#include "engine/io/json.h"

#include <vector>

namespace cs {

struct Preprocessing {
    float rescale = 1.0f / 255.0f;
    std::vector<float> mean; // per channel, empty = 0
    std::vector<float> std;  // per channel, empty = 1

    Json toJson() const;
    static Preprocessing fromJson(const Json& v);
};

// Fills `batch` ([n, h, w, c]) with images indices[0..n) of `set`, preprocessed.
void fillBatch(const ImageSet& set, const int* indices, int n, const Preprocessing& pre,
               Tensor& batch, int chunks);

} // namespace cs
