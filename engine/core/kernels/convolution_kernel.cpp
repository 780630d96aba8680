// Convolutions of HWC images (Conv2D), compiled once per instruction set:
// the GEMM of im2col(images) and the kernel, with the register tile's rows read
// straight from the images. In an HWC image a kernel position's C channels are
// one contiguous run, so each row of a tile is a few runs, found through a
// small table of pointers per tile (a run of zeros where the window leaves the
// image); no patch matrix is written or read back.
#include "engine/core/kernels/gemm_tiles.h"

namespace cs::kernels::CS_KERNEL_ISA {

namespace {

// The output pixels of a batch of images, walked in order from one of them:
// where its image starts (`offset` floats into the batch) and where its
// window's top-left corner lies. Stepping replaces three divisions per pixel,
// which with a short K (a first layer's 27) cost as much as the products. The
// geometry is copied in: the walk's loops store pointers the compiler cannot
// tell apart from a referenced geometry.
struct OutputWalk {
    int outH, outW, strideH, strideW, padTop, padLeft;
    long imageFloats, offset;
    int oy, ox;
    OutputWalk(const ConvGeometry& g, long imageFloats_, long pixel)
        : outH(g.outH), outW(g.outW), strideH(g.strideH), strideW(g.strideW), padTop(g.padTop),
          padLeft(g.padLeft), imageFloats(imageFloats_),
          offset(pixel / (long(outH) * outW) * imageFloats_),
          oy(int(pixel % (long(outH) * outW) / outW)), ox(int(pixel % outW)) {}
    int top() const { return oy * strideH - padTop; }
    int left() const { return ox * strideW - padLeft; }
    void next() {
        if (++ox < outW) return;
        ox = 0;
        if (++oy < outH) return;
        oy = 0;
        offset += imageFloats;
    }
};

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

// Rows x nc outputs at (r0, n0) of a weight gradient: row r of the product is
// kernel row (position, c0 + r), so for pixel k of the block its value is
// pixels[k][c0 + r] (pixels[k]: that pixel's window position in the image, or
// zeros). Always added to what the gradient holds.
template <int Rows>
void weightGradientTile(const float* const* pixels, int c0, int kc, const Panels& b, long r0, long n0, int nc,
                        const Destination& d) {
    const Vec zero{};
    const long kStep = b.kStep;
    for (int j0 = 0; j0 < nc; j0 += kNr) {
        const float* bk = b.first + (j0 / kNr) * b.panelStep;
        Vec lo[Rows], hi[Rows];
#pragma GCC unroll 16
        for (int r = 0; r < Rows; ++r) lo[r] = hi[r] = zero;
        for (int k = 0; k < kc; ++k, bk += kStep) {
            const float* a = pixels[k] + c0;
            const Vec b0 = load(bk), b1 = load(bk + kLanes);
#pragma GCC unroll 16
            for (int r = 0; r < Rows; ++r) {
                const Vec x = broadcast(a[r]);
                lo[r] += x * b0;
                hi[r] += x * b1;
            }
        }
        storeTile<Rows>(lo, hi, r0, n0 + j0, int(minOf(kNr, nc - j0)), d, Phase{true, false, false});
    }
}

template <int Rows>
void weightGradientTileOf(int rows, const float* const* pixels, int c0, int kc, const Panels& b, long r0, long n0,
                          int nc, const Destination& d) {
    if constexpr (Rows > 1)
        if (rows < Rows) return weightGradientTileOf<Rows - 1>(rows, pixels, c0, kc, b, r0, n0, nc, d);
    weightGradientTile<Rows>(pixels, c0, kc, b, r0, n0, nc, d);
}

// Where one row of an input-gradient tile goes: its output pixel's image
// gradient and its window's top-left corner.
struct WindowOrigin {
    float* image;
    int top, left;
};

// Rows x nc values of dy x kernel^T at (m0, n0) (column n: kernel position
// n / C, channel n % C), each added into the input-gradient pixel its window
// position covers; positions outside the image are dropped.
template <int Rows>
void inputGradientTile(const float* dy, long m0, int F, int k0, int kc, const Panels& b, long n0, int nc,
                       const WindowOrigin* origin, const ConvGeometry& g) {
    const Vec zero{};
    const int C = g.channels;
    const float* ap[Rows];
#pragma GCC unroll 16
    for (int r = 0; r < Rows; ++r) ap[r] = dy + (m0 + r) * F + k0;
    for (int c0 = 0; c0 < nc; c0 += kNr) {
        const float* bk = b.first + (c0 / kNr) * b.panelStep;
        Vec lo[Rows], hi[Rows];
#pragma GCC unroll 16
        for (int r = 0; r < Rows; ++r) lo[r] = hi[r] = zero;
        for (int k = 0; k < kc; ++k, bk += b.kStep) {
            const Vec b0 = load(bk), b1 = load(bk + kLanes);
#pragma GCC unroll 16
            for (int r = 0; r < Rows; ++r) {
                const Vec x = broadcast(ap[r][k]);
                lo[r] += x * b0;
                hi[r] += x * b1;
            }
        }
        const long n = n0 + c0;
        const int cols = int(minOf(kNr, nc - c0)), channel = int(n % C), position = int(n / C);
        if (cols == kNr && channel + kNr <= C) { // one kernel position: two vectors per row
            const int ky = position / g.kernelW, kx = position % g.kernelW;
#pragma GCC unroll 16
            for (int r = 0; r < Rows; ++r) {
                const int iy = origin[r].top + ky, ix = origin[r].left + kx;
                if (iy < 0 || iy >= g.inH || ix < 0 || ix >= g.inW) continue;
                float* d = origin[r].image + (long(iy) * g.inW + ix) * C + channel;
                store(d, load(d) + lo[r]);
                store(d + kLanes, load(d + kLanes) + hi[r]);
            }
            continue;
        }
        alignas(64) float t[Rows * kNr];
#pragma GCC unroll 16
        for (int r = 0; r < Rows; ++r) {
            store(t + r * kNr, lo[r]);
            store(t + r * kNr + kLanes, hi[r]);
        }
        for (int r = 0; r < Rows; ++r)
            for (int j = 0; j < cols; ++j) {
                const long nj = n + j;
                const int p = int(nj / C), iy = origin[r].top + p / g.kernelW, ix = origin[r].left + p % g.kernelW;
                if (iy < 0 || iy >= g.inH || ix < 0 || ix >= g.inW) continue;
                origin[r].image[(long(iy) * g.inW + ix) * C + nj % C] += t[r * kNr + j];
            }
    }
}

template <int Rows>
void inputGradientTileOf(int rows, const float* dy, long m0, int F, int k0, int kc, const Panels& b, long n0, int nc,
                         const WindowOrigin* origin, const ConvGeometry& g) {
    if constexpr (Rows > 1)
        if (rows < Rows) return inputGradientTileOf<Rows - 1>(rows, dy, m0, F, k0, kc, b, n0, nc, origin, g);
    inputGradientTile<Rows>(dy, m0, F, k0, kc, b, n0, nc, origin, g);
}

} // namespace

void convolutionWeightGradient(const ConvGeometry& g, const float* in, int images, const float* dy, float* dKernel) {
    const int C = g.channels, F = g.filters, W = g.inW, pixel = g.pixelChannels > 0 ? g.pixelChannels : C;
    const long rowsPerImage = long(g.outH) * g.outW, P = rowsPerImage * images;
    const long inPerImage = long(g.inH) * W * pixel;
    if (P <= 0 || F <= 0 || C <= 0) return;
    float* packed = threadScratch(kPackedFloats + C);
    float* zeros = packed + kPackedFloats; // a window position outside the image reads these
    for (int c = 0; c < C; ++c) zeros[c] = 0.0f;
    const Operand dyRows{dy, F, 1}; // P x F
    const Destination d{dKernel, F, 1, false, nullptr, 1.0f, false};
    // Per pixel of a block: its image and its window's top-left corner.
    const float* image[kKcMax];
    int top[kKcMax], left[kKcMax];
    const float* pixels[kKcMax];
    const long blocks = (P + kKcMax - 1) / kKcMax, kcEven = (P + blocks - 1) / blocks;
    for (long n0 = 0; n0 < F; n0 += kNc) {
        const int nc = int(minOf(kNc, F - n0));
        for (long p0 = 0; p0 < P; p0 += kcEven) {
            const int kc = int(minOf(kcEven, P - p0));
            pack(dyRows, p0, kc, n0, nc, packed);
            const Panels panels{packed, long(kc) * kNr, kNr};
            OutputWalk walk(g, inPerImage, p0);
            for (int k = 0; k < kc; ++k, walk.next()) {
                image[k] = in + walk.offset;
                top[k] = walk.top();
                left[k] = walk.left();
            }
            for (int ky = 0; ky < g.kernelH; ++ky)
                for (int kx = 0; kx < g.kernelW; ++kx) {
                    for (int k = 0; k < kc; ++k) {
                        const int iy = top[k] + ky, ix = left[k] + kx;
                        const bool inside = iy >= 0 && iy < g.inH && ix >= 0 && ix < W;
                        pixels[k] = inside ? image[k] + (long(iy) * W + ix) * pixel : zeros;
                    }
                    const long row0 = (long(ky) * g.kernelW + kx) * C; // the kernel's rows of this position
                    int c0 = 0;
                    for (; c0 + kMr <= C; c0 += kMr)
                        weightGradientTile<kMr>(pixels, c0, kc, panels, row0 + c0, n0, nc, d);
                    if (c0 < C) weightGradientTileOf<kMr - 1>(C - c0, pixels, c0, kc, panels, row0 + c0, n0, nc, d);
                }
        }
    }
}

void convolution(const ConvGeometry& g, const float* in, int images, const float* kernel, const float* bias, bool relu,
                 float* out) {
    const int C = g.channels, F = g.filters, pixel = g.pixelChannels > 0 ? g.pixelChannels : C;
    const long rowsPerImage = long(g.outH) * g.outW, rows = rowsPerImage * images;
    const long inPerImage = long(g.inH) * g.inW * pixel, K = long(g.kernelH) * g.kernelW * C;
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
    // A K-block's runs: within one kernel position (ky, kx), contiguous in the image.
    int runKy[kKcMax], runKx[kKcMax], runChannel[kKcMax], runLength[kKcMax];
    const float* table[kKcMax * kMr];
    const long blocks = (K + kKcMax - 1) / kKcMax, kcEven = (K + blocks - 1) / blocks;
    for (long n0 = 0; n0 < F; n0 += kNc) {
        const int nc = int(minOf(kNc, F - n0));
        for (long k0 = 0; k0 < K; k0 += kcEven) {
            const int kc = int(minOf(kcEven, K - k0));
            int runs = 0;
            for (long k = k0; k < k0 + kc; ++runs) {
                runKy[runs] = int(k / C) / g.kernelW;
                runKx[runs] = int(k / C) % g.kernelW;
                runChannel[runs] = int(k % C);
                runLength[runs] = int(minOf(C - runChannel[runs], k0 + kc - k));
                k += runLength[runs];
            }
            pack(kernelRows, k0, kc, n0, nc, packed);
            const Panels panels{packed, long(kc) * kNr, kNr};
            const Phase ph{k0 > 0, k0 == 0, relu && k0 + kc == K};
            OutputWalk walk(g, inPerImage, 0); // the output pixel of row m0 + r
            for (long m0 = 0; m0 < rows; m0 += kMr) {
                const int tile = int(minOf(kMr, rows - m0));
                const int top = walk.top(), left = walk.left();
                if (walk.ox + tile <= g.outW && top >= 0 && top + g.kernelH <= g.inH && left >= 0 &&
                    left + (tile - 1) * g.strideW + g.kernelW <= g.inW) {
                    // The tile's windows lie side by side inside one image row band: each
                    // run's rows are a fixed step apart, no bounds to check (a short-K first
                    // layer spent a quarter of its time on this table).
                    const float* image = in + walk.offset;
                    const long step = long(g.strideW) * pixel;
                    for (int s = 0; s < runs; ++s) {
                        const float* p =
                            image + (long(top + runKy[s]) * g.inW + left + runKx[s]) * pixel + runChannel[s];
                        for (int r = 0; r < tile; ++r) table[s * tile + r] = p + r * step;
                    }
                    for (int r = 0; r < tile; ++r) walk.next();
                } else {
                    for (int r = 0; r < tile; ++r, walk.next()) {
                        const float* image = in + walk.offset;
                        const int y = walk.top(), x = walk.left();
                        for (int s = 0; s < runs; ++s) {
                            const int iy = y + runKy[s], ix = x + runKx[s];
                            const bool inside = iy >= 0 && iy < g.inH && ix >= 0 && ix < g.inW;
                            table[s * tile + r] =
                                inside ? image + (long(iy) * g.inW + ix) * pixel + runChannel[s] : zeros;
                        }
                    }
                }
                if (tile == kMr) convolutionRowTile<kMr>(table, runs, runLength, panels, m0, n0, nc, d, ph);
                else convolutionRowTileOf<kMr - 1>(tile, table, runs, runLength, panels, m0, n0, nc, d, ph);
            }
        }
    }
}

void convolutionInputGradient(const ConvGeometry& g, const float* dy, int images, const float* kernel, float* dIn) {
    const int C = g.channels, F = g.filters;
    const long rowsPerImage = long(g.outH) * g.outW, rows = rowsPerImage * images;
    const long inPerImage = long(g.inH) * g.inW * C, N = long(g.kernelH) * g.kernelW * C;
    for (long i = 0; i < inPerImage * images; ++i) dIn[i] = 0.0f;
    if (rows <= 0 || F <= 0 || N <= 0) return;
    float* packed = threadScratch(kPackedFloats);
    const Operand kernelColumns{kernel, 1, F}; // kernel^T: F x N, kernel stored N x F
    WindowOrigin origin[kMr];
    const long blocks = (F + kKcMax - 1) / kKcMax, kcEven = (F + blocks - 1) / blocks;
    for (long n0 = 0; n0 < N; n0 += kNc) {
        const int nc = int(minOf(kNc, N - n0));
        for (int k0 = 0; k0 < F; k0 += int(kcEven)) {
            const int kc = int(minOf(kcEven, F - k0));
            pack(kernelColumns, k0, kc, n0, nc, packed);
            const Panels panels{packed, long(kc) * kNr, kNr};
            OutputWalk walk(g, inPerImage, 0);
            for (long m0 = 0; m0 < rows; m0 += kMr) {
                const int tile = int(minOf(kMr, rows - m0));
                for (int r = 0; r < tile; ++r, walk.next())
                    origin[r] = {dIn + walk.offset, walk.top(), walk.left()};
                if (tile == kMr) inputGradientTile<kMr>(dy, m0, F, k0, kc, panels, n0, nc, origin, g);
                else inputGradientTileOf<kMr - 1>(tile, dy, m0, F, k0, kc, panels, n0, nc, origin, g);
            }
        }
    }
}

} // namespace cs::kernels::CS_KERNEL_ISA
