// StreamingFolderSource: a BatchSource over image files that never needs the
// whole folder in memory.
//
// A small pool of worker threads decodes (and, for the training split,
// augments) the next batches while the trainer works on the current one: a
// bounded ring of `prefetchBatches` batch buffers, so at most that many batches
// wait decoded. Decoded images are also kept in a cache up to `cacheBytes`
// (the first files of the list up to that budget), so when the whole set fits,
// epochs after the first decode nothing. Peak memory is therefore about
// cacheBytes + (prefetchBatches + 1) batches, whatever the folder size.
//
// Files that fail to decode are skipped and reported (skipped()): their place
// in a batch is taken by the next readable image of the epoch's order, so
// batch sizes and the trainer's arithmetic do not change. Batches are the same
// as ImageSetSource's over the same decoded images: same order for (seed,
// epoch), same augmentation seed per batch, whatever the number of workers.
#pragma once

#include "engine/data/augmentation.h"
#include "engine/data/batch_source.h"
#include "engine/data/image_folder_dataset.h"

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace cs {

struct StreamingOptions {
    size_t cacheBytes = size_t(1) << 30; // decoded images kept for later epochs (0 = none)
    int prefetchBatches = 4;             // batches decoded ahead (>= 1)
    int workers = 0; // decode threads; 0 = one per core (at most prefetchBatches)
};

class StreamingFolderSource : public BatchSource {
public:
    // augmentation: only for the training split; null for validation and test.
    StreamingFolderSource(std::vector<FolderImage> files, const ImageFolderOptions& decode,
                          const StreamingOptions& streaming = {},
                          const AugmentationOptions* augmentation = nullptr);
    ~StreamingFolderSource() override; // stops and joins the workers
    StreamingFolderSource(const StreamingFolderSource&) = delete;
    StreamingFolderSource& operator=(const StreamingFolderSource&) = delete;

    int size() const override { return int(files_.size()); }
    int height() const override { return decode_.height; }
    int width() const override { return decode_.width; }
    int channels() const override { return decode_.channels(); }
    void beginEpoch(int epoch, uint64_t seed, bool shuffle) override;
    void read(int first, int n, ImageSet& out) override;
    int maxLabel() const override { return maxLabel_; }

    std::vector<SkippedFile> skipped() const;            // files that failed to decode so far
    int cacheCapacity() const { return cacheCapacity_; } // images the budget holds
    int cachedImages() const { return cached_.load(); }
    long decodeCount() const { return decodes_.load(); } // files decoded so far (cache misses)
    int workerCount() const { return int(workers_.size()); }

private:
    struct Plan;
    struct Slot;
    void workerLoop();
    // Fills `out` with images [first, first + n) of the plan's order; false if
    // the plan was replaced meanwhile (the batch is then discarded).
    bool fill(const Plan& plan, int first, int n, ImageSet& out);
    bool image(int file, uint8_t* dst); // from the cache or decoded; false when unreadable
    void restart(int batchSize, int firstBatch, std::unique_lock<std::mutex>& lock);

    std::vector<FolderImage> files_;
    ImageFolderOptions decode_;
    StreamingOptions streaming_;
    std::optional<Augmenter> augmenter_;
    size_t imageBytes_ = 0;
    int maxLabel_ = -1;

    // Cache: files [0, cacheCapacity_) keep their decoded pixels; the state of
    // every file is 0 unknown, 1 cached, 2 unreadable, 3 being decoded into the cache.
    int cacheCapacity_ = 0;
    std::unique_ptr<uint8_t[]> cache_; // not zero-filled: pages cost memory only once written
    std::unique_ptr<std::atomic<uint8_t>[]> state_;
    std::atomic<int> cached_{0};
    std::atomic<long> decodes_{0};
    mutable std::mutex skippedMutex_;
    std::vector<SkippedFile> skipped_;

    // Pipeline, guarded by mutex_.
    std::mutex mutex_;
    std::condition_variable workAvailable_, batchReady_;
    std::shared_ptr<const Plan> plan_;
    std::atomic<uint64_t> generation_{0};
    std::vector<Slot> slots_;
    int nextToSchedule_ = 0, nextToConsume_ = 0, inFlight_ = 0;
    int lastBatchSize_ = 0; // the batch size of the last pass, expected again
    bool stopping_ = false;
    std::vector<std::thread> workers_;
};

} // namespace cs
