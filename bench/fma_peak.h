// Measures the machine's float32 FMA peak: independent chains of vector FMAs
// (AVX-512 or AVX2, whatever the build targets) on every thread asked for.
// The figure the benchmark divides achieved GFLOP/s by.
#pragma once

namespace bench {

// GFLOP/s (2 flops per lane per FMA) with `threads` threads running at once.
double measureFmaPeakGflops(int threads);

} // namespace bench
