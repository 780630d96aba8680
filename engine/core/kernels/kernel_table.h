// The table of hot loops one instruction-set path provides (see core/kernels.h).
//
// Every kernel translation unit in core/kernels/ is compiled once per
// instruction set (generic, avx2, avx512) and fills one KernelTable; the engine
// calls through the table chosen at start-up. Only plain data and function
// pointers live here: an inline function shared by translation units built
// with different -march flags could be merged by the linker into the wrong one.
#pragma once

#include <cstdint>

namespace cs {

enum class KernelIsa { Generic, Avx2, Avx512 };

namespace kernels {

// C[M,N] (row-major, ldc) = alpha * op(A) * op(B) (+ C when accumulate)
// (+ bias[n] on every row) then max(0, .) when relu. op(A) is M x K (A stored
// K x M when transA), op(B) is K x N (B stored N x K when transB).
struct GemmArgs {
    bool transA = false, transB = false;
    int M = 0, N = 0, K = 0;
    const float* A = nullptr;
    int lda = 0;
    const float* B = nullptr;
    int ldb = 0;
    float* C = nullptr;
    int ldc = 0;
    float alpha = 1.0f;
    bool accumulate = false;
    const float* bias = nullptr; // N values, or none
    bool relu = false;
};

// A convolution window sliding over HWC images (Conv2D): kernel [kh][kw][C][F],
// zero padding of padTop rows above and padLeft columns to the left.
struct ConvGeometry {
    int inH = 0, inW = 0, channels = 0;
    int outH = 0, outW = 0, filters = 0;
    int kernelH = 0, kernelW = 0, strideH = 1, strideW = 1;
    int padTop = 0, padLeft = 0;
    // Floats per pixel of the image when not `channels` (0: the same). A
    // window row of kw pixels never cut by the image's sides is kw*C
    // contiguous floats: read as one position of kw*C channels (kernelW 1,
    // pixelChannels C), a 3-channel first layer's runs are 9 long, not 3.
    int pixelChannels = 0;
};

// A pooling window sliding over one HWC image (MaxPooling2D, AveragePooling2D).
struct PoolGeometry {
    int inH = 0, inW = 0, channels = 0;
    int outH = 0, outW = 0;
    int poolH = 0, poolW = 0, strideH = 0, strideW = 0;
    int padTop = 0, padLeft = 0;
};

struct KernelTable {
    KernelIsa isa;
    const char* name;        // "avx2"
    const char* description; // "AVX2 + FMA, 8-float vectors"
    int vectorLanes;
    int gemmTileRows, gemmTileColumns; // the GEMM register tile

    void (*gemm)(const GemmArgs& args);
    // out[images][outH][outW][F] = relu?(window(in) . kernel + bias): the GEMM
    // of im2col(in) and the kernel, its rows read straight from the images
    // (each kernel position's C channels are contiguous in an HWC image), no
    // patch matrix written. Fastest with C of a vector or more.
    void (*convolution)(const ConvGeometry& g, const float* in, int images, const float* kernel, const float* bias,
                        bool relu, float* out);
    // dKernel[kh*kw*C][F] += im2col(in)^T dy (dy: the images' output gradients,
    // [images][outH][outW][F]), reading the images in place like convolution.
    void (*convolutionWeightGradient)(const ConvGeometry& g, const float* in, int images, const float* dy,
                                      float* dKernel);
    // dIn[images][inH][inW][C] = the sum over windows of dy . kernel^T: each
    // register tile of dy x kernel^T added straight into the pixels its window
    // covers (no patch-sized buffer folded back). Overwrites dIn.
    void (*convolutionInputGradient)(const ConvGeometry& g, const float* dy, int images, const float* kernel,
                                     float* dIn);
    // The convolution of a 3x3 kernel at stride 1 (any padding, pixelChannels
    // 0) by Winograd's F(2x2, 3x3): 16 products per channel and filter for each
    // 2x2 block of outputs instead of 36. The kernel comes transformed
    // (core/winograd.h: [16][C][F]); scratch holds winogradScratchFloats(C, F)
    // floats (fewer: smaller blocks of tiles).
    void (*winogradConvolution)(const ConvGeometry& g, const float* in, int images, const float* transformedKernel,
                                const float* bias, bool relu, float* out, float* scratch, long scratchFloats);
    // dKernel[3][3][C][F] += the weight gradient of that convolution, by the same
    // transform (dU[e] = V[e]^T (A dy A^T)[e] over the tiles, then G^T dU G);
    // scratch: winogradWeightGradientScratchFloats(C, F) floats (core/winograd.h).
    void (*winogradWeightGradient)(const ConvGeometry& g, const float* in, int images, const float* dy,
                                   float* dKernel, float* scratch, long scratchFloats);

    // Element-wise passes over n values.
    void (*reluForward)(float* x, long n);
    void (*reluBackward)(const float* y, float* dy, long n); // dy = y > 0 ? dy : 0
    // sums[c] += x[r][c] over rows (row-major rows x cols), rows in order.
    void (*addColumnSums)(const float* x, long rows, int cols, float* sums);
    // reluBackward(y, dy) then addColumnSums(dy) in one pass over dy (a ReLU
    // convolution's bias gradient), with the same bits as the two.
    void (*reluBackwardColumnSums)(const float* y, float* dy, long rows, int cols, float* sums);

    // Dropout of n values: mask[i] = keep (one 64-bit counter-based draw from
    // `key` per four values, keep when its 16-bit part >= threshold); y = x * mask * scale.
    void (*dropoutForward)(const float* x, float* y, uint8_t* mask, long n, uint64_t key, uint32_t threshold,
                           float scale);
    void (*dropoutBackward)(const float* dy, const uint8_t* mask, float* dx, long n, float scale);

    // One image. argmax (may be null) gets each output's winning window
    // position (row * poolW + column); backward writes the whole input gradient.
    void (*maxPoolForward)(const PoolGeometry& g, const float* in, float* out, uint16_t* argmax);
    void (*maxPoolBackward)(const PoolGeometry& g, const float* dOut, const uint16_t* argmax, float* dIn);
    // Averages over the window's positions inside the image; backward writes the whole input gradient.
    void (*averagePoolForward)(const PoolGeometry& g, const float* in, float* out);
    void (*averagePoolBackward)(const PoolGeometry& g, const float* dOut, float* dIn);

    // Independent chains of vector multiply-adds, for the benchmark's peak
    // figure: runs `iterations` rounds and returns the flops done.
    double (*multiplyAddPeakLoop)(long iterations);
};

// Per-thread scratch memory of at least `floats` floats, 64-byte aligned, kept
// between calls (the GEMM's packed panels). Defined outside the kernel units.
float* threadScratch(long floats);

} // namespace kernels
} // namespace cs
