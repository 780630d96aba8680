// 3x3 convolutions at stride 1 by Winograd's minimal filtering F(2x2, 3x3),
// compiled once per instruction set. Each 2x2 block of outputs comes from a
// 4x4 block of input pixels with 16 multiplications per channel and filter
// instead of 36 (Lavin and Gray, "Fast Algorithms for Convolutional Neural
// Networks", CVPR 2016):
//
//   V = B^T d B   the 4x4 input tile d, per channel: additions only
//   M = V . U     16 products, one per place of the 4x4 tile: tiles x C times C x F
//   Y = A^T M A   the 2x2 outputs, per filter: additions only; then bias and ReLU
//
// U = G g G^T, the kernel transformed whenever it changed (core/winograd.h).
// The weight gradient runs the same way backwards: dU = V^T (A dy A^T) summed
// over the tiles, then G^T dU G. The transforms use only additions and
// halvings, so the result stays within a few float roundings of the direct sum.
#include "engine/core/kernels/kernel_functions.h"

namespace cs::kernels::CS_KERNEL_ISA {

namespace {

// B^T d B of one tile (row-major 4x4), element by element of T (a vector of
// channels, or one channel).
template <class T> inline void inputTransform(const T (&d)[16], T (&v)[16]) {
    T t[16];
#pragma GCC unroll 4
    for (int j = 0; j < 4; ++j) {
        t[j] = d[j] - d[8 + j];
        t[4 + j] = d[4 + j] + d[8 + j];
        t[8 + j] = d[8 + j] - d[4 + j];
        t[12 + j] = d[4 + j] - d[12 + j];
    }
#pragma GCC unroll 4
    for (int i = 0; i < 4; ++i) {
        const T* r = t + 4 * i;
        v[4 * i] = r[0] - r[2];
        v[4 * i + 1] = r[1] + r[2];
        v[4 * i + 2] = r[2] - r[1];
        v[4 * i + 3] = r[1] - r[3];
    }
}

// A^T m A: the 2x2 outputs (row-major) of one tile's 16 products.
template <class T> inline void outputTransform(const T (&m)[16], T (&y)[4]) {
    T s[8];
#pragma GCC unroll 4
    for (int j = 0; j < 4; ++j) {
        s[j] = m[j] + m[4 + j] + m[8 + j];
        s[4 + j] = m[4 + j] - m[8 + j] - m[12 + j];
    }
#pragma GCC unroll 2
    for (int i = 0; i < 2; ++i) {
        const T* r = s + 4 * i;
        y[2 * i] = r[0] + r[1] + r[2];
        y[2 * i + 1] = r[1] - r[2] - r[3];
    }
}

// Where tile t of the batch lies: its image and its top-left output pixel.
struct TilePlace {
    long image;
    int oy, ox;
};

// A batch's tiles and the scratch they are transformed into a block at a time:
// zeros (what a pixel outside the image reads), `reserved` floats for the
// caller, then the block's transformed inputs [16][block][C] and products or
// output gradients [16][block][F]. Each place's rows are contiguous (rows 16 C
// apart, 4 KB for 64 channels, would share cache sets) and the places lie a
// cache line more than a block apart for the same reason.
struct TileBlocks {
    int tilesX;
    long tilesPerImage, tiles, block, stepV, stepM, inPerImage, outPerImage;
    float *zeros, *reserved, *v, *m;
    TileBlocks(const ConvGeometry& g, int images, long reservedFloats, float* scratch, long scratchFloats) {
        const int C = g.channels, F = g.filters;
        tilesX = (g.outW + 1) / 2;
        tilesPerImage = long((g.outH + 1) / 2) * tilesX;
        tiles = tilesPerImage * images;
        inPerImage = long(g.inH) * g.inW * C;
        outPerImage = long(g.outH) * g.outW * F;
        const long zerosFloats = (maxOf(C, F) + 15) / 16 * 16;
        // As many tiles as the scratch holds, split evenly: a last block of a
        // few tiles would cost the weight gradient a whole pass over its sums.
        const long room = scratchFloats - zerosFloats - reservedFloats - 2 * 16 * 16;
        const long most = minOf(tiles, maxOf(1, room / (16L * (C + F))));
        const long blocks = (tiles + most - 1) / most;
        block = (tiles + blocks - 1) / blocks;
        stepV = block * C + 16;
        stepM = block * F + 16;
        zeros = scratch;
        reserved = scratch + zerosFloats;
        v = reserved + reservedFloats;
        m = v + 16 * stepV;
        for (long i = 0; i < zerosFloats; ++i) zeros[i] = 0.0f;
    }
    TilePlace place(long tile) const {
        const long rest = tile % tilesPerImage;
        return {tile / tilesPerImage, int(rest / tilesX) * 2, int(rest % tilesX) * 2};
    }
};

// out[e * step + c] (e < 16, c < width) = `transform` of the values pixel[i][c]
// (i < In), a vector of channels at a time, then one by one.
template <int In, class Transform>
inline void transformPixels(const float* const (&pixel)[In], int width, float* out, long step, Transform transform) {
    int c = 0;
    for (; c + kLanes <= width; c += kLanes) {
        Vec d[In], r[16];
#pragma GCC unroll 16
        for (int i = 0; i < In; ++i) d[i] = load(pixel[i] + c);
        transform(d, r);
#pragma GCC unroll 16
        for (int e = 0; e < 16; ++e) store(out + e * step + c, r[e]);
    }
    for (; c < width; ++c) {
        float d[In], r[16];
        for (int i = 0; i < In; ++i) d[i] = pixel[i][c];
        transform(d, r);
        for (int e = 0; e < 16; ++e) out[e * step + c] = r[e];
    }
}

// v[e * step][C] = B^T d B of the tile at `p` (pixels outside the image read `zeros`).
void transformInputTile(const ConvGeometry& g, const float* image, TilePlace p, const float* zeros, float* v,
                        long step) {
    const int C = g.channels;
    const float* pixel[16];
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j) {
            const int iy = p.oy - g.padTop + i, ix = p.ox - g.padLeft + j;
            const bool inside = iy >= 0 && iy < g.inH && ix >= 0 && ix < g.inW;
            pixel[4 * i + j] = inside ? image + (long(iy) * g.inW + ix) * C : zeros;
        }
    transformPixels(pixel, C, v, step, [](const auto& d, auto& r) { inputTransform(d, r); });
}

// The tile's 2x2 outputs (those inside the image) from its products m[e * step][F].
void transformOutputTile(const ConvGeometry& g, const float* m, long step, const float* bias, bool relu, TilePlace p,
                         float* image) {
    const int F = g.filters;
    float* pixel[4];
    bool inside[4];
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 2; ++j) {
            inside[2 * i + j] = p.oy + i < g.outH && p.ox + j < g.outW;
            pixel[2 * i + j] = image + (long(p.oy + i) * g.outW + p.ox + j) * F;
        }
    const Vec zero{};
    int f = 0;
    for (; f + kLanes <= F; f += kLanes) {
        Vec x[16], y[4];
#pragma GCC unroll 16
        for (int e = 0; e < 16; ++e) x[e] = load(m + e * step + f);
        outputTransform(x, y);
        const Vec b = bias ? load(bias + f) : zero;
#pragma GCC unroll 4
        for (int q = 0; q < 4; ++q) {
            Vec o = y[q] + b;
            if (relu) o = maxOf(o, zero);
            if (inside[q]) store(pixel[q] + f, o);
        }
    }
    for (; f < F; ++f) {
        float x[16], y[4];
        for (int e = 0; e < 16; ++e) x[e] = m[e * step + f];
        outputTransform(x, y);
        for (int q = 0; q < 4; ++q) {
            const float o = y[q] + (bias ? bias[f] : 0.0f);
            if (inside[q]) pixel[q][f] = relu && !(o > 0.0f) ? 0.0f : o;
        }
    }
}

