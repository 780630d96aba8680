// Flatten: (H, W, C) -> (H*W*C) in H, W, C order (Keras's order, so Dense kernels match).
#pragma once

#include "engine/layers/layer.h"
#include "engine/layers/layer_spec.h"

namespace cs {

class Flatten : public Layer {
public:
    explicit Flatten(const Json& config) : Layer("Flatten", config) {}
    static LayerSpec spec();
    Shape outputShape(const std::vector<Shape>& inputs) const override;
    bool passesInputThrough(const RunContext&) const override { return true; }
    void forwardRange(const std::vector<const Tensor*>& inputs, Tensor& output, const RunContext& ctx,
                      int chunk, ChunkRange range) override;
    void backwardRange(const std::vector<const Tensor*>& inputs, const Tensor& output, Tensor& dOutput,
                       const std::vector<Tensor*>& dInputs, const RunContext& ctx, int chunk,
                       ChunkRange range) override;
};

} // namespace cs
