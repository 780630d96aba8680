// The small layers without parameters or heavy arithmetic: InputLayer, Flatten,
// GlobalAveragePooling2D, Activation, Dropout. Each is a few lines of forward
// and backward; keeping them together keeps the layer folder readable.
#pragma once

#include "core/activation.h"
#include "layers/layer.h"
#include "layers/layer_spec.h"

namespace cs {

// The model's entry: declares the per-sample input shape, e.g. (28, 28, 1).
class InputLayer : public Layer {
public:
    explicit InputLayer(const json::Value& config);
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

// (H, W, C) -> (H*W*C) in H, W, C order (Keras's order, so Dense kernels match).
class Flatten : public Layer {
public:
    explicit Flatten(const json::Value& config) : Layer("Flatten", config) {}
    static LayerSpec spec();
    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void forwardRange(const std::vector<const Tensor*>& inputs, Tensor& output, const RunContext& ctx,
                      int chunk, ChunkRange range) override;
    void backwardRange(const std::vector<const Tensor*>& inputs, const Tensor& output, Tensor& dOutput,
                       const std::vector<Tensor*>& dInputs, const RunContext& ctx, int chunk,
                       ChunkRange range) override;
};

// (H, W, C) -> (C): the mean of each feature map.
class GlobalAveragePooling2D : public Layer {
public:
    explicit GlobalAveragePooling2D(const json::Value& config)
        : Layer("GlobalAveragePooling2D", config) {}
    static LayerSpec spec();
    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void forwardRange(const std::vector<const Tensor*>& inputs, Tensor& output, const RunContext& ctx,
                      int chunk, ChunkRange range) override;
    void backwardRange(const std::vector<const Tensor*>& inputs, const Tensor& output, Tensor& dOutput,
                       const std::vector<Tensor*>& dInputs, const RunContext& ctx, int chunk,
                       ChunkRange range) override;
};

// A stand-alone activation function (relu, sigmoid, tanh, softmax, linear).
class ActivationLayer : public Layer {
public:
    explicit ActivationLayer(const json::Value& config);
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

// Inverted dropout as in Keras: in training, each value is zeroed with
// probability `rate` and the rest scaled by 1/(1-rate); identity at inference.
class Dropout : public Layer {
public:
    explicit Dropout(const json::Value& config);
    static LayerSpec spec();
    Shape outputShape(const std::vector<Shape>& inputs) const override;
    void build(const std::vector<Shape>& inputs, Rng& rng) override;
    void prepareBatch(int batch, const RunContext& ctx) override;
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
