#include "core/gemm.h"

#include "core/packed_gemm.h"

#include <Eigen/Core>
#include <cassert>

namespace cs {

namespace {
using RowMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using ColMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor>;
using Stride = Eigen::OuterStride<>;
using ConstRowMap = Eigen::Map<const RowMajor, Eigen::Unaligned, Stride>;
using ConstColMap = Eigen::Map<const ColMajor, Eigen::Unaligned, Stride>;
using RowMap = Eigen::Map<RowMajor, Eigen::Unaligned, Stride>;

template <class MA, class MB>
void product(const MA& a, const MB& b, float alpha, float beta, RowMap& c) {
    if (beta == 0.0f) {
        if (alpha == 1.0f) c.noalias() = a * b;
        else c.noalias() = alpha * (a * b);
    } else {
        if (alpha == 1.0f) c.noalias() += a * b;
        else c.noalias() += alpha * (a * b);
    }
}
} // namespace

void gemm(bool transA, bool transB, int M, int N, int K, float alpha, const float* A, int lda,
          const float* B, int ldb, float beta, float* C, int ldc) {
    assert(beta == 0.0f || beta == 1.0f);
    if (M == 0 || N == 0) return;
    // Convolution shapes (tall, 24+ filters wide) run 30-60% faster in our
    // packed kernel; Eigen stays better for narrow outputs (the last Dense
    // layers) and for a short transposed-B product (Dense input gradients).
    // Measured with bench/engine_benchmark --layers and docs/performance.md.
    if (alpha == 1.0f && N >= 24 && !(transB && M < 64)) {
        packedGemm(transA, transB, M, N, K, A, lda, B, ldb, beta != 0.0f, C, ldc);
        return;
    }
    RowMap c(C, M, N, Stride(ldc));
    if (K == 0) {
        if (beta == 0.0f) c.setZero();
        return;
    }
    // A transposed row-major [K,M] is the same memory as a column-major [M,K].
    if (!transA && !transB)
        product(ConstRowMap(A, M, K, Stride(lda)), ConstRowMap(B, K, N, Stride(ldb)), alpha, beta, c);
    else if (transA && !transB)
        product(ConstColMap(A, M, K, Stride(lda)), ConstRowMap(B, K, N, Stride(ldb)), alpha, beta, c);
    else if (!transA && transB)
        product(ConstRowMap(A, M, K, Stride(lda)), ConstColMap(B, K, N, Stride(ldb)), alpha, beta, c);
    else
        product(ConstColMap(A, M, K, Stride(lda)), ConstColMap(B, K, N, Stride(ldb)), alpha, beta, c);
}

} // namespace cs
