// Add: sums two or more inputs of the same shape, element by element (a
// residual / skip connection). A merge layer: it makes the model a graph.
#pragma once

#include "engine/layers/layer.h"
#include "engine/layers/layer_spec.h"

namespace cs {

class Add : public Layer {
public:
    explicit Add(const Json& config) : Layer("Add", config) {}
    static LayerSpec spec();
    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void forwardRange(const std::vector<const Tensor*>& inputs, Tensor& output, const RunContext& ctx,
                      int chunk, ChunkRange range) override;
    void backwardRange(const std::vector<const Tensor*>& inputs, const Tensor& output, Tensor& dOutput,
                       const std::vector<Tensor*>& dInputs, const RunContext& ctx, int chunk,
                       ChunkRange range) override;
};

} // namespace cs
