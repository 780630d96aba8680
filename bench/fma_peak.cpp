#include "fma_peak.h"

#include <atomic>
#include <chrono>
#include <immintrin.h>
#include <thread>
#include <vector>

namespace bench {

namespace {

#if defined(__AVX512F__)
using Vec = __m512;
constexpr int kLanes = 16;
inline Vec set1(float x) { return _mm512_set1_ps(x); }
inline Vec fma(Vec a, Vec b, Vec c) { return _mm512_fmadd_ps(a, b, c); }
inline float sum(Vec v) { // not _mm512_reduce_add_ps: GCC 12 warns falsely inside it
    alignas(64) float t[16];
    _mm512_store_ps(t, v);
    float s = 0;
    for (float x : t) s += x;
    return s;
}
#elif defined(__AVX2__) && defined(__FMA__)
using Vec = __m256;
constexpr int kLanes = 8;
inline Vec set1(float x) { return _mm256_set1_ps(x); }
inline Vec fma(Vec a, Vec b, Vec c) { return _mm256_fmadd_ps(a, b, c); }
inline float sum(Vec v) {
    alignas(32) float t[8];
    _mm256_store_ps(t, v);
    return t[0] + t[1] + t[2] + t[3] + t[4] + t[5] + t[6] + t[7];
}
#else
#error "the FMA benchmark needs AVX2+FMA or AVX-512 (build with -march=native)"
#endif

// 12 independent accumulators hide the FMA latency (4 cycles x 2 ports + slack).
double run(long iterations) {
    Vec a = set1(0.999999f), b = set1(1e-7f);
    Vec acc[12];
    for (int i = 0; i < 12; ++i) acc[i] = set1(float(i));
    for (long it = 0; it < iterations; ++it)
        for (int i = 0; i < 12; ++i) acc[i] = fma(acc[i], a, b);
    float s = 0;
    for (int i = 0; i < 12; ++i) s += sum(acc[i]);
    return double(s);
}

} // namespace

double measureFmaPeakGflops(int threads) {
    const long iterations = 40'000'000;
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> pool;
    std::vector<double> sink(static_cast<size_t>(threads)); // results kept so the loops are not optimised away
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            ++ready;
            while (!go) {}
            sink[size_t(t)] = run(iterations);
        });
    while (ready < threads) {}
    const auto start = std::chrono::steady_clock::now();
    go = true;
    for (auto& th : pool) th.join();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double flops = 2.0 * kLanes * 12.0 * double(iterations) * threads;
    volatile double keep = sink[0];
    (void)keep;
    return flops / seconds / 1e9;
}

} // namespace bench
