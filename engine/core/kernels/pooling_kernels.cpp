// Max and average pooling of one HWC image, compiled once per instruction set.
// Channels are the vector dimension (NHWC keeps them contiguous): a window
// position updates a whole pixel's channels with vector compares and selects,
// no branch per value. Every output is computed in the same order on every
// path (comparisons and sums are exact per element), so max pooling gives the
// same bits on all paths.
#include "engine/core/kernels/kernel_functions.h"

#include <cstring>

namespace cs::kernels::CS_KERNEL_ISA {

namespace {

typedef int32_t VecInt __attribute__((vector_size(kLanes * sizeof(int32_t))));
// kLanes window positions (uint16 in memory, below 2^15 so signed compares work).
typedef int16_t VecIndex __attribute__((vector_size(kLanes * sizeof(int16_t)), aligned(alignof(int16_t)), may_alias));

inline VecIndex loadIndex(const uint16_t* p) { return *reinterpret_cast<const VecIndex*>(p); }
inline void storeIndex(uint16_t* p, VecIndex v) { *reinterpret_cast<VecIndex*>(p) = v; }

// The clipped window of output (oy, ox) and its unclipped corner.
struct Window {
    int wy, wx, y0, y1, x0, x1;
};

Window window(const PoolGeometry& g, int oy, int ox) {
    Window w;
    w.wy = oy * g.strideH - g.padTop;
    w.wx = ox * g.strideW - g.padLeft;
    w.y0 = int(maxOf(w.wy, 0));
    w.y1 = int(minOf(w.wy + g.poolH, g.inH));
    w.x0 = int(maxOf(w.wx, 0));
    w.x1 = int(minOf(w.wx + g.poolW, g.inW));
    return w;
}

// o = max(o, v) over C channels; where v wins, a = k.
void maxStep(const float* v, float* o, uint16_t* a, uint16_t k, int C) {
    const VecIndex kv = VecIndex{} + int16_t(k);
    int c = 0;
    for (; c + kLanes <= C; c += kLanes) {
        const Vec x = load(v + c), m = load(o + c);
        const VecInt larger = x > m;
        store(o + c, larger ? x : m);
        storeIndex(a + c, __builtin_convertvector(larger, VecIndex) ? kv : loadIndex(a + c));
    }
    for (; c < C; ++c) {
        const bool larger = v[c] > o[c];
        o[c] = larger ? v[c] : o[c];
        a[c] = larger ? k : a[c];
    }
}

void maxStep(const float* v, float* o, int C) {
    int c = 0;
    for (; c + kLanes <= C; c += kLanes) store(o + c, maxOf(load(v + c), load(o + c)));
    for (; c < C; ++c) o[c] = v[c] > o[c] ? v[c] : o[c];
}

// d = (a == k) ? g : 0 over C channels.
void routeGradient(const float* g, const uint16_t* a, uint16_t k, float* d, int C) {
    const VecIndex kv = VecIndex{} + int16_t(k);
    const Vec zero{};
    int c = 0;
    for (; c + kLanes <= C; c += kLanes) {
        const VecInt hit = __builtin_convertvector(loadIndex(a + c) == kv, VecInt);
        store(d + c, hit ? load(g + c) : zero);
    }
    for (; c < C; ++c) d[c] = a[c] == k ? g[c] : 0.0f;
}

} // namespace

void maxPoolForward(const PoolGeometry& g, const float* in, float* out, uint16_t* argmax) {
    const int C = g.channels, W = g.inW;
    for (int oy = 0; oy < g.outH; ++oy)
        for (int ox = 0; ox < g.outW; ++ox) {
            const Window w = window(g, oy, ox);
            const long at = (long(oy) * g.outW + ox) * C;
            float* o = out + at;
            std::memcpy(o, in + (long(w.y0) * W + w.x0) * C, sizeof(float) * size_t(C));
            if (argmax) {
                uint16_t* a = argmax + at;
                const uint16_t k0 = uint16_t((w.y0 - w.wy) * g.poolW + (w.x0 - w.wx));
                for (int c = 0; c < C; ++c) a[c] = k0;
                for (int iy = w.y0; iy < w.y1; ++iy)
                    for (int ix = w.x0; ix < w.x1; ++ix)
                        maxStep(in + (long(iy) * W + ix) * C, o, a, uint16_t((iy - w.wy) * g.poolW + (ix - w.wx)),
                                C);
            } else {
                for (int iy = w.y0; iy < w.y1; ++iy)
                    for (int ix = w.x0; ix < w.x1; ++ix) maxStep(in + (long(iy) * W + ix) * C, o, C);
            }
        }
}

void maxPoolBackward(const PoolGeometry& g, const float* dOut, const uint16_t* argmax, float* dIn) {
    const int C = g.channels, W = g.inW;
    const bool disjoint = g.strideH >= g.poolH && g.strideW >= g.poolW;
    // Disjoint windows that tile the whole input leave no gradient unwritten.
    const bool covers = disjoint && g.strideH == g.poolH && g.strideW == g.poolW && g.padTop == 0 &&
                        g.padLeft == 0 && g.outH * g.poolH >= g.inH && g.outW * g.poolW >= W;
    if (!covers) std::memset(dIn, 0, sizeof(float) * size_t(g.inH) * size_t(W) * size_t(C));
    for (int oy = 0; oy < g.outH; ++oy)
        for (int ox = 0; ox < g.outW; ++ox) {
            const Window w = window(g, oy, ox);
            const long at = (long(oy) * g.outW + ox) * C;
            const float* grad = dOut + at;
            const uint16_t* a = argmax + at;
            if (disjoint) {
                // Each input value belongs to this window only: write, vectorised.
                for (int iy = w.y0; iy < w.y1; ++iy)
                    for (int ix = w.x0; ix < w.x1; ++ix)
                        routeGradient(grad, a, uint16_t((iy - w.wy) * g.poolW + (ix - w.wx)),
                                      dIn + (long(iy) * W + ix) * C, C);
            } else {
                for (int c = 0; c < C; ++c) {
                    const int iy = w.wy + a[c] / g.poolW, ix = w.wx + a[c] % g.poolW;
                    dIn[(long(iy) * W + ix) * C + c] += grad[c];
                }
            }
        }
}

void averagePoolForward(const PoolGeometry& g, const float* in, float* out) {
    const int C = g.channels, W = g.inW;
    for (int oy = 0; oy < g.outH; ++oy)
        for (int ox = 0; ox < g.outW; ++ox) {
            const Window w = window(g, oy, ox);
            float* o = out + (long(oy) * g.outW + ox) * C;
            const float inv = 1.0f / float((w.y1 - w.y0) * (w.x1 - w.x0));
            int c = 0;
            for (; c + kLanes <= C; c += kLanes) {
                Vec s{};
                for (int iy = w.y0; iy < w.y1; ++iy)
                    for (int ix = w.x0; ix < w.x1; ++ix) s += load(in + (long(iy) * W + ix) * C + c);
                store(o + c, s * inv);
            }
            for (; c < C; ++c) {
                float s = 0.0f;
                for (int iy = w.y0; iy < w.y1; ++iy)
                    for (int ix = w.x0; ix < w.x1; ++ix) s += in[(long(iy) * W + ix) * C + c];
                o[c] = s * inv;
            }
        }
}

void averagePoolBackward(const PoolGeometry& g, const float* dOut, float* dIn) {
    const int C = g.channels, W = g.inW;
    std::memset(dIn, 0, sizeof(float) * size_t(g.inH) * size_t(W) * size_t(C));
    for (int oy = 0; oy < g.outH; ++oy)
        for (int ox = 0; ox < g.outW; ++ox) {
            const Window w = window(g, oy, ox);
            const float* grad = dOut + (long(oy) * g.outW + ox) * C;
            const float inv = 1.0f / float((w.y1 - w.y0) * (w.x1 - w.x0));
            const Vec invv = broadcast(inv);
            for (int iy = w.y0; iy < w.y1; ++iy)
                for (int ix = w.x0; ix < w.x1; ++ix) {
                    float* d = dIn + (long(iy) * W + ix) * C;
                    int c = 0;
                    for (; c + kLanes <= C; c += kLanes) store(d + c, load(d + c) + load(grad + c) * invv);
                    for (; c < C; ++c) d[c] += grad[c] * inv;
                }
        }
}

} // namespace cs::kernels::CS_KERNEL_ISA
