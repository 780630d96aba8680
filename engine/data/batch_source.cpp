#include "engine/data/batch_source.h"

#include "engine/core/errors.h"
#include "engine/core/random.h"

#include <algorithm>
#include <cstring>
#include <numeric>

namespace cs {

std::vector<int> epochOrder(int n, int epoch, uint64_t seed, bool shuffle) {
    std::vector<int> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    if (shuffle) {
        Rng rng(splitmix64(seed) ^ splitmix64(uint64_t(epoch) + 1));
        rng.shuffle(order);
    }
    return order;
}

ImageSetSource::ImageSetSource(const ImageSet& set, BatchTransform transform)
    : ImageSetSource(set, 0, set.count(), std::move(transform)) {}

ImageSetSource::ImageSetSource(const ImageSet& set, int first, int count, BatchTransform transform)
    : set_(set), first_(first), count_(count), transform_(std::move(transform)) {
    if (first < 0 || count < 0 || first + count > set.count())
        throw DataError(CS_TEXT("cs::Datasets", "images [%1, %2) are outside a set of %3")
                            .arg(std::to_string(first))
                            .arg(std::to_string(first + count))
                            .arg(std::to_string(set.count())));
    order_ = epochOrder(count_, 0, 0, false);
}

void ImageSetSource::beginEpoch(int epoch, uint64_t seed, bool shuffle) {
    order_ = epochOrder(count_, epoch, seed, shuffle);
    epochSeed_ = splitmix64(seed ^ (uint64_t(epoch) << 32));
}

void ImageSetSource::read(int first, int n, ImageSet& out) {
    out.height = set_.height;
    out.width = set_.width;
    out.channels = set_.channels;
    const int64_t size = set_.imageSize();
    out.pixels.resize(size_t(n) * size_t(size));
    out.labels.resize(size_t(n));
    for (int i = 0; i < n; ++i) {
        const int src = first_ + order_[size_t(first + i)];
        std::memcpy(out.pixels.data() + int64_t(i) * size, set_.image(src), size_t(size));
        out.labels[size_t(i)] = set_.labels[size_t(src)];
    }
    if (transform_) transform_(out, splitmix64(epochSeed_ ^ uint64_t(first)));
}

int ImageSetSource::maxLabel() const {
    if (count_ == 0) return -1;
    return *std::max_element(set_.labels.begin() + first_, set_.labels.begin() + first_ + count_);
}

} // namespace cs
