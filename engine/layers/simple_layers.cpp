#include "layers/simple_layers.h"

#include "core/errors.h"
#include "core/parallel.h"

#include <algorithm>
#include <cstring>

namespace cs {

namespace {
// Copies images [r.begin, r.end) (same number of values per image in both).
void copyRange(const Tensor& from, Tensor& to, ChunkRange r) {
    const size_t perSample = size_t(from.sampleSize());
    std::memcpy(to.sample(r.begin), from.sample(r.begin), sizeof(float) * perSample * size_t(r.size()));
}
} // namespace

// ---- InputLayer --------------------------------------------------------------

LayerSpec InputLayer::spec() {
    LayerSpec s;
    s.className = "InputLayer";
    s.category = "input";
    s.namePrefix = "input";
    s.description = "The image that enters the network: height, width and channels.";
    s.attributes = {{"shape", AttributeType::IntList, json::Value::array(std::vector<int>{28, 28, 1}),
                     1, 4096, {}, "Height, width, channels (1 = grey, 3 = RGB)"}};
    s.minInputs = 0;
    s.maxInputs = 0;
    s.create = [](const json::Value& c) { return std::make_unique<InputLayer>(c); };
    return s;
}

InputLayer::InputLayer(const json::Value& c) : Layer("InputLayer", c) {
    shape_ = Shape(c.at("shape").asIntVector());
    if (shape_.rank() != 1 && shape_.rank() != 3)
        throw ShapeError(layerLabel() + ": shape must be (height, width, channels) or (features,), got " +
                         shape_.toString());
}

Shape InputLayer::outputShape(const std::vector<Shape>&) const { return shape_; }

void InputLayer::forwardRange(const std::vector<const Tensor*>& inputs, Tensor& out, const RunContext&, int,
                              ChunkRange r) {
    copyRange(*inputs[0], out, r);
}

void InputLayer::backwardRange(const std::vector<const Tensor*>&, const Tensor&, Tensor&, const std::vector<Tensor*>&,
                               const RunContext&, int, ChunkRange) {}

// ---- Flatten -------------------------------------------------------------------

LayerSpec Flatten::spec() {
    LayerSpec s;
    s.className = "Flatten";
    s.category = "core";
    s.namePrefix = "flatten";
    s.description = "Unrolls feature maps into one vector (height, width, channel order) for Dense.";
    s.create = [](const json::Value& c) { return std::make_unique<Flatten>(c); };
    return s;
}

Shape Flatten::outputShape(const std::vector<Shape>& inputs) const {
    return {int(inputs.at(0).numel())};
}

void Flatten::forwardRange(const std::vector<const Tensor*>& inputs, Tensor& out, const RunContext&, int,
                           ChunkRange r) {
    copyRange(*inputs[0], out, r);
}

void Flatten::backwardRange(const std::vector<const Tensor*>&, const Tensor&, Tensor& dOut,
                            const std::vector<Tensor*>& dInputs, const RunContext&, int, ChunkRange r) {
    if (dInputs[0]) copyRange(dOut, *dInputs[0], r);
}

// ---- GlobalAveragePooling2D -------------------------------------------------------

LayerSpec GlobalAveragePooling2D::spec() {
    LayerSpec s;
    s.className = "GlobalAveragePooling2D";
    s.category = "pooling";
    s.namePrefix = "global_average_pooling2d";
    s.description = "Averages each whole feature map to one number: (H, W, C) becomes (C).";
    s.create = [](const json::Value& c) { return std::make_unique<GlobalAveragePooling2D>(c); };
    return s;
}

Shape GlobalAveragePooling2D::outputShape(const std::vector<Shape>& inputs) const {
    const Shape& in = inputs.at(0);
    if (in.rank() != 3)
        throw ShapeError(layerLabel() + ": needs an image input (height, width, channels), got " +
                         in.toString(true));
    return {in[2]};
}

void GlobalAveragePooling2D::forwardRange(const std::vector<const Tensor*>& inputs, Tensor& out, const RunContext&,
                                          int, ChunkRange r) {
    const Tensor& in = *inputs[0];
    const int C = in.shape()[3];
    const long pixels = long(in.shape()[1]) * in.shape()[2];
    for (int n = r.begin; n < r.end; ++n) {
        float* o = out.sample(n);
        std::memset(o, 0, sizeof(float) * size_t(C));
        const float* x = in.sample(n);
        for (long p = 0; p < pixels; ++p)
            for (int c = 0; c < C; ++c) o[c] += x[p * C + c];
        for (int c = 0; c < C; ++c) o[c] /= float(pixels);
    }
}

void GlobalAveragePooling2D::backwardRange(const std::vector<const Tensor*>& inputs, const Tensor&, Tensor& dOut,
                                           const std::vector<Tensor*>& dInputs, const RunContext&, int,
                                           ChunkRange r) {
    Tensor* dIn = dInputs[0];
    if (!dIn) return;
    const Tensor& in = *inputs[0];
    const int C = in.shape()[3];
    const long pixels = long(in.shape()[1]) * in.shape()[2];
    for (int n = r.begin; n < r.end; ++n) {
        const float* g = dOut.sample(n);
        float* d = dIn->sample(n);
        for (long p = 0; p < pixels; ++p)
            for (int c = 0; c < C; ++c) d[p * C + c] = g[c] / float(pixels);
    }
}

// ---- Activation ----------------------------------------------------------------------

LayerSpec ActivationLayer::spec() {
    LayerSpec s;
    s.className = "Activation";
    s.category = "activation";
    s.namePrefix = "activation";
    s.description = "Applies a function to every value: relu, sigmoid, tanh, softmax or linear.";
    s.attributes = {{"activation", AttributeType::Choice, "relu", 0, 0, activationNames(),
                     "The function"}};
    s.create = [](const json::Value& c) { return std::make_unique<ActivationLayer>(c); };
    return s;
}

ActivationLayer::ActivationLayer(const json::Value& c)
    : Layer("Activation", c), activation_(activationFromName(c.at("activation").asString())) {}

Shape ActivationLayer::outputShape(const std::vector<Shape>& inputs) const { return inputs.at(0); }

void ActivationLayer::forwardRange(const std::vector<const Tensor*>& inputs, Tensor& out, const RunContext&, int,
                                   ChunkRange r) {
    copyRange(*inputs[0], out, r);
    const Shape& s = out.shape();
    const int cols = s[s.rank() - 1];
    applyActivation(activation_, out.sample(r.begin), long(out.sampleSize() / cols) * r.size(), cols);
}

void ActivationLayer::backwardRange(const std::vector<const Tensor*>&, const Tensor& out, Tensor& dOut,
                                    const std::vector<Tensor*>& dInputs, const RunContext& ctx, int, ChunkRange r) {
    if (!dInputs[0]) return;
    const Shape& s = out.shape();
    const int cols = s[s.rank() - 1];
    if (!ctx.lossGradientIsPreActivation)
        activationBackward(activation_, out.sample(r.begin), dOut.sample(r.begin),
                           long(out.sampleSize() / cols) * r.size(), cols);
    copyRange(dOut, *dInputs[0], r);
}

// ---- Dropout ---------------------------------------------------------------------------

LayerSpec Dropout::spec() {
    LayerSpec s;
    s.className = "Dropout";
    s.category = "regularisation";
    s.namePrefix = "dropout";
    s.description = "While training, zeroes a random fraction of values so the network cannot "
                    "rely on any single one; does nothing at inference.";
    s.attributes = {{"rate", AttributeType::Float, 0.5, 0.0, 0.99, {},
                     "Fraction of values dropped during training"}};
    s.create = [](const json::Value& c) { return std::make_unique<Dropout>(c); };
    return s;
}

Dropout::Dropout(const json::Value& c) : Layer("Dropout", c), rate_(float(c.at("rate").asNumber())) {}

Shape Dropout::outputShape(const std::vector<Shape>& inputs) const { return inputs.at(0); }

void Dropout::build(const std::vector<Shape>& inputs, Rng&) { perSample_ = long(inputs.at(0).numel()); }

void Dropout::prepareBatch(int batch, const RunContext& ctx) {
    lastWasTraining_ = ctx.training && rate_ > 0.0f;
    if (lastWasTraining_) mask_.resize(size_t(batch) * size_t(perSample_));
}

void Dropout::forwardRange(const std::vector<const Tensor*>& inputs, Tensor& out, const RunContext& ctx, int,
                           ChunkRange r) {
    const Tensor& in = *inputs[0];
    if (!lastWasTraining_) {
        copyRange(in, out, r);
        return;
    }
    const float scale = 1.0f / (1.0f - rate_);
    const long perSample = perSample_;
    // Each sample's mask comes from its own counter-based stream keyed by
    // (seed, step, layer, sample): the same whatever thread computes it. One
    // 64-bit draw gives four 16-bit uniforms; keep when u >= rate (rate is
    // resolved to 1/65536, far below any visible effect).
    const uint32_t threshold = uint32_t(double(rate_) * 65536.0 + 0.5);
    const uint64_t stream = splitmix64(ctx.seed ^ splitmix64((ctx.step << 16) ^ uint64_t(index_)));
    for (int n = r.begin; n < r.end; ++n) {
        uint8_t* m = mask_.data() + n * perSample;
        const uint64_t sampleKey = splitmix64(stream ^ uint64_t(n));
        long i = 0;
        for (; i + 4 <= perSample; i += 4) {
            const uint64_t bits = splitmix64(sampleKey + uint64_t(i));
            m[i] = (bits & 0xffff) >= threshold;
            m[i + 1] = ((bits >> 16) & 0xffff) >= threshold;
            m[i + 2] = ((bits >> 32) & 0xffff) >= threshold;
            m[i + 3] = (bits >> 48) >= threshold;
        }
        if (i < perSample) {
            const uint64_t bits = splitmix64(sampleKey + uint64_t(i));
            for (long j = i; j < perSample; ++j) m[j] = ((bits >> (16 * (j - i))) & 0xffff) >= threshold;
        }
        const float* x = in.sample(n);
        float* y = out.sample(n);
        for (long j = 0; j < perSample; ++j) y[j] = x[j] * (float(m[j]) * scale); // branch-free
    }
}

void Dropout::backwardRange(const std::vector<const Tensor*>&, const Tensor&, Tensor& dOut,
                            const std::vector<Tensor*>& dInputs, const RunContext&, int, ChunkRange r) {
    Tensor* dIn = dInputs[0];
    if (!dIn) return;
    if (!lastWasTraining_) {
        copyRange(dOut, *dIn, r);
        return;
    }
    const float scale = 1.0f / (1.0f - rate_);
    const long begin = r.begin * perSample_, end = r.end * perSample_;
    const uint8_t* m = mask_.data();
    const float* g = dOut.data();
    float* d = dIn->data();
    for (long i = begin; i < end; ++i) d[i] = g[i] * (float(m[i]) * scale);
}

} // namespace cs
