#include "engine/layers/dense.h"

#include "engine/core/errors.h"
#include "engine/core/gemm.h"
#include "engine/core/parallel.h"

namespace cs {

LayerSpec Dense::spec() {
    LayerSpec s;
    s.className = "Dense";
    s.category = "core";
    s.namePrefix = "dense";
    s.description =
        CS_NOOP("cs::LayerSpec", "Fully connected: every output unit sees every input value.");
    s.attributes = {
        {"units",
         AttributeType::Int,
         64,
         1,
         1 << 20,
         {},
         CS_NOOP("cs::LayerSpec", "Number of output units")},
        {"activation", AttributeType::Choice, "linear", 0, 0, activationNames(),
         CS_NOOP("cs::LayerSpec", "Function applied to every output value")},
        {"use_bias",
         AttributeType::Bool,
         true,
         0,
         0,
         {},
         CS_NOOP("cs::LayerSpec", "Add a learned bias per unit")},
        {"kernel_regularizer",
         AttributeType::Float,
         0.0,
         0,
         10,
         {},
         CS_NOOP("cs::LayerSpec", "L2 factor: adds factor * sum(kernel^2) to the loss (0 = none)")},
    };
    s.summary = {{"units", CS_NOOP("cs::LayerSpec", "%1 units")}, {"activation", "", "linear"}};
    s.create = [](const Json& c) { return std::make_unique<Dense>(c); };
    return s;
}

Dense::Dense(const Json& c)
    : Layer("Dense", c), units_(json::asInt(json::at(c, "units"))),
      useBias_(json::asBool(json::at(c, "use_bias"))),
      activation_(activationFromName(json::asString(json::at(c, "activation")))),
      l2_(float(json::asNumber(json::at(c, "kernel_regularizer")))) {}

Shape Dense::outputShape(const std::vector<Shape>& inputs) const {
    const Shape& in = inputs.at(0);
    if (in.rank() != 1)
        throw ShapeError(CS_TEXT("cs::Layer", "Dense needs a flat input, got %1: insert a Flatten "
                                              "(or GlobalAveragePooling2D) before it")
                             .arg(in.toString(true))
                             .about(layerLabel()));
    return {units_};
}

void Dense::build(const std::vector<Shape>& inputs, Rng& rng) {
    outputShape(inputs);
    inputs_ = inputs[0][0];
    params_.clear();
    params_.reserve(2);
    Param& k = addParam("kernel", {inputs_, units_}, true);
    k.l2 = l2_;
    glorotUniform(k.value, inputs_, units_, rng);
    if (useBias_) addParam("bias", {units_}, true);
}

Layer::ParameterCount Dense::parameterCountFor(const std::vector<Shape>& inputs) const {
    outputShape(inputs);
    const int64_t n =
        int64_t(inputs[0][0]) * units_ + (useBias_ ? units_ : 0); // < 2^31 * 2^20: no overflow
    return {n, trainable() ? n : 0};
}

void Dense::prepareBatch(int, const RunContext& ctx) {
    if (int(ws_.size()) < ctx.chunks) ws_.resize(size_t(ctx.chunks));
}

void Dense::forwardRange(const std::vector<const Tensor*>& inputs, Tensor& out, const RunContext&, int,
                         ChunkRange r) {
    const Tensor& in = *inputs[0];
    const float* kernel = params_[0].value.data();
    const float* bias = useBias_ ? params_[1].value.data() : nullptr;
    float* o = out.sample(r.begin);
    gemm(false, false, r.size(), units_, inputs_, 1.0f, in.sample(r.begin), inputs_, kernel, units_, 0.0f, o,
         units_);
    if (bias)
        for (int i = 0; i < r.size(); ++i)
            for (int u = 0; u < units_; ++u) o[long(i) * units_ + u] += bias[u];
    applyActivation(activation_, o, r.size(), units_);
}

void Dense::beginBackward(const RunContext& ctx) { beginGradientSums(ws_, ctx.chunks); }

void Dense::backwardRange(const std::vector<const Tensor*>& inputs, const Tensor& out, Tensor& dOut,
                          const std::vector<Tensor*>& dInputs, const RunContext& ctx, int chunk, ChunkRange r) {
    const Tensor& in = *inputs[0];
    Tensor* dIn = dInputs[0];
    const float* kernel = params_[0].value.data();
    GradientSums& w = ws_[size_t(chunk)];
    float* dy = dOut.sample(r.begin);
    if (!ctx.lossGradientIsPreActivation)
        activationBackward(activation_, out.sample(r.begin), dy, r.size(), units_);
    if (trainable()) {
        gemm(true, false, inputs_, units_, r.size(), 1.0f, in.sample(r.begin), inputs_, dy, units_, 1.0f,
             w.dKernel.data(), units_);
        if (useBias_)
            for (int i = 0; i < r.size(); ++i)
                for (int u = 0; u < units_; ++u) w.dBias[u] += dy[long(i) * units_ + u];
    }
    if (dIn)
        gemm(false, true, r.size(), inputs_, units_, 1.0f, dy, units_, kernel, units_, 0.0f, dIn->sample(r.begin),
             inputs_);
}

void Dense::endBackward(const RunContext& ctx) { endGradientSums(ws_, ctx.chunks); }

} // namespace cs
