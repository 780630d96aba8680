#include "engine/layers/dropout.h"

#include "engine/core/user_text.h"

#include "engine/core/kernels.h"
#include "engine/layers/range_copy.h"

namespace cs {

LayerSpec Dropout::spec() {
    LayerSpec s;
    s.className = "Dropout";
    s.category = "regularisation";
    s.namePrefix = "dropout";
    s.description = CS_NOOP("cs::LayerSpec",
                            "While training, zeroes a random fraction of values so the network "
                            "cannot rely on any single one; does nothing at inference.");
    s.attributes = {{"rate",
                     AttributeType::Float,
                     0.5,
                     0.0,
                     0.99,
                     {},
                     CS_NOOP("cs::LayerSpec", "Fraction of values dropped during training")}};
    s.summary = {{"rate", CS_NOOP("cs::LayerSpec", "rate %1")}};
    s.create = [](const Json& c) { return std::make_unique<Dropout>(c); };
    return s;
}

Dropout::Dropout(const Json& c)
    : Layer("Dropout", c), rate_(float(json::asNumber(json::at(c, "rate")))) {}

Shape Dropout::outputShape(const std::vector<Shape>& inputs) const { return inputs.at(0); }

void Dropout::build(const std::vector<Shape>& inputs, Rng&) { perSample_ = long(inputs.at(0).numel()); }

void Dropout::prepareBatch(int batch, const RunContext& ctx) {
    lastWasTraining_ = !passesInputThrough(ctx);
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
    const kernels::KernelTable& k = activeKernels();
    for (int n = r.begin; n < r.end; ++n)
        k.dropoutForward(in.sample(n), out.sample(n), mask_.data() + n * perSample, perSample,
                         splitmix64(stream ^ uint64_t(n)), threshold, scale);
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
    const long begin = r.begin * perSample_;
    activeKernels().dropoutBackward(dOut.data() + begin, mask_.data() + begin, dIn->data() + begin,
                                    r.size() * perSample_, scale);
}

} // namespace cs
