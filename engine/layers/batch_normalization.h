// BatchNormalization over the last (channel) axis, as in Keras: in training,
// each channel is normalised with the batch's mean and (biased) variance and
// the moving statistics follow with `momentum`; at inference, and whenever
// the layer is frozen (trainable = false, Keras's fine-tuning rule), the
// moving statistics are used. gamma/beta are trainable, moving_mean and
// moving_variance are not.
#pragma once

#include "engine/layers/layer.h"
#include "engine/layers/layer_spec.h"

#include <functional>

namespace cs {

class BatchNormalization : public Layer {
public:
    explicit BatchNormalization(const Json& config);
    static LayerSpec spec();

    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void build(const std::vector<Shape>& inputs, Rng& rng) override;
    ParameterCount parameterCountFor(const std::vector<Shape>& inputs) const override;
    // Batch statistics tie the images of a batch together: always run whole.
    bool runsInRanges(const RunContext&) const override { return false; }
    void forward(const std::vector<const Tensor*>& inputs, Tensor& output,
                 const RunContext& ctx) override;
    void backward(const std::vector<const Tensor*>& inputs, const Tensor& output, Tensor& dOutput,
                  const std::vector<Tensor*>& dInputs, const RunContext& ctx) override;

private:
    // Per-channel sums of f(row) over each chunk's rows, added up in chunk order.
    void channelSums(int n, long rowsPerImage, const RunContext& ctx,
                     const std::function<void(long row, float* acc)>& add, std::vector<double>& out);

    float momentum_, epsilon_;
    int channels_ = 0;
    bool usedBatchStats_ = false;
    Tensor xhat_;                          // normalised input of the last training batch
    std::vector<float> invStd_;            // 1 / sqrt(var + eps) per channel
    std::vector<std::vector<double>> partial_; // per-chunk channel sums
};

} // namespace cs
