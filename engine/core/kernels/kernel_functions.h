// The kernels of one instruction-set path (namespace cs::kernels::<isa>), as
// gathered into its KernelTable by kernel_table.cpp. See isa_vector.h.
#pragma once

#include "engine/core/kernels/isa_vector.h"
#include "engine/core/kernels/kernel_table.h"

namespace cs::kernels::CS_KERNEL_ISA {

// gemm_tiles.h, gemm_kernel.cpp
constexpr int kGemmTileColumns = 2 * kLanes;
// Two vectors of B, one broadcast of A (and one product without FMA) beside the accumulators.
constexpr int kGemmTileRows = (kRegisters - 3 - (kFusedMultiplyAdd ? 0 : 1)) / 2;
void gemm(const GemmArgs& args);

// convolution_kernel.cpp
void convolution(const ConvGeometry& g, const float* in, int images, const float* kernel, const float* bias, bool relu,
                 float* out);
void convolutionWeightGradient(const ConvGeometry& g, const float* in, int images, const float* dy, float* dKernel);
void convolutionInputGradient(const ConvGeometry& g, const float* dy, int images, const float* kernel, float* dIn);

// winograd_kernel.cpp
void winogradConvolution(const ConvGeometry& g, const float* in, int images, const float* transformedKernel,
                         const float* bias, bool relu, float* out, float* scratch, long scratchFloats);
void winogradWeightGradient(const ConvGeometry& g, const float* in, int images, const float* dy, float* dKernel,
                            float* scratch, long scratchFloats);

// elementwise_kernels.cpp
void reluForward(float* x, long n);
void reluBackward(const float* y, float* dy, long n);
void addColumnSums(const float* x, long rows, int cols, float* sums);
void reluBackwardColumnSums(const float* y, float* dy, long rows, int cols, float* sums);
void dropoutForward(const float* x, float* y, uint8_t* mask, long n, uint64_t key, uint32_t threshold,
                    float scale);
void dropoutBackward(const float* dy, const uint8_t* mask, float* dx, long n, float scale);
double multiplyAddPeakLoop(long iterations);

// pooling_kernels.cpp
void maxPoolForward(const PoolGeometry& g, const float* in, float* out, uint16_t* argmax);
void maxPoolBackward(const PoolGeometry& g, const float* dOut, const uint16_t* argmax, float* dIn);
void averagePoolForward(const PoolGeometry& g, const float* in, float* out);
void averagePoolBackward(const PoolGeometry& g, const float* dOut, float* dIn);

extern const KernelTable table;

} // namespace cs::kernels::CS_KERNEL_ISA
