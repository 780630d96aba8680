// The instruction-set paths of core/kernels.h, each checked directly on every
// path this CPU runs (a path it lacks is reported as skipped): the GEMM
// against a plain double-precision product for every transpose pair and
// ragged sizes around the register tiles, its fused bias/ReLU/alpha/accumulate
// store, the direct convolution and its weight gradient against plain window
// loops, and the pooling,
// dropout, ReLU and column-sum kernels against plain loops. The layer reference and gradient tests run once per path as well
// (ctest entries *.generic, *.avx2, *.avx512, with CONVSTUDIO_ISA set).
#include "tests/engine/test_registry.h"

#include "engine/core/errors.h"
#include "engine/core/kernels.h"
#include "engine/core/random.h"
#include "engine/core/winograd.h"

#include <QtTest>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace cs;

namespace {

std::vector<float> randomValues(size_t n, uint64_t seed) {
    Rng rng(seed);
    std::vector<float> v(n);
    for (float& x : v) x = float(rng.uniform(-1.0, 1.0));
    return v;
}

struct GemmCase {
    bool transA, transB;
    int M, N, K;
};

// Checks C = alpha op(A) op(B) (+ C0) (+ bias) (ReLU) computed by `table`
// against a double-precision loop; returns "" or what went wrong.
std::string checkGemm(const kernels::KernelTable& table, const GemmCase& c, bool accumulate, float alpha,
                      bool withBias, bool relu) {
    // Leading dimensions wider than the matrices, so strides are honoured.
    const int lda = (c.transA ? c.M : c.K) + 3, ldb = (c.transB ? c.K : c.N) + 5, ldc = c.N + 2;
    const int rowsA = c.transA ? c.K : c.M, rowsB = c.transB ? c.N : c.K;
    const std::vector<float> A = randomValues(size_t(rowsA) * lda, 1 + c.M * 7 + c.K);
    const std::vector<float> B = randomValues(size_t(rowsB) * ldb, 2 + c.N * 11 + c.K);
    const std::vector<float> bias = randomValues(size_t(c.N), 3);
    std::vector<float> C = randomValues(size_t(c.M) * ldc, 4);
    const std::vector<float> C0 = C;
    kernels::GemmArgs g;
    g.transA = c.transA;
    g.transB = c.transB;
    g.M = c.M;
    g.N = c.N;
    g.K = c.K;
    g.A = A.data();
    g.lda = lda;
    g.B = B.data();
    g.ldb = ldb;
    g.C = C.data();
    g.ldc = ldc;
    g.alpha = alpha;
    g.accumulate = accumulate;
    g.bias = withBias ? bias.data() : nullptr;
    g.relu = relu;
    table.gemm(g);
    for (int i = 0; i < c.M; ++i) {
        for (int j = 0; j < c.N; ++j) {
            double sum = 0, magnitude = 0;
            for (int k = 0; k < c.K; ++k) {
                const double a = c.transA ? A[size_t(k) * lda + i] : A[size_t(i) * lda + k];
                const double b = c.transB ? B[size_t(j) * ldb + k] : B[size_t(k) * ldb + j];
                sum += a * b;
                magnitude += std::fabs(a * b);
            }
            double expected = alpha * sum;
            if (accumulate) expected += C0[size_t(i) * ldc + j];
            if (withBias) expected += bias[size_t(j)];
            if (relu) expected = std::max(expected, 0.0);
            const double got = C[size_t(i) * ldc + j];
            // float32 sums of K products: far below one product's size (~magnitude / K).
            if (std::fabs(got - expected) > 3e-5 * (std::fabs(alpha) * magnitude + 1.0))
                return "C(" + std::to_string(i) + "," + std::to_string(j) + ") = " + std::to_string(got) +
                       ", expected " + std::to_string(expected);
        }
        // The padding between rows of C is never written.
        for (int j = c.N; j < ldc; ++j)
            if (C[size_t(i) * ldc + j] != C0[size_t(i) * ldc + j]) return "wrote outside C's row " + std::to_string(i);
    }
    return "";
}

std::string describe(const kernels::KernelTable& t, const GemmCase& c) {
    return std::string(t.name) + " transA " + std::to_string(c.transA) + " transB " + std::to_string(c.transB) +
           " M " + std::to_string(c.M) + " N " + std::to_string(c.N) + " K " + std::to_string(c.K) + ": ";
}

// Reference max pooling of one HWC image (first maximum wins, padding ignored).
void referenceMaxPool(const kernels::PoolGeometry& g, const std::vector<float>& in, std::vector<float>& out,
                      std::vector<uint16_t>& arg) {
    for (int oy = 0; oy < g.outH; ++oy)
        for (int ox = 0; ox < g.outW; ++ox)
            for (int c = 0; c < g.channels; ++c) {
                float best = 0;
                int where = -1;
                for (int ky = 0; ky < g.poolH; ++ky)
                    for (int kx = 0; kx < g.poolW; ++kx) {
                        const int iy = oy * g.strideH - g.padTop + ky, ix = ox * g.strideW - g.padLeft + kx;
                        if (iy < 0 || iy >= g.inH || ix < 0 || ix >= g.inW) continue;
                        const float v = in[(size_t(iy) * g.inW + ix) * g.channels + c];
                        if (where < 0 || v > best) {
                            best = v;
                            where = ky * g.poolW + kx;
                        }
                    }
                const size_t at = (size_t(oy) * g.outW + ox) * g.channels + c;
                out[at] = best;
                arg[at] = uint16_t(where);
            }
}

std::vector<kernels::PoolGeometry> poolGeometries() {
    std::vector<kernels::PoolGeometry> list;
    // (in size, pool, stride, pad, channels): channels around every vector width;
    // 2x2 windows whole (their own unrolled path) and clipped by the padding.
    const int shapes[][5] = {{8, 2, 2, 0, 37}, {7, 2, 2, 0, 16}, {7, 3, 2, 1, 8},
                             {6, 3, 1, 1, 3}, {5, 2, 2, 0, 64}, {9, 2, 2, 1, 24}};
    for (const auto& s : shapes) {
        kernels::PoolGeometry g;
        g.inH = g.inW = s[0];
        g.poolH = g.poolW = s[1];
        g.strideH = g.strideW = s[2];
        g.padTop = g.padLeft = s[3];
        g.channels = s[4];
        g.outH = g.outW = (s[0] + 2 * s[3] - s[1]) / s[2] + 1;
        list.push_back(g);
    }
    return list;
}

struct ConvCase {
    int inH, inW, C, F, kh, kw, stride, padTop, padLeft, images;
    kernels::ConvGeometry geometry() const {
        kernels::ConvGeometry g;
        g.inH = inH;
        g.inW = inW;
        g.channels = C;
        g.filters = F;
        g.kernelH = kh;
        g.kernelW = kw;
        g.strideH = g.strideW = stride;
        g.padTop = padTop;
        g.padLeft = padLeft;
        g.outH = (inH + 2 * padTop - kh) / stride + 1;
        g.outW = (inW + 2 * padLeft - kw) / stride + 1;
        return g;
    }
    // The same convolution read with window rows as one position
    // (ConvGeometry::pixelChannels), when no window leaves the image sideways.
    std::vector<kernels::ConvGeometry> readings() const {
        const kernels::ConvGeometry g = geometry();
        std::vector<kernels::ConvGeometry> list{g};
        if (padLeft == 0 && (g.outW - 1) * stride + kw <= inW) {
            kernels::ConvGeometry merged = g;
            merged.pixelChannels = C;
            merged.channels = kw * C;
            merged.kernelW = 1;
            list.push_back(merged);
        }
        return list;
    }
};

// Channels around the vector widths and past one K-block (320), filters around
// the tile widths, 'same' and 'valid' windows, strides, images sharing a tile.
std::vector<ConvCase> convolutionCases() {
    return {{7, 6, 8, 16, 3, 3, 1, 1, 1, 3},   {9, 9, 37, 33, 3, 3, 2, 1, 1, 2}, {5, 8, 16, 7, 3, 3, 1, 0, 0, 4},
            {6, 5, 3, 64, 5, 2, 1, 2, 0, 1},   {4, 4, 400, 24, 3, 3, 1, 1, 1, 1}, {3, 3, 9, 32, 1, 1, 1, 0, 0, 5},
            {12, 12, 13, 20, 3, 3, 1, 1, 1, 3}, {9, 11, 3, 20, 3, 3, 2, 0, 0, 3}, {10, 10, 3, 32, 3, 3, 1, 0, 0, 2}};
}

// Checks out (the convolution of `in` by `kernel`, case c's window) against a
// double-precision window loop; returns "" or the first wrong value.
std::string checkConvolution(const ConvCase& c, const std::vector<float>& in, const std::vector<float>& kernel,
                             const std::vector<float>* bias, bool relu, const std::vector<float>& out) {
    const kernels::ConvGeometry g = c.geometry();
    for (int i = 0; i < c.images; ++i)
        for (int oy = 0; oy < g.outH; ++oy)
            for (int ox = 0; ox < g.outW; ++ox)
                for (int f = 0; f < c.F; ++f) {
                    double sum = bias ? (*bias)[size_t(f)] : 0.0, magnitude = 1.0;
                    for (int ky = 0; ky < c.kh; ++ky)
                        for (int kx = 0; kx < c.kw; ++kx) {
                            const int iy = oy * c.stride - c.padTop + ky, ix = ox * c.stride - c.padLeft + kx;
                            if (iy < 0 || iy >= c.inH || ix < 0 || ix >= c.inW) continue;
                            for (int ch = 0; ch < c.C; ++ch) {
                                const double p = double(in[((size_t(i) * c.inH + iy) * c.inW + ix) * c.C + ch]) *
                                                 kernel[((size_t(ky) * c.kw + kx) * c.C + ch) * c.F + f];
                                sum += p;
                                magnitude += std::fabs(p);
                            }
                        }
                    if (relu) sum = std::max(sum, 0.0);
                    const double got = out[((size_t(i) * g.outH + oy) * g.outW + ox) * c.F + f];
                    if (!(std::fabs(got - sum) <= 3e-5 * magnitude))
                        return "image " + std::to_string(i) + " (" + std::to_string(oy) + "," + std::to_string(ox) +
                               ") filter " + std::to_string(f) + ": " + std::to_string(got) + " vs " +
                               std::to_string(sum);
                }
    return "";
}

// Checks dKernel = start + the weight gradient of case c's convolution (images
// `in`, output gradient dy) against a double-precision loop; "" or the first wrong value.
std::string checkWeightGradient(const ConvCase& c, const std::vector<float>& in, const std::vector<float>& dy,
                                const std::vector<float>& start, const std::vector<float>& dKernel) {
    const kernels::ConvGeometry g = c.geometry();
    for (int ky = 0; ky < c.kh; ++ky)
        for (int kx = 0; kx < c.kw; ++kx)
            for (int ch = 0; ch < c.C; ++ch)
                for (int f = 0; f < c.F; ++f) {
                    const size_t at = ((size_t(ky) * c.kw + kx) * c.C + ch) * c.F + f;
                    double sum = start[at], magnitude = 1.0;
                    for (int i = 0; i < c.images; ++i)
                        for (int oy = 0; oy < g.outH; ++oy)
                            for (int ox = 0; ox < g.outW; ++ox) {
                                const int iy = oy * c.stride - c.padTop + ky, ix = ox * c.stride - c.padLeft + kx;
                                if (iy < 0 || iy >= c.inH || ix < 0 || ix >= c.inW) continue;
                                const double p = double(in[((size_t(i) * c.inH + iy) * c.inW + ix) * c.C + ch]) *
                                                 dy[((size_t(i) * g.outH + oy) * g.outW + ox) * c.F + f];
                                sum += p;
                                magnitude += std::fabs(p);
                            }
                    if (!(std::fabs(dKernel[at] - sum) <= 3e-5 * magnitude))
                        return "kernel (" + std::to_string(ky) + "," + std::to_string(kx) + ") channel " +
                               std::to_string(ch) + " filter " + std::to_string(f) + ": " +
                               std::to_string(dKernel[at]) + " vs " + std::to_string(sum);
                }
    return "";
}

// 3x3 at stride 1 (Winograd's F(2x2, 3x3)): 'same' and 'valid' windows and the padding
// of 2 of a valid layer's input gradient, odd outputs (half tiles), channels and filters
// around the vector widths, images sharing a block.
std::vector<ConvCase> winogradCases() {
    return {{7, 6, 8, 16, 3, 3, 1, 1, 1, 3},  {5, 8, 16, 7, 3, 3, 1, 0, 0, 4},  {12, 12, 13, 20, 3, 3, 1, 1, 1, 3},
            {9, 9, 37, 33, 3, 3, 1, 2, 2, 2}, {4, 4, 400, 24, 3, 3, 1, 1, 1, 1}, {3, 5, 9, 1, 3, 3, 1, 1, 1, 2},
            {14, 14, 64, 32, 3, 3, 1, 1, 1, 2}};
}

} // namespace

class KernelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyBuiltPathIsListedAndGenericRunsEverywhere() {
        const std::vector<KernelIsa> runs = supportedKernelIsas();
        QVERIFY(!runs.empty());
        QCOMPARE(int(runs.back()), int(KernelIsa::Generic));
        QVERIFY(missingCpuFeatures(KernelIsa::Generic).empty());
        for (KernelIsa isa : builtKernelIsas()) {
            const kernels::KernelTable* t = kernelTable(isa);
            QCOMPARE(t != nullptr, missingCpuFeatures(isa).empty());
            if (t) QCOMPARE(std::string(t->name), kernelIsaName(isa));
            else qInfo("%s kernels: not run here, this CPU lacks %s", kernelIsaName(isa).c_str(),
                       missingCpuFeatures(isa).c_str());
        }
    }

    void environmentChoosesThePath() {
        const char* env = std::getenv("CONVSTUDIO_ISA");
        if (!env || !*env || std::string(env) == "auto") {
            QCOMPARE(int(activeKernelIsa()), int(supportedKernelIsas().front()));
            return;
        }
        QCOMPARE(kernelIsaName(activeKernelIsa()), std::string(env));
    }

    void aPathTheCpuLacksIsRefusedByName() {
        for (KernelIsa isa : builtKernelIsas()) {
            const std::string missing = missingCpuFeatures(isa);
            if (missing.empty()) continue;
            const std::string message = test::thrownMessage<ConfigError>([&] { setKernelIsa(isa); });
            QVERIFY2(message.find(missing) != std::string::npos, message.c_str());
            return;
        }
        QSKIP("this CPU runs every path that is built");
    }

    void gemmMatchesAPlainProductOnEveryPath() {
        const int ns[] = {1, 7, 15, 16, 17, 23, 24, 31, 32, 33, 64};
        const int ks[] = {1, 9, 27, 300};
        const int ms[] = {1, 13, 43, 97}; // no multiple of any register tile's height (6, 14)
        for (KernelIsa isa : supportedKernelIsas()) {
            const kernels::KernelTable& t = *kernelTable(isa);
            int checked = 0;
            for (int trans = 0; trans < 4; ++trans)
                for (int n : ns)
                    for (int k : ks)
                        for (int m : ms) {
                            const GemmCase c{bool(trans & 1), bool(trans & 2), m, n, k};
                            const std::string error = checkGemm(t, c, false, 1.0f, false, false);
                            QVERIFY2(error.empty(), (describe(t, c) + error).c_str());
                            ++checked;
                        }
            QCOMPARE(checked, 4 * 11 * 4 * 4);
        }
    }

    void gemmStoresWithAccumulateAlphaBiasAndRelu() {
        // Tall (B packed) and wide (computed transposed) shapes, K over one block.
        const GemmCase cases[] = {{false, false, 97, 33, 300},  {true, false, 50, 17, 600},
                                  {false, true, 13, 64, 27},    {true, true, 7, 100, 513},
                                  {false, false, 1, 1, 1},      {false, false, 20, 40, 0}};
        for (KernelIsa isa : supportedKernelIsas()) {
            const kernels::KernelTable& t = *kernelTable(isa);
            for (const GemmCase& c : cases)
                for (int variant = 0; variant < 8; ++variant) {
                    const bool accumulate = variant & 1, bias = variant & 2, relu = variant & 4;
                    const float alpha = variant == 3 ? -0.5f : 1.0f;
                    const std::string error = checkGemm(t, c, accumulate, alpha, bias, relu);
                    QVERIFY2(error.empty(), (describe(t, c) + "variant " + std::to_string(variant) + ": " + error).c_str());
                }
        }
    }

    void gemmRepeatsBitForBit() {
        for (KernelIsa isa : supportedKernelIsas()) {
            const kernels::KernelTable& t = *kernelTable(isa);
            const std::vector<float> A = randomValues(300 * 97, 5), B = randomValues(300 * 64, 6);
            std::vector<float> first(97 * 64), second(97 * 64);
            kernels::GemmArgs g;
            g.M = 97;
            g.N = 64;
            g.K = 300;
            g.A = A.data();
            g.lda = 300;
            g.B = B.data();
            g.ldb = 64;
            g.ldc = 64;
            g.C = first.data();
            t.gemm(g);
            g.C = second.data();
            t.gemm(g);
            QVERIFY(std::memcmp(first.data(), second.data(), first.size() * sizeof(float)) == 0);
        }
    }

    void convolutionMatchesAPlainLoopOnEveryPath() {
        for (KernelIsa isa : supportedKernelIsas()) {
            const kernels::KernelTable& t = *kernelTable(isa);
            for (const ConvCase& c : convolutionCases())
                for (int variant = 0; variant < 8; ++variant) {
                    const bool withBias = variant & 1, relu = variant & 2, merged = variant & 4;
                    if (merged && c.readings().size() < 2) continue;
                    const kernels::ConvGeometry g = c.readings()[merged ? 1 : 0];
                    const size_t inSize = size_t(c.images) * c.inH * c.inW * c.C;
                    const std::vector<float> in = randomValues(inSize, 15), kernel = randomValues(size_t(c.kh) * c.kw * c.C * c.F, 16),
                                             bias = randomValues(size_t(c.F), 17);
                    std::vector<float> out(size_t(c.images) * g.outH * g.outW * c.F, 99.0f);
                    t.convolution(g, in.data(), c.images, kernel.data(), withBias ? bias.data() : nullptr, relu, out.data());
                    const std::string error = checkConvolution(c, in, kernel, withBias ? &bias : nullptr, relu, out);
                    QVERIFY2(error.empty(), (std::string(t.name) + " case C " + std::to_string(c.C) + " F " +
                                             std::to_string(c.F) + " variant " + std::to_string(variant) + ": " + error)
                                                .c_str());
                }
        }
    }

    void winogradConvolutionMatchesAPlainLoopOnEveryPath() {
        // Blocks of 1, 5 and all tiles (scratch sizes) for each case.
        for (KernelIsa isa : supportedKernelIsas()) {
            const kernels::KernelTable& t = *kernelTable(isa);
            for (const ConvCase& c : winogradCases())
                for (int variant = 0; variant < 12; ++variant) {
                    const bool withBias = variant & 1, relu = variant & 2;
                    const kernels::ConvGeometry g = c.geometry();
                    const std::vector<float> in = randomValues(size_t(c.images) * c.inH * c.inW * c.C, 18),
                                             kernel = randomValues(size_t(9) * c.C * c.F, 19),
                                             bias = randomValues(size_t(c.F), 20);
                    std::vector<float> transformed(size_t(16) * c.C * c.F);
                    winogradTransformKernel(kernel.data(), c.C, c.F, transformed.data());
                    const long scratchFloats = variant / 4 == 0 ? winogradScratchFloats(c.C, c.F)
                                                                : winogradScratchFloats(c.C, c.F, variant / 4 == 1 ? 1 : 5);
                    std::vector<float> scratch(size_t(scratchFloats), -7.0f);
                    std::vector<float> out(size_t(c.images) * g.outH * g.outW * c.F, 99.0f);
                    t.winogradConvolution(g, in.data(), c.images, transformed.data(), withBias ? bias.data() : nullptr,
                                          relu, out.data(), scratch.data(), scratchFloats);
                    const std::string error = checkConvolution(c, in, kernel, withBias ? &bias : nullptr, relu, out);
                    QVERIFY2(error.empty(), (std::string(t.name) + " case C " + std::to_string(c.C) + " F " +
                                             std::to_string(c.F) + " pad " + std::to_string(c.padTop) + " variant " +
                                             std::to_string(variant) + ": " + error)
                                                .c_str());
                }
        }
    }

    void convolutionWeightGradientMatchesAPlainLoopOnEveryPath() {
        for (KernelIsa isa : supportedKernelIsas()) {
            const kernels::KernelTable& t = *kernelTable(isa);
            for (const ConvCase& c : convolutionCases())
                for (const kernels::ConvGeometry& g : c.readings()) {
                    const std::vector<float> in = randomValues(size_t(c.images) * c.inH * c.inW * c.C, 18),
                                             dy = randomValues(size_t(c.images) * g.outH * g.outW * c.F, 19);
                    const std::vector<float> start = randomValues(size_t(c.kh) * c.kw * c.C * c.F, 20);
                    std::vector<float> dKernel = start; // the gradient is added to these
                    t.convolutionWeightGradient(g, in.data(), c.images, dy.data(), dKernel.data());
                    const std::string error = checkWeightGradient(c, in, dy, start, dKernel);
                    QVERIFY2(error.empty(), (std::string(t.name) + " C " + std::to_string(c.C) + " F " +
                                             std::to_string(c.F) + ": " + error)
                                                .c_str());
                }
        }
    }

    void winogradWeightGradientMatchesAPlainLoopOnEveryPath() {
        for (KernelIsa isa : supportedKernelIsas()) {
            const kernels::KernelTable& t = *kernelTable(isa);
            for (const ConvCase& c : winogradCases())
                for (int blocks = 0; blocks < 3; ++blocks) { // scratch for all tiles, 1 tile, 5 tiles
                    const kernels::ConvGeometry g = c.geometry();
                    const std::vector<float> in = randomValues(size_t(c.images) * c.inH * c.inW * c.C, 21),
                                             dy = randomValues(size_t(c.images) * g.outH * g.outW * c.F, 22);
                    const std::vector<float> start = randomValues(size_t(9) * c.C * c.F, 23);
                    std::vector<float> dKernel = start;
                    const long scratchFloats = blocks == 0
                                                   ? winogradWeightGradientScratchFloats(c.C, c.F)
                                                   : winogradWeightGradientScratchFloats(c.C, c.F, blocks == 1 ? 1 : 5);
                    std::vector<float> scratch(size_t(scratchFloats), -7.0f);
                    t.winogradWeightGradient(g, in.data(), c.images, dy.data(), dKernel.data(), scratch.data(),
                                             scratchFloats);
                    const std::string error = checkWeightGradient(c, in, dy, start, dKernel);
                    QVERIFY2(error.empty(), (std::string(t.name) + " C " + std::to_string(c.C) + " F " +
                                             std::to_string(c.F) + " pad " + std::to_string(c.padTop) + " blocks " +
                                             std::to_string(blocks) + ": " + error)
                                                .c_str());
                }
        }
    }

    void convolutionInputGradientMatchesAPlainLoopOnEveryPath() {
        for (KernelIsa isa : supportedKernelIsas()) {
            const kernels::KernelTable& t = *kernelTable(isa);
            for (const ConvCase& c : convolutionCases()) {
                const kernels::ConvGeometry g = c.geometry();
                const size_t inSize = size_t(c.images) * c.inH * c.inW * c.C;
                const size_t outSize = size_t(c.images) * g.outH * g.outW * c.F;
                const std::vector<float> dy = randomValues(outSize, 21),
                                         kernel = randomValues(size_t(c.kh) * c.kw * c.C * c.F, 22);
                std::vector<double> sum(inSize, 0.0), magnitude(inSize, 1.0);
                for (int i = 0; i < c.images; ++i)
                    for (int oy = 0; oy < g.outH; ++oy)
                        for (int ox = 0; ox < g.outW; ++ox)
                            for (int ky = 0; ky < c.kh; ++ky)
                                for (int kx = 0; kx < c.kw; ++kx) {
                                    const int iy = oy * c.stride - c.padTop + ky, ix = ox * c.stride - c.padLeft + kx;
                                    if (iy < 0 || iy >= c.inH || ix < 0 || ix >= c.inW) continue;
                                    for (int ch = 0; ch < c.C; ++ch)
                                        for (int f = 0; f < c.F; ++f) {
                                            const size_t at = ((size_t(i) * c.inH + iy) * c.inW + ix) * c.C + ch;
                                            const double p = double(dy[((size_t(i) * g.outH + oy) * g.outW + ox) * c.F + f]) *
                                                             kernel[((size_t(ky) * c.kw + kx) * c.C + ch) * c.F + f];
                                            sum[at] += p;
                                            magnitude[at] += std::fabs(p);
                                        }
                                }
                std::vector<float> dIn(inSize, 99.0f); // overwritten, also where no window reaches
                t.convolutionInputGradient(g, dy.data(), c.images, kernel.data(), dIn.data());
                for (size_t at = 0; at < inSize; ++at)
                    QVERIFY2(std::fabs(dIn[at] - sum[at]) <= 3e-5 * magnitude[at],
                             (std::string(t.name) + " C " + std::to_string(c.C) + " F " + std::to_string(c.F) + " at " +
                              std::to_string(at) + ": " + std::to_string(dIn[at]) + " vs " + std::to_string(sum[at]))
                                 .c_str());
            }
        }
    }

    void maxPoolingMatchesAPlainLoopExactly() {
        for (KernelIsa isa : supportedKernelIsas()) {
            const kernels::KernelTable& t = *kernelTable(isa);
            for (const kernels::PoolGeometry& g : poolGeometries()) {
                const size_t inSize = size_t(g.inH) * g.inW * g.channels, outSize = size_t(g.outH) * g.outW * g.channels;
                std::vector<float> in = randomValues(inSize, 7);
                for (size_t i = 0; i < inSize; i += 5) in[i] = 0.25f; // ties: the first position wins
                std::vector<float> out(outSize), expected(outSize), dIn(inSize, 9.0f), dOut = randomValues(outSize, 8);
                std::vector<uint16_t> arg(outSize), expectedArg(outSize);
                t.maxPoolForward(g, in.data(), out.data(), arg.data());
                referenceMaxPool(g, in, expected, expectedArg);
                QVERIFY2(out == expected, t.name);
                QVERIFY2(arg == expectedArg, t.name);
                std::vector<float> noArg(outSize);
                t.maxPoolForward(g, in.data(), noArg.data(), nullptr);
                QVERIFY2(noArg == expected, t.name);
                // Backward: each output's gradient lands on its window's winner, everything else is 0.
                std::vector<float> expectedDIn(inSize, 0.0f);
                for (int oy = 0; oy < g.outH; ++oy)
                    for (int ox = 0; ox < g.outW; ++ox)
                        for (int c = 0; c < g.channels; ++c) {
                            const size_t at = (size_t(oy) * g.outW + ox) * g.channels + c;
                            const int iy = oy * g.strideH - g.padTop + expectedArg[at] / g.poolW;
                            const int ix = ox * g.strideW - g.padLeft + expectedArg[at] % g.poolW;
                            expectedDIn[(size_t(iy) * g.inW + ix) * g.channels + c] += dOut[at];
                        }
                t.maxPoolBackward(g, dOut.data(), arg.data(), dIn.data());
                QVERIFY2(dIn == expectedDIn, t.name);
            }
        }
    }

    void averagePoolingMatchesAPlainLoop() {
        for (KernelIsa isa : supportedKernelIsas()) {
            const kernels::KernelTable& t = *kernelTable(isa);
            for (const kernels::PoolGeometry& g : poolGeometries()) {
                const size_t inSize = size_t(g.inH) * g.inW * g.channels, outSize = size_t(g.outH) * g.outW * g.channels;
                const std::vector<float> in = randomValues(inSize, 9), dOut = randomValues(outSize, 10);
                std::vector<float> out(outSize), dIn(inSize, 5.0f), expectedDIn(inSize, 0.0f);
                t.averagePoolForward(g, in.data(), out.data());
                t.averagePoolBackward(g, dOut.data(), dIn.data());
                for (int oy = 0; oy < g.outH; ++oy)
                    for (int ox = 0; ox < g.outW; ++ox)
                        for (int c = 0; c < g.channels; ++c) {
                            double sum = 0;
                            int count = 0;
                            for (int ky = 0; ky < g.poolH; ++ky)
                                for (int kx = 0; kx < g.poolW; ++kx) {
                                    const int iy = oy * g.strideH - g.padTop + ky, ix = ox * g.strideW - g.padLeft + kx;
                                    if (iy < 0 || iy >= g.inH || ix < 0 || ix >= g.inW) continue;
                                    sum += in[(size_t(iy) * g.inW + ix) * g.channels + c];
                                    ++count;
                                }
                            const size_t at = (size_t(oy) * g.outW + ox) * g.channels + c;
                            QVERIFY2(std::fabs(out[at] - sum / count) < 1e-6, t.name);
                            for (int ky = 0; ky < g.poolH; ++ky)
                                for (int kx = 0; kx < g.poolW; ++kx) {
                                    const int iy = oy * g.strideH - g.padTop + ky, ix = ox * g.strideW - g.padLeft + kx;
                                    if (iy < 0 || iy >= g.inH || ix < 0 || ix >= g.inW) continue;
                                    expectedDIn[(size_t(iy) * g.inW + ix) * g.channels + c] += dOut[at] / count;
                                }
                        }
                for (size_t i = 0; i < inSize; ++i) QVERIFY2(std::fabs(dIn[i] - expectedDIn[i]) < 1e-6, t.name);
            }
        }
    }

    void dropoutMasksAreTheSameOnEveryPath() {
        const auto check = [](long n, uint64_t key) {
            const uint32_t threshold = uint32_t(0.3 * 65536.0 + 0.5);
            const float scale = 1.0f / 0.7f;
            const std::vector<float> x = randomValues(size_t(n), 11), dy = randomValues(size_t(n), 12);
            // The documented draw: splitmix64(key + i) for each group of four values.
            std::vector<uint8_t> expected(static_cast<size_t>(n));
            for (long i = 0; i < n; ++i) {
                const uint64_t bits = splitmix64(key + uint64_t(i - i % 4));
                expected[size_t(i)] = ((bits >> (16 * (i % 4))) & 0xffff) >= threshold;
            }
            for (KernelIsa isa : supportedKernelIsas()) {
                const kernels::KernelTable& t = *kernelTable(isa);
                std::vector<uint8_t> mask(static_cast<size_t>(n));
                std::vector<float> y(static_cast<size_t>(n)), dx(static_cast<size_t>(n));
                t.dropoutForward(x.data(), y.data(), mask.data(), n, key, threshold, scale);
                QVERIFY2(mask == expected, (std::string(t.name) + ", " + std::to_string(n) + " values").c_str());
                t.dropoutBackward(dy.data(), mask.data(), dx.data(), n, scale);
                for (long i = 0; i < n; ++i) {
                    QCOMPARE(y[size_t(i)], mask[size_t(i)] ? x[size_t(i)] * scale : 0.0f);
                    QCOMPARE(dx[size_t(i)], mask[size_t(i)] ? dy[size_t(i)] * scale : 0.0f);
                }
            }
        };
        // 103: not a multiple of 4 nor of any vector; 128 and 896: a Dense layer's
        // units, where GCC's AVX-512 vectorization of the mask loop went wrong under
        // emulation (elementwise_kernels.cpp) while 103 came out right.
        for (long n : {3L, 103L, 128L, 896L})
            for (uint64_t key : {uint64_t(0x1234567), uint64_t(0x9E3779B97F4A7C15ull)}) {
                check(n, key);
                if (QTest::currentTestFailed()) return;
            }
    }

    void reluAndColumnSumsMatchPlainLoops() {
        const long rows = 29;
        // Blocks of 8 and 4 vectors, single vectors and a scalar tail on every path (4, 8, 16 lanes).
        for (int cols : {75, 180}) {
            const std::vector<float> x = randomValues(size_t(rows) * cols, 13),
                                     dy = randomValues(size_t(rows) * cols, 14);
            for (KernelIsa isa : supportedKernelIsas()) {
                const kernels::KernelTable& t = *kernelTable(isa);
                std::vector<float> y = x, g = dy, sums(size_t(cols), 0.5f), expectedSums(size_t(cols), 0.5f);
                t.reluForward(y.data(), long(y.size()));
                t.reluBackward(y.data(), g.data(), long(g.size()));
                for (size_t i = 0; i < x.size(); ++i) {
                    QCOMPARE(y[i], x[i] > 0 ? x[i] : 0.0f);
                    QCOMPARE(g[i], x[i] > 0 ? dy[i] : 0.0f);
                }
                t.addColumnSums(x.data(), rows, cols, sums.data());
                for (long r = 0; r < rows; ++r)
                    for (int c = 0; c < cols; ++c) expectedSums[size_t(c)] += x[size_t(r) * cols + c];
                QVERIFY2(sums == expectedSums, t.name); // same order of additions: same bits
                // Both in one pass: the same values and the same bits as the two passes.
                std::vector<float> fused = dy, fusedSums(size_t(cols), 0.25f), twoSums(size_t(cols), 0.25f);
                t.reluBackwardColumnSums(y.data(), fused.data(), rows, cols, fusedSums.data());
                t.addColumnSums(g.data(), rows, cols, twoSums.data());
                QVERIFY2(fused == g, t.name);
                QVERIFY2(fusedSums == twoSums, t.name);
            }
        }
    }
};

CS_REGISTER_TEST(KernelTest)
#include "test_kernels.moc"
