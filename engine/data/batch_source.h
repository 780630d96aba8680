// BatchSource: where the trainer gets its images, one batch at a time, as
// uint8 ImageSets (preprocessing to float happens in the trainer).
//
// ImageSetSource serves an in-memory set (shuffled per epoch with the seed)
// and can apply an augmentation to each batch. Other sources (a folder too
// large for memory, decoded ahead in a bounded pipeline) implement the same
// interface, so the trainer never knows where pixels come from.
#pragma once

#include "engine/data/image_set.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace cs {

class BatchSource {
public:
    virtual ~BatchSource() = default;
    virtual int size() const = 0; // images in one pass
    virtual int height() const = 0;
    virtual int width() const = 0;
    virtual int channels() const = 0;
    // Starts pass `epoch`: the order is shuffled from (seed, epoch) when asked.
    virtual void beginEpoch(int epoch, uint64_t seed, bool shuffle) = 0;
    // Images [first, first + n) of the current pass, into `out` (replaced).
    virtual void read(int first, int n, ImageSet& out) = 0;
    // Labels must be below this (checked before training).
    virtual int maxLabel() const = 0;
};

// Changes a batch in place (augmentation); seed differs per batch and epoch.
using BatchTransform = std::function<void(ImageSet& batch, uint64_t seed)>;

class ImageSetSource : public BatchSource {
public:
    explicit ImageSetSource(const ImageSet& set, BatchTransform transform = {});
    // Only images [first, first + count) of the set: a validation split without a copy.
    ImageSetSource(const ImageSet& set, int first, int count, BatchTransform transform = {});
    int size() const override { return count_; }
    int height() const override { return set_.height; }
    int width() const override { return set_.width; }
    int channels() const override { return set_.channels; }
    void beginEpoch(int epoch, uint64_t seed, bool shuffle) override;
    void read(int first, int n, ImageSet& out) override;
    int maxLabel() const override;

private:
    const ImageSet& set_;
    int first_ = 0, count_ = 0;
    BatchTransform transform_;
    std::vector<int> order_;
    uint64_t epochSeed_ = 0;
};

// The order of pass `epoch`: 0..n-1, shuffled from (seed, epoch) when asked.
std::vector<int> epochOrder(int n, int epoch, uint64_t seed, bool shuffle);

} // namespace cs
