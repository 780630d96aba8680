#include "layers/average_pooling2d.h"

#include "core/parallel.h"

#include <algorithm>
#include <cstring>

namespace cs {

LayerSpec AveragePooling2D::spec() {
    LayerSpec s;
    s.className = "AveragePooling2D";
    s.category = "pooling";
    s.namePrefix = "average_pooling2d";
    s.description = "Averages each window: smaller, smoother maps.";
    s.attributes = attributes();
    s.create = [](const Json& c) { return std::make_unique<AveragePooling2D>(c); };
    return s;
}

int AveragePooling2D::windowCount(int oy, int ox) const {
    const int y0 = oy * sh_ - g_.y.padBefore, x0 = ox * sw_ - g_.x.padBefore;
    const int ys = std::min(y0 + ph_, g_.y.in) - std::max(y0, 0);
    const int xs = std::min(x0 + pw_, g_.x.in) - std::max(x0, 0);
    return std::max(ys, 0) * std::max(xs, 0);
}

void AveragePooling2D::forwardRange(const std::vector<const Tensor*>& inputs, Tensor& out, const RunContext&, int,
                                    ChunkRange r) {
    const Tensor& in = *inputs[0];
    const int C = g_.channels, W = g_.x.in;
    for (int n = r.begin; n < r.end; ++n) {
        const float* img = in.sample(n);
        float* o = out.sample(n);
        for (int oy = 0; oy < g_.y.out; ++oy)
            for (int ox = 0; ox < g_.x.out; ++ox) {
                float* orow = o + (long(oy) * g_.x.out + ox) * C;
                std::fill(orow, orow + C, 0.0f);
                for (int ky = 0; ky < ph_; ++ky) {
                    const int iy = oy * sh_ - g_.y.padBefore + ky;
                    if (iy < 0 || iy >= g_.y.in) continue;
                    for (int kx = 0; kx < pw_; ++kx) {
                        const int ix = ox * sw_ - g_.x.padBefore + kx;
                        if (ix < 0 || ix >= W) continue;
                        const float* v = img + (long(iy) * W + ix) * C;
                        for (int c = 0; c < C; ++c) orow[c] += v[c];
                    }
                }
                const float inv = 1.0f / float(windowCount(oy, ox));
                for (int c = 0; c < C; ++c) orow[c] *= inv;
            }
    }
}

void AveragePooling2D::backwardRange(const std::vector<const Tensor*>&, const Tensor&, Tensor& dOut,
                                     const std::vector<Tensor*>& dInputs, const RunContext&, int, ChunkRange r) {
    Tensor* dIn = dInputs[0];
    if (!dIn) return;
    const int C = g_.channels, W = g_.x.in;
    for (int n = r.begin; n < r.end; ++n) {
        float* d = dIn->sample(n);
        std::memset(d, 0, sizeof(float) * size_t(dIn->sampleSize()));
        const float* g = dOut.sample(n);
        for (int oy = 0; oy < g_.y.out; ++oy)
            for (int ox = 0; ox < g_.x.out; ++ox) {
                const float* grow = g + (long(oy) * g_.x.out + ox) * C;
                const float inv = 1.0f / float(windowCount(oy, ox));
                for (int ky = 0; ky < ph_; ++ky) {
                    const int iy = oy * sh_ - g_.y.padBefore + ky;
                    if (iy < 0 || iy >= g_.y.in) continue;
                    for (int kx = 0; kx < pw_; ++kx) {
                        const int ix = ox * sw_ - g_.x.padBefore + kx;
                        if (ix < 0 || ix >= W) continue;
                        float* drow = d + (long(iy) * W + ix) * C;
                        for (int c = 0; c < C; ++c) drow[c] += grow[c] * inv;
                    }
                }
            }
    }
}

} // namespace cs
