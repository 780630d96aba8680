#include "engine/data/streaming_folder_source.h"

#include "engine/core/errors.h"
#include "engine/core/parallel.h"
#include "engine/core/random.h"

#include <algorithm>
#include <cstring>

namespace cs {

struct StreamingFolderSource::Plan {
    uint64_t generation = 0;
    std::shared_ptr<const std::vector<int>> order; // file index of each position in the epoch
    uint64_t epochSeed = 0;
    int batchSize = 0; // 0: not known yet (no read since beginEpoch)
    int batches = 0;
};

struct StreamingFolderSource::Slot {
    enum class State { Free, Filling, Ready } state = State::Free;
    int batch = -1;
    ImageSet images;
    std::exception_ptr error;
};

StreamingFolderSource::StreamingFolderSource(std::vector<FolderImage> files,
                                             const ImageFolderOptions& decode,
                                             const StreamingOptions& streaming,
                                             const AugmentationOptions* augmentation)
    : files_(std::move(files)), decode_(decode), streaming_(streaming) {
    if (decode_.height < 1 || decode_.width < 1)
        throw ConfigError(CS_TEXT("cs::Datasets", "target size must be at least 1x1"));
    if (streaming_.prefetchBatches < 1)
        throw ConfigError(CS_TEXT("cs::Datasets", "prefetch must be at least 1 batch"));
    if (augmentation && augmentation->enabled()) augmenter_.emplace(*augmentation);
    imageBytes_ = size_t(decode_.height) * size_t(decode_.width) * size_t(decode_.channels());
    for (const FolderImage& f : files_)
        maxLabel_ = std::max(maxLabel_, f.label);
    cacheCapacity_ = int(std::min<size_t>(files_.size(), streaming_.cacheBytes / imageBytes_));
    if (cacheCapacity_ > 0) cache_.reset(new uint8_t[size_t(cacheCapacity_) * imageBytes_]);
    state_.reset(new std::atomic<uint8_t>[files_.size()]);
    for (size_t i = 0; i < files_.size(); ++i)
        state_[i].store(0, std::memory_order_relaxed);
    slots_.resize(size_t(streaming_.prefetchBatches));

    auto plan = std::make_shared<Plan>();
    plan->order = std::make_shared<const std::vector<int>>(epochOrder(size(), 0, 0, false));
    plan_ = plan;
    int workers = streaming_.workers > 0 ? streaming_.workers : hardwareThreads();
    workers = std::max(1, std::min({workers, streaming_.prefetchBatches, std::max(size(), 1)}));
    for (int i = 0; i < workers; ++i)
        workers_.emplace_back([this] { workerLoop(); });
}

StreamingFolderSource::~StreamingFolderSource() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        generation_.fetch_add(1); // abandon a batch being filled
    }
    workAvailable_.notify_all();
    for (std::thread& t : workers_)
        t.join();
}

void StreamingFolderSource::beginEpoch(int epoch, uint64_t seed, bool shuffle) {
    std::unique_lock lock(mutex_);
    const uint64_t generation =
        generation_.fetch_add(1) + 1; // in-flight batches of the old order are dropped
    batchReady_.wait(lock, [&] { return inFlight_ == 0; });
    auto plan = std::make_shared<Plan>();
    plan->generation = generation;
    plan->order =
        std::make_shared<const std::vector<int>>(epochOrder(size(), epoch, seed, shuffle));
    plan->epochSeed = splitmix64(seed ^ (uint64_t(epoch) << 32)); // as ImageSetSource
    // Expect the batch size of the last pass, so decoding starts now rather than
    // at the first read (a wrong guess only costs a restart there).
    plan->batchSize = lastBatchSize_;
    plan->batches = lastBatchSize_ > 0 ? (size() + lastBatchSize_ - 1) / lastBatchSize_ : 0;
    plan_ = plan;
    for (Slot& s : slots_)
        s.state = Slot::State::Free;
    nextToSchedule_ = nextToConsume_ = 0;
    workAvailable_.notify_all();
}

// A new plan with the same order for batches of `batchSize` from `firstBatch` on.
void StreamingFolderSource::restart(int batchSize, int firstBatch,
                                    std::unique_lock<std::mutex>& lock) {
    const uint64_t generation = generation_.fetch_add(1) + 1;
    batchReady_.wait(lock, [&] { return inFlight_ == 0; });
    auto plan = std::make_shared<Plan>(*plan_);
    plan->generation = generation;
    plan->batchSize = batchSize;
    plan->batches = batchSize > 0 ? (size() + batchSize - 1) / batchSize : 0;
    if (batchSize > 0) lastBatchSize_ = batchSize;
    plan_ = plan;
    for (Slot& s : slots_)
        s.state = Slot::State::Free;
    nextToSchedule_ = nextToConsume_ = firstBatch;
    workAvailable_.notify_all();
}

