// Concatenate: joins two or more inputs along the channel axis (inception-
// style branches). A merge layer: it makes the model a graph.
#pragma once

#include "engine/layers/layer.h"
#include "engine/layers/layer_spec.h"

namespace cs {

class Concatenate : public Layer {
public:
    explicit Concatenate(const Json& config) : Layer("Concatenate", config) {}
    static LayerSpec spec();
    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void forwardRange(const std::vector<const Tensor*>& inputs, Tensor& output, const RunContext& ctx,
                      int chunk, ChunkRange range) override;
    void backwardRange(const std::vector<const Tensor*>& inputs, const Tensor& output, Tensor& dOutput,
                       const std::vector<Tensor*>& dInputs, const RunContext& ctx, int chunk,
                       ChunkRange range) override;
};

} // namespace cs
