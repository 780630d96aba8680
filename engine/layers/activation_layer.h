// Activation: a stand-alone activation function (relu, sigmoid, tanh, softmax, linear).
#pragma once

#include "engine/core/activation.h"
#include "engine/layers/layer.h"
#include "engine/layers/layer_spec.h"

namespace cs {

class ActivationLayer : public Layer {
public:
    explicit ActivationLayer(const Json& config);
    static LayerSpec spec();
    Activation activation() const { return activation_; }
    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void forwardRange(const std::vector<const Tensor*>& inputs, Tensor& output, const RunContext& ctx,
                      int chunk, ChunkRange range) override;
    void backwardRange(const std::vector<const Tensor*>& inputs, const Tensor& output, Tensor& dOutput,
                       const std::vector<Tensor*>& dInputs, const RunContext& ctx, int chunk,
                       ChunkRange range) override;

private:
    Activation activation_;
};

} // namespace cs
