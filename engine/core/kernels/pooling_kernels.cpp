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

// The usual pooling: 2x2 windows at stride 2, every one inside the image.
bool wholeTwoByTwo(const PoolGeometry& g) {
    return g.poolH == 2 && g.poolW == 2 && g.strideH == 2 && g.strideW == 2 && g.padTop == 0 && g.padLeft == 0 &&
           2 * g.outH <= g.inH && 2 * g.outW <= g.inW;
}

// Max pooling over whole 2x2 windows (wholeTwoByTwo), walked by pointer: the
// same comparisons in the same order as the general loop, without its
// per-output window arithmetic (half of that loop's time on M1's first pooling).
void maxPoolTwoByTwo(const PoolGeometry& g, const float* in, float* out, uint16_t* argmax) {
    const int C = g.channels;
    const long rowFloats = long(g.inW) * C, outRowFloats = long(g.outW) * C;
    for (int oy = 0; oy < g.outH; ++oy) {
        const float* p0 = in + 2 * oy * rowFloats; // the window's top-left pixel
        float* o = out + oy * outRowFloats;
        uint16_t* a = argmax ? argmax + oy * outRowFloats : nullptr;
        for (int ox = 0; ox < g.outW; ++ox, p0 += 2 * C, o += C) {
            const float* p[4] = {p0, p0 + C, p0 + rowFloats, p0 + rowFloats + C};
            int c = 0;
            for (; c + kLanes <= C; c += kLanes) {
                Vec m = load(p[0] + c); // (comparing it with itself changes nothing)
                if (a) {
                    VecIndex best{};
#pragma GCC unroll 3
                    for (int q = 1; q < 4; ++q) {
                        const Vec x = load(p[q] + c);
                        const VecInt larger = x > m;
                        m = larger ? x : m;
                        best = __builtin_convertvector(larger, VecIndex) ? VecIndex{} + int16_t(q) : best;
                    }
                    storeIndex(a + c, best);
                } else {
#pragma GCC unroll 3
                    for (int q = 1; q < 4; ++q) m = maxOf(load(p[q] + c), m);
                }
                store(o + c, m);
            }
            for (; c < C; ++c) {
                float m = p[0][c];
                uint16_t best = 0;
                for (int q = 1; q < 4; ++q) {
                    const bool larger = p[q][c] > m;
                    m = larger ? p[q][c] : m;
                    best = larger ? uint16_t(q) : best;
                }
                o[c] = m;
                if (a) a[c] = best;
            }
            if (a) a += C;
        }
    }
}

} // namespace

// Each output's channels are kept in registers while the window's positions
// are compared in order (the first position, then every one including it
// again: a NaN never wins a comparison, so it stays only where it came first),
// and stored once: reading back an output just stored cost more than the
// comparisons.
void maxPoolForward(const PoolGeometry& g, const float* in, float* out, uint16_t* argmax) {
    if (wholeTwoByTwo(g)) return maxPoolTwoByTwo(g, in, out, argmax);
    const int C = g.channels, W = g.inW;
    for (int oy = 0; oy < g.outH; ++oy)
        for (int ox = 0; ox < g.outW; ++ox) {
            const Window w = window(g, oy, ox);
            const long at = (long(oy) * g.outW + ox) * C;
            const float* first = in + (long(w.y0) * W + w.x0) * C;
            float* o = out + at;
            uint16_t* a = argmax ? argmax + at : nullptr; // winners only where asked for
            const uint16_t k0 = uint16_t((w.y0 - w.wy) * g.poolW + (w.x0 - w.wx));
            int c = 0;
            for (; c + kLanes <= C; c += kLanes) {
                Vec m = load(first + c);
                VecIndex best = VecIndex{} + int16_t(k0);
                for (int iy = w.y0; iy < w.y1; ++iy)
                    for (int ix = w.x0; ix < w.x1; ++ix) {
                        const Vec x = load(in + (long(iy) * W + ix) * C + c);
                        const VecInt larger = x > m;
                        m = larger ? x : m;
                        if (a) {
                            const VecIndex k = VecIndex{} + int16_t((iy - w.wy) * g.poolW + (ix - w.wx));
                            best = __builtin_convertvector(larger, VecIndex) ? k : best;
                        }
                    }
                store(o + c, m);
                if (a) storeIndex(a + c, best);
            }
            for (; c < C; ++c) {
                float m = first[c];
                uint16_t best = k0;
                for (int iy = w.y0; iy < w.y1; ++iy)
                    for (int ix = w.x0; ix < w.x1; ++ix) {
                        const float x = in[(long(iy) * W + ix) * C + c];
                        const bool larger = x > m;
                        m = larger ? x : m;
                        best = larger ? uint16_t((iy - w.wy) * g.poolW + (ix - w.wx)) : best;
                    }
                o[c] = m;
                if (a) a[c] = best;
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
            if (disjoint && g.poolH == 2 && g.poolW == 2 && w.y1 - w.y0 == 2 && w.x1 - w.x0 == 2) {
                // A whole 2x2 window: its gradient and winners read once for the four positions.
                float* d[4] = {dIn + (long(w.y0) * W + w.x0) * C, nullptr, nullptr, nullptr};
                d[1] = d[0] + C;
                d[2] = d[0] + long(W) * C;
                d[3] = d[2] + C;
                const Vec zero{};
                int c = 0;
                for (; c + kLanes <= C; c += kLanes) {
                    const Vec x = load(grad + c);
                    const VecIndex k = loadIndex(a + c);
#pragma GCC unroll 4
                    for (int q = 0; q < 4; ++q)
                        store(d[q] + c, __builtin_convertvector(k == VecIndex{} + int16_t(q), VecInt) ? x : zero);
                }
                for (; c < C; ++c)
                    for (int q = 0; q < 4; ++q) d[q][c] = a[c] == q ? grad[c] : 0.0f;
            } else if (disjoint) {
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
