// Element-wise passes (ReLU, bias gradients, dropout) and the multiply-add
// peak loop, compiled once per instruction set. Memory-bound: what matters is
// that each runs at the path's vector width without branches. Each value is
// computed in the same order on every path, so these give the same bits on all.
#include "engine/core/kernels/kernel_functions.h"

#include <cstring>

namespace cs::kernels::CS_KERNEL_ISA {

namespace {

// The same function as cs::splitmix64 (core/random.h), kept here so that no
// inline function is shared with translation units built for other paths.
inline uint64_t mix64(uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

volatile float gPeakSink; // keeps the peak loop's results alive

} // namespace

void reluForward(float* x, long n) {
    const Vec zero{};
    long i = 0;
    for (; i + kLanes <= n; i += kLanes) store(x + i, maxOf(load(x + i), zero));
    for (; i < n; ++i) x[i] = x[i] > 0.0f ? x[i] : 0.0f;
}

void reluBackward(const float* y, float* dy, long n) {
    const Vec zero{};
    long i = 0;
    for (; i + kLanes <= n; i += kLanes) store(dy + i, load(y + i) > zero ? load(dy + i) : zero);
    for (; i < n; ++i) dy[i] = y[i] > 0.0f ? dy[i] : 0.0f;
}

namespace {

// Columns [c, c + Block vectors) of columnSums below, held in registers down all rows.
template <int Block, bool kRelu>
void columnBlockSums(const float* y, float* x, long rows, int cols, int c, float* sums) {
    const Vec zero{};
    Vec s[Block];
#pragma GCC unroll 8
    for (int v = 0; v < Block; ++v) s[v] = load(sums + c + v * kLanes);
    for (long r = 0; r < rows; ++r) {
#pragma GCC unroll 8
        for (int v = 0; v < Block; ++v) {
            const long at = r * cols + c + v * kLanes;
            Vec value = load(x + at);
            if constexpr (kRelu) {
                value = load(y + at) > zero ? value : zero;
                store(x + at, value);
            }
            s[v] += value;
        }
    }
#pragma GCC unroll 8
    for (int v = 0; v < Block; ++v) store(sums + c + v * kLanes, s[v]);
}

// sums[c] += x[r][c] over the rows, in order; with kRelu each value first
// becomes y > 0 ? x : 0 and is stored back (ReLU's derivative), in the same
// pass. Each sum starts from sums[c] and adds the rows in order, as a plain
// loop would; the widest blocks of columns go first, so up to 8 vectors of
// columns (64 filters on AVX2) take one pass over the rows.
template <bool kRelu> void columnSums(const float* y, float* x, long rows, int cols, float* sums) {
    int c = 0;
    for (; c + 8 * kLanes <= cols; c += 8 * kLanes) columnBlockSums<8, kRelu>(y, x, rows, cols, c, sums);
    for (; c + 4 * kLanes <= cols; c += 4 * kLanes) columnBlockSums<4, kRelu>(y, x, rows, cols, c, sums);
    for (; c + kLanes <= cols; c += kLanes) columnBlockSums<1, kRelu>(y, x, rows, cols, c, sums);
    for (; c < cols; ++c) {
        float s = sums[c];
        for (long r = 0; r < rows; ++r) {
            float& v = x[r * cols + c];
            if constexpr (kRelu) v = y[r * cols + c] > 0.0f ? v : 0.0f;
            s += v;
        }
        sums[c] = s;
    }
}

} // namespace

void addColumnSums(const float* x, long rows, int cols, float* sums) {
    columnSums<false>(nullptr, const_cast<float*>(x), rows, cols, sums); // (only read)
}

void reluBackwardColumnSums(const float* y, float* dy, long rows, int cols, float* sums) {
    columnSums<true>(y, dy, rows, cols, sums);
}

void dropoutForward(const float* x, float* y, uint8_t* mask, long n, uint64_t key, uint32_t threshold,
                    float scale) {
    // Four bytes written as one: with four separate byte stores, GCC 12 -O3
    // vectorizes this loop for x86-64-v4 (a long sequence of vpermt2w, vpextrb,
    // vpmovwb), code that is right on AVX-512 hardware (Zen 5, every n up to
    // 2048) but wrong near the end of 128 values or more under Bochs' emulated
    // AVX-512, which scripts/emulate-avx512.sh tests this path with on machines
    // without it (docs/testing.md). This form is not vectorized, and runs right
    // on both: a few thousand hashes per batch do not need vectors.
    long i = 0;
    for (; i + 4 <= n; i += 4) {
        const uint64_t bits = mix64(key + uint64_t(i));
        const uint8_t four[4] = {uint8_t((bits & 0xffff) >= threshold), uint8_t(((bits >> 16) & 0xffff) >= threshold),
                                 uint8_t(((bits >> 32) & 0xffff) >= threshold), uint8_t((bits >> 48) >= threshold)};
        std::memcpy(mask + i, four, sizeof four);
    }
    if (i < n) {
        const uint64_t bits = mix64(key + uint64_t(i));
        for (long j = i; j < n; ++j) mask[j] = ((bits >> (16 * (j - i))) & 0xffff) >= threshold;
    }
    for (long j = 0; j < n; ++j) y[j] = x[j] * (float(mask[j]) * scale); // branch-free
}

void dropoutBackward(const float* dy, const uint8_t* mask, float* dx, long n, float scale) {
    for (long i = 0; i < n; ++i) dx[i] = dy[i] * (float(mask[i]) * scale);
}

double multiplyAddPeakLoop(long iterations) {
    // Enough independent chains to cover the multiply-add latency on every
    // unit, leaving registers for the two constants.
    constexpr int kChains = kRegisters - 4;
    const Vec a = broadcast(0.999999f), b = broadcast(1e-7f);
    Vec acc[kChains];
#pragma GCC unroll 32
    for (int c = 0; c < kChains; ++c) acc[c] = broadcast(float(c));
    for (long it = 0; it < iterations; ++it)
#pragma GCC unroll 32
        for (int c = 0; c < kChains; ++c) acc[c] = acc[c] * a + b;
    float sum = 0.0f;
    for (int c = 0; c < kChains; ++c)
        for (int l = 0; l < kLanes; ++l) sum += acc[c][l];
    gPeakSink = sum;
    return 2.0 * kLanes * kChains * double(iterations);
}

} // namespace cs::kernels::CS_KERNEL_ISA
