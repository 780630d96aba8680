#include "engine/core/winograd.h"

#include <algorithm>

namespace cs {

namespace {
constexpr long kBlockFloats = 64 * 1024; // 256 KB of tiles
constexpr long kMinTiles = 48;           // fewer: packing each product's kernel costs more than it saves
} // namespace

void winogradTransformKernel(const float* kernel, int channels, int filters, float* transformed) {
    const long C = channels, F = filters;
    // Filter by filter along contiguous rows, so the loop is vectorised: it runs before
    // every batch (at batch 1, before every image).
    for (long c = 0; c < C; ++c) {
        const float* g[9];
        for (int k = 0; k < 9; ++k) g[k] = kernel + (k * C + c) * F;
        float* u[16];
        for (int e = 0; e < 16; ++e) u[e] = transformed + (e * C + c) * F;
        for (long f = 0; f < F; ++f) {
            float rows[4][3]; // G g
            for (int x = 0; x < 3; ++x) {
                const float top = g[x][f], middle = g[3 + x][f], bottom = g[6 + x][f];
                rows[0][x] = top;
                rows[1][x] = 0.5f * (top + middle + bottom);
                rows[2][x] = 0.5f * (top - middle + bottom);
                rows[3][x] = bottom;
            }
            for (int y = 0; y < 4; ++y) { // (G g) G^T
                const float* r = rows[y];
                u[4 * y][f] = r[0];
                u[4 * y + 1][f] = 0.5f * (r[0] + r[1] + r[2]);
                u[4 * y + 2][f] = 0.5f * (r[0] - r[1] + r[2]);
                u[4 * y + 3][f] = r[2];
            }
        }
    }
}

long winogradScratchFloats(int channels, int filters) {
    const long perTile = 16L * (channels + filters);
    const long tiles = std::max(kMinTiles, kBlockFloats / std::max(1L, perTile));
    return (channels + 15L) / 16 * 16 + tiles * perTile + 2 * 16 * 16; // + the places' padding
}

} // namespace cs
