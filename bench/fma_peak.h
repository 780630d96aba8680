// Measures an instruction-set path's float32 multiply-add peak: independent
// chains of vector FMAs (the path's own loop, core/kernels) on every thread
// asked for. The figure the benchmark divides achieved GFLOP/s by.
#pragma once

#include "engine/core/kernels/kernel_table.h"

namespace bench {

// GFLOP/s (2 flops per lane per multiply-add) with `threads` threads running at once.
double measureFmaPeakGflops(const cs::kernels::KernelTable& kernels, int threads);

} // namespace bench
