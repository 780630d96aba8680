// Dense: a fully connected layer, y = activation(x W + b), on flat input.
// Kernel layout is Keras's [in, out]; an L2 kernel_regularizer is supported.
#pragma once

#include "engine/core/activation.h"
#include "engine/layers/layer.h"
#include "engine/layers/layer_spec.h"

namespace cs {

class Dense : public Layer {
public:
    explicit Dense(const Json& config);
    static LayerSpec spec();

    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void build(const std::vector<Shape>& inputs, Rng& rng) override;
    ParameterCount parameterCountFor(const std::vector<Shape>& inputs) const override;
    void prepareBatch(int batch, const RunContext& ctx) override;
    void forwardRange(const std::vector<const Tensor*>& inputs, Tensor& output, const RunContext& ctx,
                      int chunk, ChunkRange range) override;
    void beginBackward(const RunContext& ctx) override;
    void backwardRange(const std::vector<const Tensor*>& inputs, const Tensor& output, Tensor& dOutput,
                       const std::vector<Tensor*>& dInputs, const RunContext& ctx, int chunk,
                       ChunkRange range) override;
    void endBackward(const RunContext& ctx) override;
    // Its weights are read whole for any range: give it a thread's chunk at once.
    bool prefersWholeChunk() const override { return true; }

    Activation activation() const { return activation_; }

private:
    int units_;
    bool useBias_;
    Activation activation_;
    float l2_;
    int inputs_ = 0;
    std::vector<GradientSums> ws_;
};

} // namespace cs
