#include "engine/layers/average_pooling2d.h"

#include "engine/core/user_text.h"

#include "engine/core/kernels.h"
#include "engine/core/parallel.h"

namespace cs {

LayerSpec AveragePooling2D::spec() {
    LayerSpec s;
    s.className = "AveragePooling2D";
    s.category = "pooling";
    s.namePrefix = "average_pooling2d";
    s.description = CS_NOOP("cs::LayerSpec", "Averages each window: smaller, smoother maps.");
    s.attributes = attributes();
    s.summary = summaryParts();
    s.create = [](const Json& c) { return std::make_unique<AveragePooling2D>(c); };
    return s;
}

void AveragePooling2D::forwardRange(const std::vector<const Tensor*>& inputs, Tensor& out, const RunContext&, int,
                                    ChunkRange r) {
    const Tensor& in = *inputs[0];
    const kernels::PoolGeometry g = kernelGeometry();
    const kernels::KernelTable& k = activeKernels();
    for (int n = r.begin; n < r.end; ++n) k.averagePoolForward(g, in.sample(n), out.sample(n));
}

void AveragePooling2D::backwardRange(const std::vector<const Tensor*>&, const Tensor&, Tensor& dOut,
                                     const std::vector<Tensor*>& dInputs, const RunContext&, int, ChunkRange r) {
    Tensor* dIn = dInputs[0];
    if (!dIn) return;
    const kernels::PoolGeometry g = kernelGeometry();
    const kernels::KernelTable& k = activeKernels();
    for (int n = r.begin; n < r.end; ++n) k.averagePoolBackward(g, dOut.sample(n), dIn->sample(n));
}

} // namespace cs