void StreamingFolderSource::read(int first, int n, ImageSet& out) {
    if (first < 0 || n < 0 || first + n > size())
        throw DataError(CS_TEXT("cs::Datasets", "images [%1, %2) are outside a set of %3")
                            .arg(std::to_string(first))
                            .arg(std::to_string(first + n))
                            .arg(std::to_string(size())));
    std::unique_lock lock(mutex_);
    const int bs = plan_->batchSize;
    const bool sequential = bs > 0 && first % bs == 0 && first / bs == nextToConsume_ &&
                            n == std::min(bs, size() - first);
    if (!sequential) {
        if (first % std::max(n, 1) == 0 && n == std::min(n, size() - first) && n > 0) {
            restart(n, first / n, lock); // the first read of an epoch sets the batch size
        } else {
            restart(0, 0, lock); // an odd range: read it here, the pipeline idles
            const std::shared_ptr<const Plan> plan = plan_;
            lock.unlock();
            fill(*plan, first, n, out);
            return;
        }
    }
    const int batch = first / plan_->batchSize;
    Slot& slot = slots_[size_t(batch) % slots_.size()];
    batchReady_.wait(lock, [&] { return slot.state == Slot::State::Ready && slot.batch == batch; });
    std::swap(out, slot.images); // the slot keeps the old buffer for its next batch: no allocation
    const std::exception_ptr error = slot.error;
    slot.error = nullptr;
    slot.state = Slot::State::Free;
    ++nextToConsume_;
    lock.unlock();
    workAvailable_.notify_all();
    if (error) std::rethrow_exception(error);
}

void StreamingFolderSource::workerLoop() {
    std::unique_lock lock(mutex_);
    for (;;) {
        workAvailable_.wait(lock, [&] {
            return stopping_ || (plan_->batchSize > 0 && nextToSchedule_ < plan_->batches &&
                                 nextToSchedule_ < nextToConsume_ + int(slots_.size()));
        });
        if (stopping_) return;
        const std::shared_ptr<const Plan> plan = plan_;
        const int batch = nextToSchedule_++;
        Slot& slot = slots_[size_t(batch) % slots_.size()];
        slot.state = Slot::State::Filling;
        slot.batch = batch;
        ++inFlight_;
        lock.unlock();
        const int first = batch * plan->batchSize;
        bool current = false;
        std::exception_ptr error;
        try {
            current = fill(*plan, first, std::min(plan->batchSize, size() - first), slot.images);
        } catch (...) {
            error = std::current_exception();
            current = true;
        }
        lock.lock();
        --inFlight_;
        if (current && plan->generation == generation_.load()) {
            slot.error = error;
            slot.state = Slot::State::Ready;
        } else if (slot.batch == batch && slot.state == Slot::State::Filling) {
            slot.state = Slot::State::Free;
        }
        batchReady_.notify_all();
    }
}

bool StreamingFolderSource::fill(const Plan& plan, int first, int n, ImageSet& out) {
    out.height = decode_.height;
    out.width = decode_.width;
    out.channels = decode_.channels();
    out.pixels.resize(size_t(n) * imageBytes_);
    out.labels.resize(size_t(n));
    const std::vector<int>& order = *plan.order;
    for (int i = 0; i < n; ++i) {
        if (generation_.load(std::memory_order_relaxed) != plan.generation && plan.batchSize > 0)
            return false;
        uint8_t* dst = out.image(i);
        // An unreadable file gives its place to the next readable one in the order.
        int position = first + i, tries = 0;
        while (!image(order[size_t(position)], dst)) {
            position = (position + 1) % size();
            if (++tries == size())
                throw DataError(
                    CS_TEXT("cs::Datasets", "none of the %1 images could be decoded (%2)")
                        .arg(std::to_string(size()))
                        .arg(skippedReport(skipped(), 3)));
        }
        out.labels[size_t(i)] = files_[size_t(order[size_t(position)])].label;
    }
    // Same per-batch seed as ImageSetSource, so both give the same batches.
    if (augmenter_)
        augmenter_->augmentBatch(out, splitmix64(plan.epochSeed ^ uint64_t(first)), false);
    return true;
}

bool StreamingFolderSource::image(int file, uint8_t* dst) {
    enum : uint8_t { Unknown = 0, Cached = 1, Unreadable = 2, Decoding = 3 };
    std::atomic<uint8_t>& state = state_[size_t(file)];
    uint8_t seen = state.load(std::memory_order_acquire);
    if (seen == Unreadable) return false;
    uint8_t* cached = file < cacheCapacity_ ? cache_.get() + size_t(file) * imageBytes_ : nullptr;
    if (seen == Cached) {
        std::memcpy(dst, cached, imageBytes_);
        return true;
    }
    // One thread at a time decodes a cacheable file into the cache (a
    // substitute for an unreadable file may be wanted by two batches at once).
    bool intoCache = false;
    if (cached) {
        seen = Unknown;
        intoCache = state.compare_exchange_strong(seen, Decoding, std::memory_order_acq_rel);
        if (!intoCache && seen == Cached) {
            std::memcpy(dst, cached, imageBytes_);
            return true;
        }
        if (!intoCache && seen == Unreadable) return false;
    }
    UserText why;
    decodes_.fetch_add(1, std::memory_order_relaxed);
    if (!decodeImageFile(files_[size_t(file)].path, decode_, intoCache ? cached : dst, &why)) {
        uint8_t expected = intoCache ? Decoding : Unknown;
        if (state.compare_exchange_strong(expected, Unreadable, std::memory_order_acq_rel)) {
            std::lock_guard lock(skippedMutex_); // reported once, by the thread that found it
            skipped_.push_back({files_[size_t(file)].path, why});
        }
        return false;
    }
    if (intoCache) {
        std::memcpy(dst, cached, imageBytes_);
        state.store(Cached, std::memory_order_release);
        cached_.fetch_add(1, std::memory_order_relaxed);
    }
    return true;
}

std::vector<SkippedFile> StreamingFolderSource::skipped() const {
    std::lock_guard lock(skippedMutex_);
    return skipped_;
}

} // namespace cs
