// Dense matrix products for the layers (the one translation unit with Eigen).
//
// All matrices are row-major float32 with explicit leading dimensions, the
// layout of NHWC activations and Keras kernels. Keeping Eigen's heavy
// templates behind this small interface keeps the build fast.
#pragma once

namespace cs {

// C[M,N] = alpha * op(A) * op(B) + beta * C, where op(A) is [M,K] (A stored as
// [K,M] when transA) and op(B) is [K,N] (B stored as [N,K] when transB).
// beta must be 0 (C is overwritten, never read) or 1 (accumulate).
void gemm(bool transA, bool transB, int M, int N, int K, float alpha, const float* A, int lda,
          const float* B, int ldb, float beta, float* C, int ldc);

} // namespace cs
