#include "core/packed_gemm.h"

#include "core/simd.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

namespace cs {

namespace {

using simd::broadcast;
using simd::load;
using simd::store;
using simd::Vec;

constexpr int kMr = 8;   // rows of the register tile
constexpr int kNr = 32;  // columns of the register tile (two vectors)
constexpr int kKc = 192; // K-block: a packed panel of 192 x 32 floats is 24 KB (L1)


// A(r, k) = A[r * rowStride + k * colStride]
struct StridedA {
    const float* data;
    long rowStride, colStride;
    const float* at(long r, long k) const { return data + r * rowStride + k * colStride; }
};

// C tile (rows x 32) (+)= A(rows x kc) * Bp(kc x 32). `rows` <= kMr; `cols` <= 32 valid columns.
template <int Rows>
void tile(const StridedA& a, long row0, long k0, int kc, const float* bp, float* c, int ldc, int cols,
          bool accumulate) {
    Vec acc[Rows][2];
#pragma GCC unroll 8
    for (int r = 0; r < Rows; ++r) acc[r][0] = acc[r][1] = Vec{};
    const float* ap[Rows];
#pragma GCC unroll 8
    for (int r = 0; r < Rows; ++r) ap[r] = a.at(row0 + r, k0);
    const long cs = a.colStride;
    for (int k = 0; k < kc; ++k) {
        const Vec b0 = load(bp + k * kNr), b1 = load(bp + k * kNr + 16);
#pragma GCC unroll 8
        for (int r = 0; r < Rows; ++r) {
            const Vec x = broadcast(ap[r][k * cs]);
            acc[r][0] += x * b0;
            acc[r][1] += x * b1;
        }
    }
    for (int r = 0; r < Rows; ++r) {
        float* cr = c + (row0 + r) * long(ldc);
        if (cols == kNr) {
            if (accumulate) {
                store(cr, load(cr) + acc[r][0]);
                store(cr + 16, load(cr + 16) + acc[r][1]);
            } else {
                store(cr, acc[r][0]);
                store(cr + 16, acc[r][1]);
            }
        } else {
            alignas(64) float tmp[kNr];
            store(tmp, acc[r][0]);
            store(tmp + 16, acc[r][1]);
            if (accumulate)
                for (int j = 0; j < cols; ++j) cr[j] += tmp[j];
            else
                for (int j = 0; j < cols; ++j) cr[j] = tmp[j];
        }
    }
}

void tileRows(int rows, const StridedA& a, long row0, long k0, int kc, const float* bp, float* c, int ldc,
              int cols, bool accumulate) {
    switch (rows) {
    case 8: return tile<8>(a, row0, k0, kc, bp, c, ldc, cols, accumulate);
    case 7: return tile<7>(a, row0, k0, kc, bp, c, ldc, cols, accumulate);
    case 6: return tile<6>(a, row0, k0, kc, bp, c, ldc, cols, accumulate);
    case 5: return tile<5>(a, row0, k0, kc, bp, c, ldc, cols, accumulate);
    case 4: return tile<4>(a, row0, k0, kc, bp, c, ldc, cols, accumulate);
    case 3: return tile<3>(a, row0, k0, kc, bp, c, ldc, cols, accumulate);
    case 2: return tile<2>(a, row0, k0, kc, bp, c, ldc, cols, accumulate);
    default: return tile<1>(a, row0, k0, kc, bp, c, ldc, cols, accumulate);
    }
}

} // namespace

void packedGemm(bool transA, bool transB, int M, int N, int K, const float* A, int lda, const float* B,
                int ldb, bool accumulate, float* C, int ldc) {
    if (M <= 0 || N <= 0) return;
    if (K <= 0) {
        if (!accumulate)
            for (int i = 0; i < M; ++i) std::memset(C + long(i) * ldc, 0, sizeof(float) * size_t(N));
        return;
    }
    const StridedA a{A, transA ? 1L : long(lda), transA ? long(lda) : 1L};
    // One packed panel, reused by every row tile: per thread, kept between calls.
    thread_local std::vector<float, std::allocator<float>> packed;
    packed.resize(size_t(kKc) * kNr + 16);
    float* bp = reinterpret_cast<float*>((reinterpret_cast<uintptr_t>(packed.data()) + 63) & ~uintptr_t(63));
    for (int n0 = 0; n0 < N; n0 += kNr) {
        const int cols = std::min(kNr, N - n0);
        for (int k0 = 0; k0 < K; k0 += kKc) {
            const int kc = std::min(kKc, K - k0);
            // Pack B(k0:k0+kc, n0:n0+cols) row by row, zero-padding to 32 columns.
            if (!transB) {
                for (int k = 0; k < kc; ++k) {
                    float* dst = bp + k * kNr;
                    const float* src = B + long(k0 + k) * ldb + n0;
                    if (cols == kNr) { // two vector copies, not a memcpy call per row
                        store(dst, load(src));
                        store(dst + 16, load(src + 16));
                        continue;
                    }
                    for (int j = 0; j < cols; ++j) dst[j] = src[j];
                    for (int j = cols; j < kNr; ++j) dst[j] = 0.0f;
                }
            } else {
                // B is stored transposed: read each of its rows contiguously, scatter
                // into the (L1-resident) panel.
                if (cols < kNr)
                    for (int k = 0; k < kc; ++k)
                        for (int j = cols; j < kNr; ++j) bp[k * kNr + j] = 0.0f;
                for (int j = 0; j < cols; ++j) {
                    const float* src = B + long(n0 + j) * ldb + k0;
                    for (int k = 0; k < kc; ++k) bp[k * kNr + j] = src[k];
                }
            }
            const bool add = accumulate || k0 > 0;
            int m0 = 0;
            for (; m0 + kMr <= M; m0 += kMr) tile<kMr>(a, m0, k0, kc, bp, C + n0, ldc, cols, add);
            if (m0 < M) tileRows(M - m0, a, m0, k0, kc, bp, C + n0, ldc, cols, add);
        }
    }
}

} // namespace cs
