// Dropout: inverted dropout as in Keras: in training, each value is zeroed with
// probability `rate` and the rest scaled by 1/(1-rate); identity at inference.
#pragma once

#include "engine/layers/layer.h"
#include "engine/layers/layer_spec.h"

namespace cs {

class Dropout : public Layer {
public:
    explicit Dropout(const Json& config);
    static LayerSpec spec();
    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void build(const std::vector<Shape>& inputs, Rng& rng) override;
    void prepareBatch(int batch, const RunContext& ctx) override;
    bool passesInputThrough(const RunContext& ctx) const override { return !ctx.training || rate_ <= 0.0f; }
    void forwardRange(const std::vector<const Tensor*>& inputs, Tensor& output, const RunContext& ctx,
                      int chunk, ChunkRange range) override;
    void backwardRange(const std::vector<const Tensor*>& inputs, const Tensor& output, Tensor& dOutput,
                       const std::vector<Tensor*>& dInputs, const RunContext& ctx, int chunk,
                       ChunkRange range) override;

private:
    float rate_;
    long perSample_ = 0;
    std::vector<uint8_t> mask_; // 1 = kept, for the last training forward
    bool lastWasTraining_ = false;
};

} // namespace cs
