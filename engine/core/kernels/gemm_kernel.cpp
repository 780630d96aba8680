// The matrix product of every layer (core/gemm.h), compiled once per
// instruction set.
//
// op(B) is packed, a K-block at a time, into panels of kNr columns (two
// vectors, zero-padded); op(A) is read in place through its strides. A row
// tile (gemm_tiles.h) stays in L1 while it meets every panel of the packed
// block (in L2), so the in-place operand is read from memory once.
//
// When packing op(B) would cost more than computing the product transposed
// (C^T = op(B)^T op(A)^T, op(A)^T packed, C stored transposed), that is done
// instead (estimatedCycles).
#include "engine/core/kernels/gemm_tiles.h"

namespace cs::kernels::CS_KERNEL_ISA {

namespace {

// Rows x nc outputs at (r0, n0): a(r0.., k0..k0+kc) times every packed panel
// of the block, one register tile of Rows x kNr at a time. RowMajorA: a's rows
// are contiguous in k (else its columns are).
template <int Rows, bool RowMajorA>
void productRowTile(const Operand& a, long r0, long k0, int kc, const Panels& b, long n0, int nc,
                    const Destination& d, Phase ph) {
    const float* ap[Rows];
#pragma GCC unroll 16
    for (int r = 0; r < Rows; ++r) ap[r] = a.data + (r0 + r) * a.rowStride + k0 * a.colStride;
    const Vec zero{};
    const long kStep = b.kStep;
    for (int c0 = 0; c0 < nc; c0 += kNr) {
        const float* panel = b.first + (c0 / kNr) * b.panelStep;
        Vec lo[Rows], hi[Rows];
#pragma GCC unroll 16
        for (int r = 0; r < Rows; ++r) lo[r] = hi[r] = zero;
        if constexpr (RowMajorA) {
            for (int k = 0; k < kc; ++k) {
                const Vec b0 = load(panel + k * kStep), b1 = load(panel + k * kStep + kLanes);
#pragma GCC unroll 16
                for (int r = 0; r < Rows; ++r) {
                    const Vec x = broadcast(ap[r][k]);
                    lo[r] += x * b0;
                    hi[r] += x * b1;
                }
            }
        } else {
            const float* ak = ap[0];
            for (int k = 0; k < kc; ++k, ak += a.colStride) {
                const Vec b0 = load(panel + k * kStep), b1 = load(panel + k * kStep + kLanes);
#pragma GCC unroll 16
                for (int r = 0; r < Rows; ++r) {
                    const Vec x = broadcast(ak[r]);
                    lo[r] += x * b0;
                    hi[r] += x * b1;
                }
            }
        }
        storeTile<Rows>(lo, hi, r0, n0 + c0, int(minOf(kNr, nc - c0)), d, ph);
    }
}

// The last rows % kMr rows: a tile of exactly that height.
template <int Rows, bool RowMajorA>
void productRowTileOf(int rows, const Operand& a, long r0, long k0, int kc, const Panels& b, long n0, int nc,
                      const Destination& d, Phase ph) {
    if constexpr (Rows > 1)
        if (rows < Rows) return productRowTileOf<Rows - 1, RowMajorA>(rows, a, r0, k0, kc, b, n0, nc, d, ph);
    productRowTile<Rows, RowMajorA>(a, r0, k0, kc, b, n0, nc, d, ph);
}

// All rows: full row tiles, then the remaining rows % kMr.
void productRows(const Operand& a, long rows, long k0, int kc, const Panels& b, long n0, int nc, const Destination& d,
                 Phase ph) {
    const bool rowMajorA = a.colStride == 1;
    long m0 = 0;
    for (; m0 + kMr <= rows; m0 += kMr) {
        if (rowMajorA) productRowTile<kMr, true>(a, m0, k0, kc, b, n0, nc, d, ph);
        else productRowTile<kMr, false>(a, m0, k0, kc, b, n0, nc, d, ph);
    }
    if (m0 == rows) return;
    if (rowMajorA) productRowTileOf<kMr - 1, true>(int(rows - m0), a, m0, k0, kc, b, n0, nc, d, ph);
    else productRowTileOf<kMr - 1, false>(int(rows - m0), a, m0, k0, kc, b, n0, nc, d, ph);
}

// Whether multiply() reads a row-major b in place instead of packing it: when
// few rows would reuse a packed panel (a first layer's weight gradient: 9
// rows) or when b is small enough to stay in L1 anyway (Winograd's 16 products
// per block of tiles, each with a 64 x 32 kernel, repacked every block: 6% of
// M1's inference).
bool readsInPlace(bool rowMajorB, long rows, long cols, long K) {
    return rowMajorB && (rows <= 2 * kMr || K * cols <= kInPlaceFloats);
}

// d(rows x cols) (+)= a(rows x K) * b(K x cols), b packed a block at a time
// unless read in place (readsInPlace).
void multiply(const Operand& a, const Operand& b, long rows, long cols, int K, const Destination& d,
              bool accumulate) {
    float* packed = threadScratch(kPackedFloats);
    const bool inPlace = readsInPlace(b.colStride == 1, rows, cols, K);
    // Equal K-blocks (288 = one block of 288, not 256 + 32): each block rewrites C.
    const int blocks = (K + kKcMax - 1) / kKcMax, kcEven = (K + blocks - 1) / blocks;
    for (long n0 = 0; n0 < cols; n0 += kNc) {
        const int nc = int(minOf(kNc, cols - n0));
        const int whole = inPlace ? nc / kNr * kNr : 0; // panels read in place
        for (int k0 = 0; k0 < K; k0 += kcEven) {
            const int kc = int(minOf(kcEven, K - k0));
            const Phase ph{accumulate || k0 > 0, k0 == 0, d.relu && k0 + kc == K};
            if (whole > 0)
                productRows(a, rows, k0, kc, Panels{b.data + k0 * b.rowStride + n0, kNr, b.rowStride}, n0, whole, d,
                            ph);
            if (whole < nc) {
                pack(b, k0, kc, n0 + whole, nc - whole, packed);
                productRows(a, rows, k0, kc, Panels{packed, long(kc) * kNr, kNr}, n0 + whole, nc - whole, d, ph);
            }
        }
    }
}

// Rough cycles of one orientation: the padded tiles' multiply-adds, packing
// (a vector per kLanes values when rows are contiguous, a value at a time when
// columns are), and a transposed store (value by value, once per K-block).
double estimatedCycles(long rows, long cols, long K, bool packByColumns, bool transposedStore) {
    const double paddedRows = double((rows + kMr - 1) / kMr * kMr), paddedCols = double((cols + kNr - 1) / kNr * kNr);
    const double products = paddedRows * paddedCols * double(K) / (2.0 * kLanes);
    const bool inPlace = readsInPlace(!packByColumns, rows, cols, K);
    const double packing = inPlace ? 0.0 : double(K) * paddedCols * (packByColumns ? 1.0 : 1.0 / kLanes);
    const double blocks = double((K + kKcMax - 1) / kKcMax);
    return products + packing + (transposedStore ? 2.0 * double(rows) * double(cols) * blocks : 0.0);
}

// Whether C^T = op(B)^T op(A)^T costs less: packing op(A)^T instead of op(B).
// A Dense layer's input gradient (32 x 1568 from 32 x 128 times a 1568 x 128
// kernel, transposed) packs the small batch instead of transposing the kernel.
bool computeTransposed(const GemmArgs& g) {
    const double normal = estimatedCycles(g.M, g.N, g.K, g.transB, false);
    const double transposedProduct = estimatedCycles(g.N, g.M, g.K, !g.transA, true);
    return transposedProduct < normal;
}

} // namespace

void gemm(const GemmArgs& g) {
    if (g.M <= 0 || g.N <= 0) return;
    if (g.K <= 0) { // an empty sum: only what C held, the bias and the clamp remain
        const Phase ph{g.accumulate, true, g.relu};
        for (long i = 0; i < g.M; ++i) {
            float* c = g.C + i * g.ldc;
            for (int j = 0; j < g.N; ++j)
                c[j] = finish(0.0f, g.accumulate ? &c[j] : nullptr, g.bias ? &g.bias[j] : nullptr, 1.0f, ph);
        }
        return;
    }
    const Operand a = g.transA ? Operand{g.A, 1, g.lda} : Operand{g.A, g.lda, 1}; // op(A)(m, k)
    const Operand b = g.transB ? Operand{g.B, 1, g.ldb} : Operand{g.B, g.ldb, 1}; // op(B)(k, n)
    if (!computeTransposed(g))
        multiply(a, b, g.M, g.N, g.K, Destination{g.C, g.ldc, 1, false, g.bias, g.alpha, g.relu}, g.accumulate);
    else
        multiply(transposed(b), transposed(a), g.N, g.M, g.K, Destination{g.C, 1, g.ldc, true, g.bias, g.alpha, g.relu},
                 g.accumulate);
}

} // namespace cs::kernels::CS_KERNEL_ISA
