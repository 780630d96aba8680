#include "layers/max_pooling2d.h"

#include "core/parallel.h"

#include <cstring>
#include <algorithm>

namespace cs {

LayerSpec MaxPooling2D::spec() {
    LayerSpec s;
    s.className = "MaxPooling2D";
    s.category = "pooling";
    s.namePrefix = "max_pooling2d";
    s.description = "Keeps the largest value of each window: smaller maps, strongest responses.";
    s.attributes = attributes();
    s.create = [](const json::Value& c) { return std::make_unique<MaxPooling2D>(c); };
    return s;
}

void MaxPooling2D::forward(const std::vector<const Tensor*>& inputs, Tensor& out,
                           const RunContext& ctx) {
    const Tensor& in = *inputs[0];
    const int N = in.shape()[0], C = g_.channels, W = g_.x.in;
    out.resize({N, g_.y.out, g_.x.out, C});
    const long outPerImage = out.sampleSize();
    if (ctx.training) argmax_.resize(size_t(N * outPerImage));
    forEachChunk(N, ctx.chunks, [&](int, ChunkRange r) {
        for (int n = r.begin; n < r.end; ++n) {
            const float* img = in.sample(n);
            float* o = out.sample(n);
            int32_t* arg = ctx.training ? argmax_.data() + n * outPerImage : nullptr;
            for (int oy = 0; oy < g_.y.out; ++oy) {
                for (int ox = 0; ox < g_.x.out; ++ox) {
                    float* orow = o + (long(oy) * g_.x.out + ox) * C;
                    int32_t* arow = arg ? arg + (long(oy) * g_.x.out + ox) * C : nullptr;
                    // Start from the window's first real value, so that a NaN input
                    // still routes its gradient somewhere valid.
                    const int iy0 = std::max(oy * sh_ - g_.y.padBefore, 0);
                    const int ix0 = std::max(ox * sw_ - g_.x.padBefore, 0);
                    const int32_t first = int32_t((long(iy0) * W + ix0) * C);
                    for (int c = 0; c < C; ++c) orow[c] = img[first + c];
                    if (arow)
                        for (int c = 0; c < C; ++c) arow[c] = first + c;
                    for (int ky = 0; ky < ph_; ++ky) {
                        const int iy = oy * sh_ - g_.y.padBefore + ky;
                        if (iy < 0 || iy >= g_.y.in) continue;
                        for (int kx = 0; kx < pw_; ++kx) {
                            const int ix = ox * sw_ - g_.x.padBefore + kx;
                            if (ix < 0 || ix >= W) continue;
                            const int32_t base = int32_t((long(iy) * W + ix) * C);
                            const float* v = img + base;
                            if (arow) {
                                for (int c = 0; c < C; ++c)
                                    if (v[c] > orow[c]) {
                                        orow[c] = v[c];
                                        arow[c] = base + c;
                                    }
                            } else {
                                for (int c = 0; c < C; ++c) orow[c] = v[c] > orow[c] ? v[c] : orow[c];
                            }
                        }
                    }
                }
            }
        }
    });
}

void MaxPooling2D::backward(const std::vector<const Tensor*>& inputs, const Tensor&, Tensor& dOut,
                            const std::vector<Tensor*>& dInputs, const RunContext& ctx) {
    Tensor* dIn = dInputs[0];
    if (!dIn) return;
    const int N = inputs[0]->shape()[0];
    const long outPerImage = dOut.sampleSize();
    forEachChunk(N, ctx.chunks, [&](int, ChunkRange r) {
        for (int n = r.begin; n < r.end; ++n) {
            float* d = dIn->sample(n);
            std::memset(d, 0, sizeof(float) * size_t(dIn->sampleSize()));
            const float* g = dOut.sample(n);
            const int32_t* arg = argmax_.data() + n * outPerImage;
            for (long i = 0; i < outPerImage; ++i) d[arg[i]] += g[i];
        }
    });
}

} // namespace cs
