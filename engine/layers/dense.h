// Dense: a fully connected layer, y = activation(x W + b), on flat input.
// Kernel layout is Keras's [in, out]; an L2 kernel_regularizer is supported.
#pragma once

#include "core/activation.h"
#include "layers/layer.h"
#include "layers/layer_spec.h"

namespace cs {

class Dense : public Layer {
public:
    explicit Dense(const json::Value& config);
    static LayerSpec spec();

    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void build(const std::vector<Shape>& inputs, Rng& rng) override;
    void forward(const std::vector<const Tensor*>& inputs, Tensor& output,
                 const RunContext& ctx) override;
    void backward(const std::vector<const Tensor*>& inputs, const Tensor& output, Tensor& dOutput,
                  const std::vector<Tensor*>& dInputs, const RunContext& ctx) override;

    Activation activation() const { return activation_; }

private:
    struct Workspace {
        Tensor dKernel, dBias;
    };
    int units_;
    bool useBias_;
    Activation activation_;
    float l2_;
    int inputs_ = 0;
    std::vector<Workspace> ws_;
};

} // namespace cs
