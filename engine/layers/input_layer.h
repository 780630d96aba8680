// InputLayer: the model's entry: declares the per-sample input shape, e.g. (28, 28, 1).
#pragma once

#include "engine/layers/layer.h"
#include "engine/layers/layer_spec.h"

namespace cs {

class InputLayer : public Layer {
public:
    explicit InputLayer(const Json& config);
    static LayerSpec spec();
    Shape shape() const { return shape_; }
    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void forwardRange(const std::vector<const Tensor*>& inputs, Tensor& output, const RunContext& ctx,
                      int chunk, ChunkRange range) override;
    void backwardRange(const std::vector<const Tensor*>& inputs, const Tensor& output, Tensor& dOutput,
                       const std::vector<Tensor*>& dInputs, const RunContext& ctx, int chunk,
                       ChunkRange range) override;

private:
    Shape shape_;
};

} // namespace cs
