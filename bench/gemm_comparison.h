// Single-thread GEMM throughput on the engine's product shapes (convolution
// forward, weight and input gradients, a Dense layer): each instruction-set
// path's kernel beside Eigen's general product (`engine_benchmark --gemm`).
#pragma once

#include "engine/core/kernels/kernel_table.h"

#include <vector>

namespace bench {

void printGemmComparison(const std::vector<cs::KernelIsa>& isas, int repeats);

} // namespace bench
