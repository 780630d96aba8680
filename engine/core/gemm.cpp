#include "engine/core/gemm.h"

#include "engine/core/checks.h"
#include "engine/core/kernels.h"

namespace cs {

namespace {
// Row-major storage: a leading dimension is at least the stored row's length.
void checkGemmShapes(bool transA, bool transB, int M, int N, int K, int lda, int ldb, int ldc) {
    CS_PRECONDITION(M >= 0 && N >= 0 && K >= 0, "GEMM sizes are not negative");
    CS_PRECONDITION(lda >= (transA ? M : K), "A's leading dimension holds a row of op(A)");
    CS_PRECONDITION(ldb >= (transB ? K : N), "B's leading dimension holds a row of op(B)");
    CS_PRECONDITION(ldc >= N, "C's leading dimension holds a row of C");
}

// The operands both entry points pass; each then adds its own options.
kernels::GemmArgs gemmArgs(int M, int N, int K, const float* A, int lda, const float* B, int ldb, float* C,
                           int ldc) {
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
    return g;
}
} // namespace

void gemm(bool transA, bool transB, int M, int N, int K, float alpha, const float* A, int lda,
          const float* B, int ldb, float beta, float* C, int ldc) {
    CS_PRECONDITION(beta == 0.0f || beta == 1.0f, "GEMM's beta is 0 (overwrite) or 1 (accumulate)");
    checkGemmShapes(transA, transB, M, N, K, lda, ldb, ldc);
    kernels::GemmArgs g = gemmArgs(M, N, K, A, lda, B, ldb, C, ldc);
    g.transA = transA;
    g.transB = transB;
    g.alpha = alpha;
    g.accumulate = beta != 0.0f;
    activeKernels().gemm(g);
}

void gemmBiasActivation(int M, int N, int K, const float* A, int lda, const float* B, int ldb, const float* bias,
                        Activation act, float* C, int ldc) {
    checkGemmShapes(false, false, M, N, K, lda, ldb, ldc);
    kernels::GemmArgs g = gemmArgs(M, N, K, A, lda, B, ldb, C, ldc);
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
