#include "bench/gemm_comparison.h"

#include "engine/core/kernels.h"
#include "engine/core/random.h"

#include <Eigen/Core>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>

namespace bench {

namespace {

struct Shape {
    const char* what;
    bool transA, transB;
    int M, N, K;
};

// The products a training step of the course models runs (per block of images).
const Shape kShapes[] = {
    {"conv forward (M3 conv2d_1, whole batch)", false, false, 12544, 32, 288},
    {"conv forward (M1 conv2d_1, one block)", false, false, 784, 32, 576},
    {"conv weight gradient (M1 conv2d_1)", true, false, 576, 32, 784},
    {"conv input gradient (M1 conv2d_1)", false, false, 784, 64, 288},
    {"Dense forward (64 x 1568 -> 256)", false, false, 64, 256, 1568},
};

double secondsPerCall(const std::function<void()>& call, int repeats) {
    call(); // warm-up: caches, packing buffers
    std::vector<double> times;
    for (int r = 0; r < repeats; ++r) {
        int calls = 0;
        const auto t0 = std::chrono::steady_clock::now();
        double elapsed = 0;
        while (elapsed < 0.2) {
            call();
            ++calls;
            elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        }
        times.push_back(elapsed / calls);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

using RowMajor = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowMap = Eigen::Map<RowMajor>;

} // namespace

void printGemmComparison(const std::vector<cs::KernelIsa>& isas, int repeats) {
    std::printf("GEMM on one thread, GFLOP/s (M x N x K, op(A) op(B)):\n%-42s %-20s", "", "shape");
    for (cs::KernelIsa isa : isas) std::printf(" %8s", cs::kernelIsaName(isa).c_str());
    std::printf(" %8s\n", "Eigen");
    for (const Shape& s : kShapes) {
        cs::Rng rng(7);
        std::vector<float> A(size_t(s.M) * s.K), B(size_t(s.K) * s.N), C(size_t(s.M) * s.N);
        for (float& x : A) x = float(rng.uniform(-1, 1));
        for (float& x : B) x = float(rng.uniform(-1, 1));
        const double flops = 2.0 * s.M * s.N * s.K;
        char shape[64];
        std::snprintf(shape, sizeof shape, "%dx%dx%d %s%s", s.M, s.N, s.K, s.transA ? "T" : "N", s.transB ? "T" : "N");
        std::printf("%-42s %-20s", s.what, shape);
        for (cs::KernelIsa isa : isas) {
            const cs::kernels::KernelTable& t = *cs::kernelTable(isa);
            cs::kernels::GemmArgs g;
            g.transA = s.transA;
            g.transB = s.transB;
            g.M = s.M;
            g.N = s.N;
            g.K = s.K;
            g.A = A.data();
            g.lda = s.transA ? s.M : s.K;
            g.B = B.data();
            g.ldb = s.transB ? s.K : s.N;
            g.C = C.data();
            g.ldc = s.N;
            std::printf(" %8.1f", flops / secondsPerCall([&] { t.gemm(g); }, repeats) / 1e9);
        }
        // Eigen on the same row-major memory (a transposed operand is the same memory, transposed).
        RowMap c(C.data(), s.M, s.N);
        const RowMap a(A.data(), s.transA ? s.K : s.M, s.transA ? s.M : s.K);
        const RowMap b(B.data(), s.transB ? s.N : s.K, s.transB ? s.K : s.N);
        const double eigen = secondsPerCall(
            [&] {
                if (s.transA && !s.transB) c.noalias() = a.transpose() * b;
                else if (!s.transA && s.transB) c.noalias() = a * b.transpose();
                else if (s.transA && s.transB) c.noalias() = a.transpose() * b.transpose();
                else c.noalias() = a * b;
            },
            repeats);
        std::printf(" %8.1f\n", flops / eigen / 1e9);
        std::fflush(stdout);
    }
}

} // namespace bench
