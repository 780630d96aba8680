#include "engine/core/parallel.h"

#include <tbb/blocked_range.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>
#include <tbb/task_arena.h>
#include <tbb/task_scheduler_observer.h>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

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

namespace {
// Renices each thread as it joins the arena's work.
class NicenessObserver : public tbb::task_scheduler_observer {
public:
    NicenessObserver(tbb::task_arena& arena, int niceness) : tbb::task_scheduler_observer(arena), niceness_(niceness) {
        observe(true);
    }
    ~NicenessObserver() override { observe(false); }
    void on_scheduler_entry(bool) override {
#ifdef __linux__
        const id_t tid = id_t(syscall(SYS_gettid));
        if (getpriority(PRIO_PROCESS, tid) < niceness_) setpriority(PRIO_PROCESS, tid, niceness_);
#endif
    }

private:
    int niceness_;
};
} // namespace

struct ThreadPool::Impl {
    tbb::task_arena arena;
    std::unique_ptr<NicenessObserver> observer;
    Impl(int threads, int niceness) : arena(threads) {
        if (niceness > 0) {
            arena.initialize();
            observer = std::make_unique<NicenessObserver>(arena, niceness);
        }
    }
};

ThreadPool::ThreadPool(int threads, int niceness)
    : threads_(threads > 0 ? threads : hardwareThreads()), impl_(std::make_unique<Impl>(threads_, niceness)) {}

ThreadPool::~ThreadPool() = default;

void ThreadPool::run(const std::function<void()>& work) { impl_->arena.execute(work); }

} // namespace cs
