// Winograd's minimal filtering F(2x2, 3x3) for 3x3 convolutions at stride 1
// (the kernel tables' winogradConvolution, core/kernels/winograd_kernel.cpp):
// the kernel's transform, done once per batch, and the scratch memory the
// kernel's blocks of tiles need.
#pragma once

namespace cs {

// transformed[16][C][F] = G g G^T for every channel and filter of a
// [3][3][C][F] kernel g (Keras's layout), G = [1 0 0; .5 .5 .5; .5 -.5 .5; 0 0 1].
void winogradTransformKernel(const float* kernel, int channels, int filters, float* transformed);

// Floats of scratch winogradConvolution works in for C channels and F filters:
// blocks of tiles whose transformed inputs and products (16 (C + F) floats per
// tile) take about 256 KB, half of a Zen 3 core's L2 cache, so the 16
// products read them from cache.
long winogradScratchFloats(int channels, int filters);
// The same for winogradWeightGradient: the blocks plus its 16 sums (16 C F floats).
long winogradWeightGradientScratchFloats(int channels, int filters);
// Scratch for blocks of exactly `tiles` tiles (the tests' small blocks).
long winogradScratchFloats(int channels, int filters, long tiles);
long winogradWeightGradientScratchFloats(int channels, int filters, long tiles);

} // namespace cs
