// AveragePooling2D: the mean of each window, per channel (padding excluded).
#pragma once

#include "engine/layers/pooling2d.h"

namespace cs {

class AveragePooling2D : public Pooling2D {
public:
    explicit AveragePooling2D(const Json& config) : Pooling2D("AveragePooling2D", config) {}
    static LayerSpec spec();
    void forwardRange(const std::vector<const Tensor*>& inputs, Tensor& output, const RunContext& ctx,
                      int chunk, ChunkRange range) override;
    void backwardRange(const std::vector<const Tensor*>& inputs, const Tensor& output, Tensor& dOutput,
                       const std::vector<Tensor*>& dInputs, const RunContext& ctx, int chunk,
                       ChunkRange range) override;
};

} // namespace cs
