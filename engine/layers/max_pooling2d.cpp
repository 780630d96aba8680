#include "engine/layers/max_pooling2d.h"

#include "engine/core/user_text.h"

#include "engine/core/kernels.h"
#include "engine/core/parallel.h"

namespace cs {

LayerSpec MaxPooling2D::spec() {
    LayerSpec s;
    s.className = "MaxPooling2D";
    s.category = "pooling";
    s.namePrefix = "max_pooling2d";
    s.description =
        CS_NOOP("cs::LayerSpec",
                "Keeps the largest value of each window: smaller maps, strongest responses.");
    s.attributes = attributes();
    s.summary = summaryParts();
    s.create = [](const Json& c) { return std::make_unique<MaxPooling2D>(c); };
    return s;
}

void MaxPooling2D::prepareBatch(int batch, const RunContext& ctx) {
    if (ctx.training || ctx.backwardFollows) argmax_.resize(size_t(batch) * size_t(g_.y.out) * size_t(g_.x.out) * size_t(g_.channels));
}

void MaxPooling2D::forwardRange(const std::vector<const Tensor*>& inputs, Tensor& out, const RunContext& ctx, int,
                                ChunkRange r) {
    const Tensor& in = *inputs[0];
    const kernels::PoolGeometry g = kernelGeometry();
    const kernels::KernelTable& k = activeKernels();
    const long outPerImage = long(g_.y.out) * g_.x.out * g_.channels;
    for (int n = r.begin; n < r.end; ++n)
        k.maxPoolForward(g, in.sample(n), out.sample(n),
                         ctx.training || ctx.backwardFollows ? argmax_.data() + n * outPerImage : nullptr);
}

void MaxPooling2D::backwardRange(const std::vector<const Tensor*>&, const Tensor&, Tensor& dOut,
                                 const std::vector<Tensor*>& dInputs, const RunContext&, int, ChunkRange r) {
    Tensor* dIn = dInputs[0];
    if (!dIn) return;
    const kernels::PoolGeometry g = kernelGeometry();
    const kernels::KernelTable& k = activeKernels();
    const long outPerImage = long(g_.y.out) * g_.x.out * g_.channels;
    for (int n = r.begin; n < r.end; ++n)
        k.maxPoolBackward(g, dOut.sample(n), argmax_.data() + n * outPerImage, dIn->sample(n));
}

} // namespace cs
