// The register tiles shared by the GEMM (gemm_kernel.cpp) and the convolution
// kernels (convolution_kernel.cpp) of one instruction-set path: the tile sizes,
// where a tile's outputs go and how they are stored, and the packing of the
// B operand into panels. Internal to those two files (an anonymous namespace
// inside the path's namespace, see isa_vector.h).
//
// A register tile is kMr x kNr outputs (kMr rows x 2 vectors of accumulators)
// run over K with vector FMAs: 6 x 16 with AVX2's 16 registers (12
// accumulators, two B vectors, one broadcast), 14 x 32 with AVX-512's 32, 6 x 8
// with SSE2's 16.
#pragma once

#include "engine/core/kernels/kernel_functions.h"

#include <cstring>

namespace cs::kernels::CS_KERNEL_ISA {

namespace {

constexpr int kMr = kGemmTileRows;
constexpr int kNr = kGemmTileColumns;
constexpr int kKcMax = 320;                // K-block: a 6 x 320 row tile is 7.5 KB of L1
constexpr long kPackedFloats = 80 * 1024;  // one packed block, 320 KB: stays in L2
constexpr int kNc = int(kPackedFloats / kKcMax / kNr) * kNr;
constexpr long kInPlaceFloats = 4 * 1024;  // a row-major B this small (16 KB) is read in place, not packed

// X(r, k) = data[r * rowStride + k * colStride]; one of the two strides is 1.
struct Operand {
    const float* data;
    long rowStride, colStride;
};

inline Operand transposed(const Operand& x) { return {x.data, x.colStride, x.rowStride}; }

// Where the computed product (rows x cols) goes and what happens on the way.
struct Destination {
    float* data;
    long rowStride, colStride;
    bool transposed;    // the product is C^T: C's columns are its rows
    const float* bias;  // per column of C
    float alpha;
    bool relu;
};

// How one K-block's partial product is stored.
struct Phase {
    bool add;  // onto what C holds (else overwrite)
    bool bias; // the first K-block adds the bias
    bool relu; // the last K-block clamps
};

// Where the panels of op(B)'s K-block are: packed (kNr floats from one k to the
// next, panels one after another) or, for a row-major op(B) met by few rows,
// read in place.
struct Panels {
    const float* first;
    long panelStep, kStep;
};

// One output value, in the order of the vector path: scale, add, bias, clamp.
inline float finish(float v, const float* old, const float* bias, float alpha, Phase ph) {
    if (alpha != 1.0f) v *= alpha;
    if (old) v += *old;
    if (bias) v += *bias;
    return ph.relu && !(v > 0.0f) ? 0.0f : v;
}

// A partial or transposed tile from a buffer of its values (rows x kNr), value by value.
[[gnu::noinline]] inline void storeTileValues(const float* t, int rows, long r0, long c0, int cols, const Destination& d,
                                       Phase ph) {
    const bool bias = ph.bias && d.bias;
    if (!d.transposed) {
        for (int r = 0; r < rows; ++r) {
            float* c = d.data + (r0 + r) * d.rowStride + c0;
            for (int j = 0; j < cols; ++j)
                c[j] = finish(t[r * kNr + j], ph.add ? &c[j] : nullptr, bias ? &d.bias[c0 + j] : nullptr, d.alpha,
                              ph);
        }
        return;
    }
    for (int j = 0; j < cols; ++j) { // C's row c0 + j, columns r0 ...: contiguous
        float* c = d.data + (c0 + j) * d.colStride + r0;
        for (int r = 0; r < rows; ++r)
            c[r] = finish(t[r * kNr + j], ph.add ? &c[r] : nullptr, bias ? &d.bias[r0 + r] : nullptr, d.alpha, ph);
    }
}

// A whole register tile into row-major C (stride between rows), each variant
// of the store compiled apart so no flag is tested per row.
template <int Rows, bool Add, bool Bias, bool Relu>
[[gnu::always_inline]] inline void storeRows(const Vec (&lo)[Rows], const Vec (&hi)[Rows], float* c, long stride,
                                             const float* bias) {
    const Vec zero{};
    Vec b0 = zero, b1 = zero;
    if constexpr (Bias) {
        b0 = load(bias);
        b1 = load(bias + kLanes);
    }
#pragma GCC unroll 16
    for (int r = 0; r < Rows; ++r, c += stride) {
        Vec v0 = lo[r], v1 = hi[r];
        if constexpr (Add) {
            v0 += load(c);
            v1 += load(c + kLanes);
        }
        if constexpr (Bias) {
            v0 += b0;
            v1 += b1;
        }
        if constexpr (Relu) {
            v0 = maxOf(v0, zero);
            v1 = maxOf(v1, zero);
        }
        store(c, v0);
        store(c + kLanes, v1);
    }
}

// Rows x cols outputs at (r0, col) from the accumulators: whole row-major
// tiles straight from the registers, others through a buffer.
template <int Rows>
[[gnu::always_inline]] inline void storeTile(const Vec (&lo)[Rows], const Vec (&hi)[Rows], long r0, long col,
                                             int cols, const Destination& d, Phase ph) {
    if (d.transposed || cols < kNr || d.alpha != 1.0f) {
        alignas(64) float t[Rows * kNr];
#pragma GCC unroll 16
        for (int r = 0; r < Rows; ++r) {
            store(t + r * kNr, lo[r]);
            store(t + r * kNr + kLanes, hi[r]);
        }
        storeTileValues(t, Rows, r0, col, cols, d, ph);
        return;
    }
    float* c = d.data + r0 * d.rowStride + col;
    const long stride = d.rowStride;
    const float* bias = d.bias + col;
    switch ((ph.add ? 4 : 0) | (ph.bias && d.bias ? 2 : 0) | (ph.relu ? 1 : 0)) {
    case 0: return storeRows<Rows, false, false, false>(lo, hi, c, stride, bias);
    case 1: return storeRows<Rows, false, false, true>(lo, hi, c, stride, bias);
    case 2: return storeRows<Rows, false, true, false>(lo, hi, c, stride, bias);
    case 3: return storeRows<Rows, false, true, true>(lo, hi, c, stride, bias);
    case 4: return storeRows<Rows, true, false, false>(lo, hi, c, stride, bias);
    case 5: return storeRows<Rows, true, false, true>(lo, hi, c, stride, bias);
    case 6: return storeRows<Rows, true, true, false>(lo, hi, c, stride, bias);
    default: return storeRows<Rows, true, true, true>(lo, hi, c, stride, bias);
    }
}

// Packs x(k0..k0+kc, n0..n0+nc) into panels of kNr columns, k-major, zero-padded.
inline void pack(const Operand& x, long k0, int kc, long n0, int nc, float* packed) {
    const int panels = (nc + kNr - 1) / kNr;
    if (x.colStride == 1) { // rows contiguous: copy row pieces
        for (int k = 0; k < kc; ++k) {
            const float* src = x.data + (k0 + k) * x.rowStride + n0;
            for (int p = 0; p < panels; ++p) {
                float* dst = packed + (long(p) * kc + k) * kNr;
                const float* s = src + p * kNr;
                const int cols = int(minOf(kNr, nc - p * kNr));
                if (cols == kNr) {
                    store(dst, load(s));
                    store(dst + kLanes, load(s + kLanes));
                    continue;
                }
                for (int j = 0; j < cols; ++j) dst[j] = s[j];
                for (int j = cols; j < kNr; ++j) dst[j] = 0.0f;
            }
        }
        return;
    }
    // Columns contiguous: read each column along k, scatter into the (L1-sized) panel.
    for (int p = 0; p < panels; ++p) {
        float* panel = packed + long(p) * kc * kNr;
        const int cols = int(minOf(kNr, nc - p * kNr));
        for (int j = 0; j < cols; ++j) {
            const float* src = x.data + (n0 + p * kNr + j) * x.colStride + k0;
            for (int k = 0; k < kc; ++k) panel[k * kNr + j] = src[k];
        }
        if (cols < kNr)
            for (int k = 0; k < kc; ++k)
                for (int j = cols; j < kNr; ++j) panel[k * kNr + j] = 0.0f;
    }
}

} // namespace

} // namespace cs::kernels::CS_KERNEL_ISA
