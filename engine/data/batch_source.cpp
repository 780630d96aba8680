#include "data/batch_source.h"

#include "core/random.h"

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
    : set_(set), transform_(std::move(transform)) {
    order_ = epochOrder(set_.count(), 0, 0, false);
}

void ImageSetSource::beginEpoch(int epoch, uint64_t seed, bool shuffle) {
    order_ = epochOrder(set_.count(), epoch, seed, shuffle);
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
        const int src = order_[size_t(first + i)];
        std::memcpy(out.pixels.data() + int64_t(i) * size, set_.image(src), size_t(size));
        out.labels[size_t(i)] = set_.labels[size_t(src)];
    }
    if (transform_) transform_(out, splitmix64(epochSeed_ ^ uint64_t(first)));
}

int ImageSetSource::maxLabel() const {
    return set_.labels.empty() ? -1 : *std::max_element(set_.labels.begin(), set_.labels.end());
}

} // namespace cs
