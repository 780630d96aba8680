#include "engine/core/winograd.h"

#include <algorithm>

namespace cs {

namespace {
constexpr long kBlockFloats = 64 * 1024; // 256 KB of tiles
constexpr long kMinTiles = 48;           // fewer: packing each product's kernel costs more than it saves
} // namespace

void winogradTransformKernel(const float* kernel, int channels, int filters, float* transformed) {
    // 16 filters at a time through local arrays, so every step is a fixed-length loop the
    // compiler turns into vector code: it runs before every batch (at batch 1, every image).
    constexpr int kChunk = 16;
    const long C = channels, F = filters;
    for (long c = 0; c < C; ++c)
        for (long f0 = 0; f0 < F; f0 += kChunk) {
            const int n = int(std::min<long>(kChunk, F - f0));
            float g[9][kChunk] = {};
            for (int k = 0; k < 9; ++k)
                for (int j = 0; j < n; ++j) g[k][j] = kernel[(k * C + c) * F + f0 + j];
            float rows[4][3][kChunk]; // G g
            for (int x = 0; x < 3; ++x)
                for (int j = 0; j < kChunk; ++j) {
                    const float top = g[x][j], middle = g[3 + x][j], bottom = g[6 + x][j];
                    rows[0][x][j] = top;
                    rows[1][x][j] = 0.5f * (top + middle + bottom);
                    rows[2][x][j] = 0.5f * (top - middle + bottom);
                    rows[3][x][j] = bottom;
                }
            float u[16][kChunk]; // (G g) G^T
            for (int y = 0; y < 4; ++y)
                for (int j = 0; j < kChunk; ++j) {
                    const float a = rows[y][0][j], b = rows[y][1][j], d = rows[y][2][j];
                    u[4 * y][j] = a;
                    u[4 * y + 1][j] = 0.5f * (a + b + d);
                    u[4 * y + 2][j] = 0.5f * (a - b + d);
                    u[4 * y + 3][j] = d;
                }
            for (int e = 0; e < 16; ++e)
                for (int j = 0; j < n; ++j) transformed[(e * C + c) * F + f0 + j] = u[e][j];
        }
}

long winogradScratchFloats(int channels, int filters, long tiles) {
    // + zeros for a pixel outside the image (as many as channels or filters) + the places' padding
    return (std::max(channels, filters) + 15L) / 16 * 16 + tiles * 16L * (channels + filters) + 2 * 16 * 16;
}

long winogradScratchFloats(int channels, int filters) {
    const long perTile = 16L * (channels + filters);
    return winogradScratchFloats(channels, filters, std::max(kMinTiles, kBlockFloats / std::max(1L, perTile)));
}

long winogradWeightGradientScratchFloats(int channels, int filters, long tiles) {
    return winogradScratchFloats(channels, filters, tiles) + 16L * channels * filters;
}

long winogradWeightGradientScratchFloats(int channels, int filters) {
    return winogradScratchFloats(channels, filters) + 16L * channels * filters;
}

} // namespace cs