// A dy A^T: the 4x4 values one tile's 2x2 output gradient (row-major) spreads
// over, the transpose of outputTransform (rows: y0, y0 + y1, y0 - y1, -y1).
template <class T> inline void outputGradientTransform(const T (&y)[4], T (&m)[16]) {
    T s[8];
#pragma GCC unroll 2
    for (int i = 0; i < 2; ++i) {
        const T a = y[2 * i], b = y[2 * i + 1];
        s[4 * i] = a;
        s[4 * i + 1] = a + b;
        s[4 * i + 2] = a - b;
        s[4 * i + 3] = -b;
    }
#pragma GCC unroll 4
    for (int j = 0; j < 4; ++j) {
        const T a = s[j], b = s[4 + j];
        m[j] = a;
        m[4 + j] = a + b;
        m[8 + j] = a - b;
        m[12 + j] = -b;
    }
}

// m[e * step][F] = A dy A^T of the tile at `p` (outputs outside the image count as zero).
void transformOutputGradientTile(const ConvGeometry& g, const float* dyImage, TilePlace p, const float* zeros,
                                 float* m, long step) {
    const int F = g.filters;
    const float* pixel[4];
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 2; ++j) {
            const bool inside = p.oy + i < g.outH && p.ox + j < g.outW;
            pixel[2 * i + j] = inside ? dyImage + (long(p.oy + i) * g.outW + p.ox + j) * F : zeros;
        }
    transformPixels(pixel, F, m, step, [](const auto& y, auto& r) { outputGradientTransform(y, r); });
}

