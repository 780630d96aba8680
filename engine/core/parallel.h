// Deterministic data parallelism over a batch, on oneTBB.
//
// Work is split into a fixed number of contiguous chunks (one per thread of the
// caller's arena), so each chunk always sees the same images and partial sums
// are reduced in chunk order: same thread count -> bit-identical results. The
// caller runs the whole step inside its own tbb::task_arena (see ThreadPool),
// so no global thread state is touched.
#pragma once

#include <functional>
#include <memory>
#include <vector>

namespace cs {

struct ChunkRange {
    int begin = 0;
    int end = 0;
    int size() const { return end - begin; }
};

// The range of chunk `chunk` when [0, n) is cut into `chunks` near-equal pieces.
ChunkRange chunkRange(int n, int chunks, int chunk);

// Calls fn(chunk, range) for every chunk, in parallel in the current arena.
void forEachChunk(int n, int chunks, const std::function<void(int chunk, ChunkRange range)>& fn);

// Element-wise work with no reduction (any split gives the same result).
void parallelFor(long n, long grain, const std::function<void(long begin, long end)>& fn);

// dst[i] = parts[0][i] + parts[1][i] + ... (+ l2Factor * 2 * weights[i]), in
// chunk order for every element (so deterministic), split across threads.
void sumPartials(float* dst, const std::vector<const float*>& parts, long n, float l2 = 0.0f,
                 const float* weights = nullptr);

// An arena of a chosen size; run() executes work inside it. With niceness > 0
// every thread that works in it (the caller included) lowers its scheduling
// priority to that nice level (Linux; a thread cannot raise it back, so use it
// for threads dedicated to background work such as a GUI's training).
class ThreadPool {
public:
    explicit ThreadPool(int threads, int niceness = 0); // threads <= 0: every core
    ~ThreadPool();
    int threads() const { return threads_; }
    void run(const std::function<void()>& work);

private:
    struct Impl;
    int threads_;
    std::unique_ptr<Impl> impl_;
};

int hardwareThreads();

} // namespace cs
