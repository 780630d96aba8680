// This path's KernelTable: what core/kernels.cpp picks from at start-up.
#include "engine/core/kernels/kernel_functions.h"

namespace cs::kernels::CS_KERNEL_ISA {

namespace {
#if defined(CS_KERNEL_ISA_AVX512)
constexpr KernelIsa kIsa = KernelIsa::Avx512;
constexpr const char* kName = "avx512";
constexpr const char* kDescription = "AVX-512 (x86-64-v4), 16-float vectors";
#elif defined(CS_KERNEL_ISA_AVX2)
constexpr KernelIsa kIsa = KernelIsa::Avx2;
constexpr const char* kName = "avx2";
constexpr const char* kDescription = "AVX2 + FMA (x86-64-v3), 8-float vectors";
#else
constexpr KernelIsa kIsa = KernelIsa::Generic;
constexpr const char* kName = "generic";
constexpr const char* kDescription = "portable baseline (SSE2 on x86-64), 4-float vectors";
#endif
} // namespace

const KernelTable table{
    kIsa,
    kName,
    kDescription,
    kLanes,
    kGemmTileRows,
    kGemmTileColumns,
    gemm,
    convolution,
    convolutionWeightGradient,
    convolutionInputGradient,
    winogradConvolution,
    winogradWeightGradient,
    reluForward,
    reluBackward,
    addColumnSums,
    reluBackwardColumnSums,
    dropoutForward,
    dropoutBackward,
    maxPoolForward,
    maxPoolBackward,
    averagePoolForward,
    averagePoolBackward,
    multiplyAddPeakLoop,
};

} // namespace cs::kernels::CS_KERNEL_ISA