// G^T u G: the 3x3 kernel gradient (row-major) of one tile-space gradient u
// (4x4), G^T = [1 .5 .5 0; 0 .5 -.5 0; 0 .5 .5 1].
template <class T> inline void kernelGradientTransform(const T (&u)[16], T (&k)[9]) {
    T r[12];
#pragma GCC unroll 4
    for (int x = 0; x < 4; ++x) { // G^T u: 3 rows of 4
        r[x] = u[x] + 0.5f * (u[4 + x] + u[8 + x]);
        r[4 + x] = 0.5f * (u[4 + x] - u[8 + x]);
        r[8 + x] = 0.5f * (u[4 + x] + u[8 + x]) + u[12 + x];
    }
#pragma GCC unroll 3
    for (int y = 0; y < 3; ++y) { // (G^T u) G: 3 x 3
        const T* row = r + 4 * y;
        k[3 * y] = row[0] + 0.5f * (row[1] + row[2]);
        k[3 * y + 1] = 0.5f * (row[1] - row[2]);
        k[3 * y + 2] = 0.5f * (row[1] + row[2]) + row[3];
    }
}

} // namespace

void winogradConvolution(const ConvGeometry& g, const float* in, int images, const float* transformedKernel,
                         const float* bias, bool relu, float* out, float* scratch, long scratchFloats) {
    const int C = g.channels, F = g.filters;
    if (g.outH <= 0 || g.outW <= 0 || images <= 0 || F <= 0 || C <= 0) return;
    const TileBlocks tb(g, images, 0, scratch, scratchFloats);
    for (long t0 = 0; t0 < tb.tiles; t0 += tb.block) {
        const long n = minOf(tb.block, tb.tiles - t0);
        for (long t = 0; t < n; ++t) {
            const TilePlace p = tb.place(t0 + t);
            transformInputTile(g, in + p.image * tb.inPerImage, p, tb.zeros, tb.v + t * C, tb.stepV);
        }
        for (int e = 0; e < 16; ++e) {
            GemmArgs a;
            a.M = int(n);
            a.N = F;
            a.K = C;
            a.A = tb.v + e * tb.stepV;
            a.lda = C;
            a.B = transformedKernel + long(e) * C * F;
            a.ldb = F;
            a.C = tb.m + e * tb.stepM;
            a.ldc = F;
            gemm(a);
        }
        for (long t = 0; t < n; ++t) {
            const TilePlace p = tb.place(t0 + t);
            transformOutputTile(g, tb.m + t * F, tb.stepM, bias, relu, p, out + p.image * tb.outPerImage);
        }
    }
}

void winogradWeightGradient(const ConvGeometry& g, const float* in, int images, const float* dy, float* dKernel,
                            float* scratch, long scratchFloats) {
    const int C = g.channels, F = g.filters;
    if (g.outH <= 0 || g.outW <= 0 || images <= 0 || F <= 0 || C <= 0) return;
    const TileBlocks tb(g, images, 16L * C * F, scratch, scratchFloats);
    float* sums = tb.reserved; // dU[e], C x F each
    for (long t0 = 0; t0 < tb.tiles; t0 += tb.block) {
        const long n = minOf(tb.block, tb.tiles - t0);
        for (long t = 0; t < n; ++t) {
            const TilePlace p = tb.place(t0 + t);
            transformInputTile(g, in + p.image * tb.inPerImage, p, tb.zeros, tb.v + t * C, tb.stepV);
            transformOutputGradientTile(g, dy + p.image * tb.outPerImage, p, tb.zeros, tb.m + t * F, tb.stepM);
        }
        // dU[e] (+)= V[e]^T M[e]: C x F over the block's tiles.
        for (int e = 0; e < 16; ++e) {
            GemmArgs a;
            a.transA = true;
            a.M = C;
            a.N = F;
            a.K = int(n);
            a.A = tb.v + e * tb.stepV;
            a.lda = C;
            a.B = tb.m + e * tb.stepM;
            a.ldb = F;
            a.C = sums + long(e) * C * F;
            a.ldc = F;
            a.accumulate = t0 > 0;
            gemm(a);
        }
    }
    // dKernel += G^T dU G for every channel and filter, a vector of them at a time.
    const long CF = long(C) * F;
    long i = 0;
    for (; i + kLanes <= CF; i += kLanes) {
        Vec u[16], k[9];
#pragma GCC unroll 16
        for (int e = 0; e < 16; ++e) u[e] = load(sums + e * CF + i);
        kernelGradientTransform(u, k);
#pragma GCC unroll 9
        for (int j = 0; j < 9; ++j) store(dKernel + j * CF + i, load(dKernel + j * CF + i) + k[j]);
    }
    for (; i < CF; ++i) {
        float u[16], k[9];
        for (int e = 0; e < 16; ++e) u[e] = sums[e * CF + i];
        kernelGradientTransform(u, k);
        for (int j = 0; j < 9; ++j) dKernel[j * CF + i] += k[j];
    }
}

} // namespace cs::kernels::CS_KERNEL_ISA
