#include "layers/dropout.h"

#include "layers/range_copy.h"

namespace cs {

LayerSpec Dropout::spec() {
    LayerSpec s;
    s.className = "Dropout";
    s.category = "regularisation";
    s.namePrefix = "dropout";
    s.description = "While training, zeroes a random fraction of values so the network cannot "
                    "rely on any single one; does nothing at inference.";
    s.attributes = {{"rate", AttributeType::Float, 0.5, 0.0, 0.99, {},
                     "Fraction of values dropped during training"}};
    s.create = [](const Json& c) { return std::make_unique<Dropout>(c); };
    return s;
}

Dropout::Dropout(const Json& c)
    : Layer("Dropout", c), rate_(float(json::asNumber(json::at(c, "rate")))) {}

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
