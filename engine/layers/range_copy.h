// Copies images [r.begin, r.end) between two batch tensors with the same
// number of values per image: the pass-through layers (InputLayer, Flatten,
// Activation, inference Dropout) and their gradients.
#pragma once

#include "engine/core/parallel.h"
#include "engine/core/tensor.h"

#include <cstring>

namespace cs {

inline void copyRange(const Tensor& from, Tensor& to, ChunkRange r) {
    const size_t perSample = size_t(from.sampleSize());
    std::memcpy(to.sample(r.begin), from.sample(r.begin), sizeof(float) * perSample * size_t(r.size()));
}

} // namespace cs
