#include "engine/layers/global_average_pooling2d.h"

#include "engine/core/errors.h"

#include <cstring>

namespace cs {

LayerSpec GlobalAveragePooling2D::spec() {
    LayerSpec s;
    s.className = "GlobalAveragePooling2D";
    s.category = "pooling";
    s.namePrefix = "global_average_pooling2d";
    s.description = CS_NOOP(
        "cs::LayerSpec", "Averages each whole feature map to one number: (H, W, C) becomes (C).");
    s.create = [](const Json& c) { return std::make_unique<GlobalAveragePooling2D>(c); };
    return s;
}

Shape GlobalAveragePooling2D::outputShape(const std::vector<Shape>& inputs) const {
    const Shape& in = inputs.at(0);
    if (in.rank() != 3)
        throw ShapeError(
            CS_TEXT("cs::Layer", "needs an image input (height, width, channels), got %1")
                .arg(in.toString(true))
                .about(layerLabel()));
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

} // namespace cs
