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
    s.create = [](const Json& c) { return std::make_unique<MaxPooling2D>(c); };
    return s;
}

void MaxPooling2D::prepareBatch(int batch, const RunContext& ctx) {
    if (ctx.training || ctx.backwardFollows) argmax_.resize(size_t(batch) * size_t(g_.y.out) * size_t(g_.x.out) * size_t(g_.channels));
}

void MaxPooling2D::forwardRange(const std::vector<const Tensor*>& inputs, Tensor& out, const RunContext& ctx, int,
                                ChunkRange r) {
    const Tensor& in = *inputs[0];
    const int C = g_.channels, W = g_.x.in;
    const long outPerImage = long(g_.y.out) * g_.x.out * C;
    for (int n = r.begin; n < r.end; ++n) {
        const float* img = in.sample(n);
        float* o = out.sample(n);
        uint16_t* arg = ctx.training || ctx.backwardFollows ? argmax_.data() + n * outPerImage : nullptr;
        for (int oy = 0; oy < g_.y.out; ++oy) {
            const int wy = oy * sh_ - g_.y.padBefore;
            const int y0 = std::max(wy, 0), y1 = std::min(wy + ph_, g_.y.in);
            for (int ox = 0; ox < g_.x.out; ++ox) {
                const int wx = ox * sw_ - g_.x.padBefore;
                const int x0 = std::max(wx, 0), x1 = std::min(wx + pw_, W);
                float* orow = o + (long(oy) * g_.x.out + ox) * C;
                const float* first = img + (long(y0) * W + x0) * C;
                for (int c = 0; c < C; ++c) orow[c] = first[c];
                if (arg) {
                    uint16_t* arow = arg + (long(oy) * g_.x.out + ox) * C;
                    const uint16_t k0 = uint16_t((y0 - wy) * pw_ + (x0 - wx));
                    for (int c = 0; c < C; ++c) arow[c] = k0;
                    for (int iy = y0; iy < y1; ++iy)
                        for (int ix = x0; ix < x1; ++ix) {
                            const float* v = img + (long(iy) * W + ix) * C;
                            const uint16_t k = uint16_t((iy - wy) * pw_ + (ix - wx));
                            for (int c = 0; c < C; ++c) {
                                const bool larger = v[c] > orow[c];
                                orow[c] = larger ? v[c] : orow[c];
                                arow[c] = larger ? k : arow[c];
                            }
                        }
                } else {
                    for (int iy = y0; iy < y1; ++iy)
                        for (int ix = x0; ix < x1; ++ix) {
                            const float* v = img + (long(iy) * W + ix) * C;
                            for (int c = 0; c < C; ++c) orow[c] = v[c] > orow[c] ? v[c] : orow[c];
                        }
                }
            }
        }
    }
}

void MaxPooling2D::backwardRange(const std::vector<const Tensor*>&, const Tensor&, Tensor& dOut,
                                 const std::vector<Tensor*>& dInputs, const RunContext&, int, ChunkRange r) {
    Tensor* dIn = dInputs[0];
    if (!dIn) return;
    const int C = g_.channels, W = g_.x.in;
    const long outPerImage = long(g_.y.out) * g_.x.out * C;
    const bool disjoint = sh_ >= ph_ && sw_ >= pw_;
    // Disjoint windows that tile the whole input leave no gradient unwritten.
    const bool covers = disjoint && sh_ == ph_ && sw_ == pw_ && g_.y.out * ph_ - g_.y.padBefore >= g_.y.in &&
                        g_.x.out * pw_ - g_.x.padBefore >= W && g_.y.padBefore == 0 && g_.x.padBefore == 0;
    for (int n = r.begin; n < r.end; ++n) {
        const float* g = dOut.sample(n);
        const uint16_t* arg = argmax_.data() + n * outPerImage;
        float* d = dIn->sample(n);
        if (!covers) std::memset(d, 0, sizeof(float) * size_t(dIn->sampleSize()));
        for (int oy = 0; oy < g_.y.out; ++oy) {
            const int wy = oy * sh_ - g_.y.padBefore;
            const int y0 = std::max(wy, 0), y1 = std::min(wy + ph_, g_.y.in);
            for (int ox = 0; ox < g_.x.out; ++ox) {
                const int wx = ox * sw_ - g_.x.padBefore;
                const int x0 = std::max(wx, 0), x1 = std::min(wx + pw_, W);
                const long at = (long(oy) * g_.x.out + ox) * C;
                const float* grow = g + at;
                const uint16_t* arow = arg + at;
                if (disjoint) {
                    // Each input value belongs to this window only: write, vectorised.
                    for (int iy = y0; iy < y1; ++iy)
                        for (int ix = x0; ix < x1; ++ix) {
                            const uint16_t k = uint16_t((iy - wy) * pw_ + (ix - wx));
                            float* drow = d + (long(iy) * W + ix) * C;
                            for (int c = 0; c < C; ++c) drow[c] = arow[c] == k ? grow[c] : 0.0f;
                        }
                } else {
                    for (int c = 0; c < C; ++c) {
                        const int iy = wy + arow[c] / pw_, ix = wx + arow[c] % pw_;
                        d[(long(iy) * W + ix) * C + c] += grow[c];
                    }
                }
            }
        }
    }
}

} // namespace cs
