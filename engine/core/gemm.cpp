#include "engine/core/gemm.h"

#include "engine/core/kernels.h"

#include <cassert>

namespace cs {

void gemm(bool transA, bool transB, int M, int N, int K, float alpha, const float* A, int lda,
          const float* B, int ldb, float beta, float* C, int ldc) {
    assert(beta == 0.0f || beta == 1.0f);
    kernels::GemmArgs g;
    g.transA = transA;
    g.transB = transB;
    g.M = M;
    g.N = N;
    g.K = K;
    g.A = A;
    g.lda = lda;
    g.B = B;
    g.ldb = ldb;
    g.C = C;
    g.ldc = ldc;
    g.alpha = alpha;
    g.accumulate = beta != 0.0f;
    activeKernels().gemm(g);
}

void gemmBiasActivation(int M, int N, int K, const float* A, int lda, const float* B, int ldb, const float* bias,
                        Activation act, float* C, int ldc) {
    kernels::GemmArgs g;
    g.M = M;
    g.N = N;
    g.K = K;
    g.A = A;
    g.lda = lda;
    g.B = B;
    g.ldb = ldb;
    g.C = C;
    g.ldc = ldc;
    g.bias = bias;
    g.relu = act == Activation::Relu;
    activeKernels().gemm(g);
    if (act != Activation::Relu && act != Activation::Linear) {
        if (ldc == N) applyActivation(act, C, M, N);
        else
            for (int i = 0; i < M; ++i) applyActivation(act, C + long(i) * ldc, 1, N);
    }
}

} // namespace cs
