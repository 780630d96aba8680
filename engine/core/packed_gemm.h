// A matrix product tuned for the shapes of CNN layers in NHWC: a tall matrix
// (pixels x patch) times a narrow one (patch x filters), row-major output.
//
// B is packed into panels of 32 columns (zero-padded), a K-block at a time so
// a panel stays in L1; an 8 x 32 register tile of C accumulates with vector
// FMAs while A is read in place through row/column strides (so a transposed A
// costs nothing). Written with GCC vector extensions: AVX-512 where the build
// targets it, two AVX2 halves otherwise.
#pragma once

namespace cs {

// C[M,N] (ldc) = op(A) * op(B) (+ C when accumulate), semantics of gemm() in gemm.h.
void packedGemm(bool transA, bool transB, int M, int N, int K, const float* A, int lda, const float* B,
                int ldb, bool accumulate, float* C, int ldc);

} // namespace cs
