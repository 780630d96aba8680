// MaxPooling2D: the largest value of each window, per channel. In training
// the forward pass also records, per output value, which position of its
// window held the first maximum (a 16-bit window index, chosen with
// branch-free selects so the channel loop vectorises); backward routes each
// gradient there. Non-overlapping windows (the usual stride = pool_size)
// write every input gradient exactly once, so no zero-fill is needed.
#pragma once

#include "engine/layers/pooling2d.h"

namespace cs {

class MaxPooling2D : public Pooling2D {
public:
    explicit MaxPooling2D(const Json& config) : Pooling2D("MaxPooling2D", config) {}
    static LayerSpec spec();
    void prepareBatch(int batch, const RunContext& ctx) override;
    void forwardRange(const std::vector<const Tensor*>& inputs, Tensor& output, const RunContext& ctx,
                      int chunk, ChunkRange range) override;
    void backwardRange(const std::vector<const Tensor*>& inputs, const Tensor& output, Tensor& dOutput,
                       const std::vector<Tensor*>& dInputs, const RunContext& ctx, int chunk,
                       ChunkRange range) override;

private:
    std::vector<uint16_t> argmax_; // per output value of the last training batch: window position
};

} // namespace cs
