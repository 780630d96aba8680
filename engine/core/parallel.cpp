#include "core/parallel.h"

#include <tbb/blocked_range.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>
#include <tbb/task_arena.h>

namespace cs {

ChunkRange chunkRange(int n, int chunks, int chunk) {
    int base = n / chunks, extra = n % chunks;
    int begin = chunk * base + (chunk < extra ? chunk : extra);
    return {begin, begin + base + (chunk < extra ? 1 : 0)};
}

void forEachChunk(int n, int chunks, const std::function<void(int, ChunkRange)>& fn) {
    if (chunks <= 1) {
        fn(0, {0, n});
        return;
    }
    tbb::parallel_for(
        tbb::blocked_range<int>(0, chunks, 1),
        [&](const tbb::blocked_range<int>& r) {
            for (int c = r.begin(); c != r.end(); ++c) fn(c, chunkRange(n, chunks, c));
        },
        tbb::simple_partitioner());
}

void parallelFor(long n, long grain, const std::function<void(long, long)>& fn) {
    if (n <= grain) {
        fn(0, n);
        return;
    }
    tbb::parallel_for(tbb::blocked_range<long>(0, n, grain),
                      [&](const tbb::blocked_range<long>& r) { fn(r.begin(), r.end()); });
}

void sumPartials(float* dst, const std::vector<const float*>& parts, long n, float l2, const float* weights) {
    parallelFor(n, 1 << 14, [&](long b, long e) {
        for (long i = b; i < e; ++i) dst[i] = 0.0f;
        for (const float* p : parts)
            for (long i = b; i < e; ++i) dst[i] += p[i];
        if (l2 > 0.0f && weights)
            for (long i = b; i < e; ++i) dst[i] += 2.0f * l2 * weights[i];
    });
}

int hardwareThreads() { return tbb::info::default_concurrency(); }

struct ThreadPool::Impl {
    tbb::task_arena arena;
    explicit Impl(int threads) : arena(threads) {}
};

ThreadPool::ThreadPool(int threads)
    : threads_(threads > 0 ? threads : hardwareThreads()), impl_(std::make_unique<Impl>(threads_)) {}

ThreadPool::~ThreadPool() = default;

void ThreadPool::run(const std::function<void()>& work) { impl_->arena.execute(work); }

} // namespace cs
