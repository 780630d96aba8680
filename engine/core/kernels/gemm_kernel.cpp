// The matrix product of every layer (core/gemm.h), compiled once per
// instruction set.
//
// One operand is packed, a K-block at a time, into panels of kNr columns
// (two vectors, zero-padded); the other is read in place through its strides.
// A register tile of kMr x kNr outputs (kMr rows x 2 vectors of accumulators)
// runs over K with vector FMAs: 6 x 16 with AVX2's 16 registers (12
// accumulators, two B vectors, one broadcast), 14 x 32 with AVX-512's 32, 6 x 8
// with SSE2's 16. A row tile stays in L1 while it meets every panel of the
// packed block (in L2), so the in-place operand is read from memory once.
//
// Normally op(B) is packed; when packing it would cost more than computing
// the product transposed (C^T = op(B)^T op(A)^T, op(A)^T packed, C stored
// transposed), that is done instead (estimatedCycles).
#include "core/kernels/kernel_functions.h"

#include <cstring>

namespace cs::kernels::CS_KERNEL_ISA {

namespace {

constexpr int kMr = kGemmTileRows;
constexpr int kNr = kGemmTileColumns;
constexpr int kKcMax = 320;                // K-block: a 6 x 320 row tile is 7.5 KB of L1
constexpr long kPackedFloats = 80 * 1024;  // one packed block, 320 KB: stays in L2
constexpr int kNc = int(kPackedFloats / kKcMax / kNr) * kNr;

// X(r, k) = data[r * rowStride + k * colStride]; one of the two strides is 1.
struct Operand {
    const float* data;
    long rowStride, colStride;
};

Operand transposed(const Operand& x) { return {x.data, x.colStride, x.rowStride}; }

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

// One output value, in the order of the vector path: scale, add, bias, clamp.
// Where the panels of op(B)'s K-block are: packed (kNr floats from one k to the
// next, panels one after another) or, for a row-major op(B) met by few rows,
// read in place.
struct Panels {
    const float* first;
    long panelStep, kStep;
};

float finish(float v, const float* old, const float* bias, float alpha, Phase ph) {
    if (alpha != 1.0f) v *= alpha;
    if (old) v += *old;
    if (bias) v += *bias;
    return ph.relu && !(v > 0.0f) ? 0.0f : v;
}

// A partial or transposed tile from a buffer of its values (rows x kNr), value by value.
[[gnu::noinline]] void storeTileValues(const float* t, int rows, long r0, long c0, int cols, const Destination& d,
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

// Packs x(k0..k0+kc, n0..n0+nc) into panels of kNr columns, k-major, zero-padded.
void pack(const Operand& x, long k0, int kc, long n0, int nc, float* packed) {
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

// d(rows x cols) (+)= a(rows x K) * b(K x cols), b packed a block at a time.
// Few rows reuse a packed panel too little to pay for packing it: a row-major
// b is then read in place (a first layer's weight gradient: 9 rows).
void multiply(const Operand& a, const Operand& b, long rows, long cols, int K, const Destination& d,
              bool accumulate) {
    float* packed = threadScratch(kPackedFloats);
    const bool inPlace = b.colStride == 1 && rows <= 2 * kMr;
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

// Rows x nc outputs at (r0, n0) of a convolution: row r's K values are runs
// of contiguous floats, run s of length[s] starting at rows[s * Rows + r] (a
// kernel position's channels in the image, or zeros).
template <int Rows>
void convolutionRowTile(const float* const* rows, int runs, const int* length, const Panels& b, long r0, long n0,
                        int nc, const Destination& d, Phase ph) {
    const Vec zero{};
    const long kStep = b.kStep;
    for (int c0 = 0; c0 < nc; c0 += kNr) {
        const float* bk = b.first + (c0 / kNr) * b.panelStep;
        Vec lo[Rows], hi[Rows];
#pragma GCC unroll 16
        for (int r = 0; r < Rows; ++r) lo[r] = hi[r] = zero;
        for (int s = 0; s < runs; ++s) {
            const float* ap[Rows];
#pragma GCC unroll 16
            for (int r = 0; r < Rows; ++r) ap[r] = rows[s * Rows + r];
            for (int k = 0; k < length[s]; ++k, bk += kStep) {
                const Vec b0 = load(bk), b1 = load(bk + kLanes);
#pragma GCC unroll 16
                for (int r = 0; r < Rows; ++r) {
                    const Vec x = broadcast(ap[r][k]);
                    lo[r] += x * b0;
                    hi[r] += x * b1;
                }
            }
        }
        storeTile<Rows>(lo, hi, r0, n0 + c0, int(minOf(kNr, nc - c0)), d, ph);
    }
}

template <int Rows>
void convolutionRowTileOf(int rows, const float* const* table, int runs, const int* length, const Panels& b, long r0,
                          long n0, int nc, const Destination& d, Phase ph) {
    if constexpr (Rows > 1)
        if (rows < Rows) return convolutionRowTileOf<Rows - 1>(rows, table, runs, length, b, r0, n0, nc, d, ph);
    convolutionRowTile<Rows>(table, runs, length, b, r0, n0, nc, d, ph);
}

// Rough cycles of one orientation: the padded tiles' multiply-adds, packing
// (a vector per kLanes values when rows are contiguous, a value at a time when
// columns are), and a transposed store (value by value, once per K-block).
double estimatedCycles(long rows, long cols, long K, bool packByColumns, bool transposedStore) {
    const double paddedRows = double((rows + kMr - 1) / kMr * kMr), paddedCols = double((cols + kNr - 1) / kNr * kNr);
    const double products = paddedRows * paddedCols * double(K) / (2.0 * kLanes);
    const bool inPlace = !packByColumns && rows <= 2 * kMr; // as multiply() decides
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

void convolution(const ConvGeometry& g, const float* in, int images, const float* kernel, const float* bias, bool relu,
                 float* out) {
    const int C = g.channels, F = g.filters;
    const long rowsPerImage = long(g.outH) * g.outW, rows = rowsPerImage * images;
    const long inPerImage = long(g.inH) * g.inW * C, K = long(g.kernelH) * g.kernelW * C;
    if (rows <= 0 || F <= 0) return;
    if (K <= 0) { // no input channels: the bias alone
        for (long i = 0; i < rows * F; ++i) {
            const float v = bias ? bias[i % F] : 0.0f;
            out[i] = relu && !(v > 0.0f) ? 0.0f : v;
        }
        return;
    }
    float* packed = threadScratch(kPackedFloats + kKcMax);
    float* zeros = packed + kPackedFloats; // what a kernel position outside the image reads
    for (int i = 0; i < kKcMax; ++i) zeros[i] = 0.0f;
    const Operand kernelRows{kernel, F, 1}; // K x F, k = (ky * kw + kx) * C + c
    const Destination d{out, F, 1, false, bias, 1.0f, relu};
    // A K-block's runs: within one kernel position, contiguous in the image.
    int runPosition[kKcMax], runChannel[kKcMax], runLength[kKcMax];
    const float* table[kKcMax * kMr];
    const long blocks = (K + kKcMax - 1) / kKcMax, kcEven = (K + blocks - 1) / blocks;
    for (long n0 = 0; n0 < F; n0 += kNc) {
        const int nc = int(minOf(kNc, F - n0));
        for (long k0 = 0; k0 < K; k0 += kcEven) {
            const int kc = int(minOf(kcEven, K - k0));
            int runs = 0;
            for (long k = k0; k < k0 + kc; ++runs) {
                runPosition[runs] = int(k / C);
                runChannel[runs] = int(k % C);
                runLength[runs] = int(minOf(C - runChannel[runs], k0 + kc - k));
                k += runLength[runs];
            }
            pack(kernelRows, k0, kc, n0, nc, packed);
            const Panels panels{packed, long(kc) * kNr, kNr};
            const Phase ph{k0 > 0, k0 == 0, relu && k0 + kc == K};
            for (long m0 = 0; m0 < rows; m0 += kMr) {
                const int tile = int(minOf(kMr, rows - m0));
                for (int r = 0; r < tile; ++r) {
                    const long p = m0 + r, q = p % rowsPerImage;
                    const int oy = int(q / g.outW), ox = int(q % g.outW);
                    const float* image = in + (p / rowsPerImage) * inPerImage;
                    for (int s = 0; s < runs; ++s) {
                        const int ky = runPosition[s] / g.kernelW, kx = runPosition[s] % g.kernelW;
                        const int iy = oy * g.strideH - g.padTop + ky, ix = ox * g.strideW - g.padLeft + kx;
                        const bool inside = iy >= 0 && iy < g.inH && ix >= 0 && ix < g.inW;
                        table[s * tile + r] = inside ? image + (long(iy) * g.inW + ix) * C + runChannel[s] : zeros;
                    }
                }
                if (tile == kMr) convolutionRowTile<kMr>(table, runs, runLength, panels, m0, n0, nc, d, ph);
                else convolutionRowTileOf<kMr - 1>(tile, table, runs, runLength, panels, m0, n0, nc, d, ph);
            }
        }
    }
}

} // namespace cs::kernels::CS_KERNEL_ISA
