#include "bench/fma_peak.h"

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace bench {

double measureFmaPeakGflops(const cs::kernels::KernelTable& kernels, int threads) {
    const long iterations = 640'000'000 / kernels.vectorLanes; // 15 GFLOP: a fraction of a second
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> pool;
    std::vector<double> flops(size_t(threads), 0.0);
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            ++ready;
            while (!go) {}
            flops[size_t(t)] = kernels.multiplyAddPeakLoop(iterations);
        });
    while (ready < threads) {}
    const auto start = std::chrono::steady_clock::now();
    go = true;
    for (auto& th : pool) th.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    double total = 0;
    for (double f : flops) total += f;
    return total / seconds / 1e9;
}

} // namespace bench
