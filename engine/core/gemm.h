// Dense matrix products for the layers, on the active instruction-set path's
// GEMM kernel (core/kernels.h, core/kernels/gemm_kernel.cpp).
//
// All matrices are row-major float32 with explicit leading dimensions, the
// layout of NHWC activations and Keras kernels.
#pragma once

#include "engine/core/activation.h"

namespace cs {

// C[M,N] = alpha * op(A) * op(B) + beta * C, where op(A) is [M,K] (A stored as
// [K,M] when transA) and op(B) is [K,N] (B stored as [N,K] when transB).
// beta must be 0 (C is overwritten, never read) or 1 (accumulate).
void gemm(bool transA, bool transB, int M, int N, int K, float alpha, const float* A, int lda,
          const float* B, int ldb, float beta, float* C, int ldc);

// C[M,N] = act(A[M,K] * B[K,N] + bias) (bias: N values or null): a layer's
// forward product, with the bias and a ReLU applied as the tiles are stored.
void gemmBiasActivation(int M, int N, int K, const float* A, int lda, const float* B, int ldb, const float* bias,
                        Activation act, float* C, int ldc);

} // namespace cs
