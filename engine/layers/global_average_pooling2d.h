// GlobalAveragePooling2D: (H, W, C) -> (C): the mean of each feature map.
#pragma once

#include "engine/layers/layer.h"
#include "engine/layers/layer_spec.h"

namespace cs {

class GlobalAveragePooling2D : public Layer {
public:
    explicit GlobalAveragePooling2D(const Json& config) : Layer("GlobalAveragePooling2D", config) {}
    static LayerSpec spec();
    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void forwardRange(const std::vector<const Tensor*>& inputs, Tensor& output, const RunContext& ctx,
                      int chunk, ChunkRange range) override;
    void backwardRange(const std::vector<const Tensor*>& inputs, const Tensor& output, Tensor& dOutput,
                       const std::vector<Tensor*>& dInputs, const RunContext& ctx, int chunk,
                       ChunkRange range) override;
};

} // namespace cs
