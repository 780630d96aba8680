#include "engine/data/image_set.h"

#include "engine/core/errors.h"

#include <algorithm>

namespace cs {

ImageSet ImageSet::slice(int begin, int end) const {
    if (begin < 0 || end > count() || begin > end)
        throw DataError(
            CS_TEXT("cs::Datasets", "image range [%1, %2) is outside a set of %3 images")
                .arg(std::to_string(begin))
                .arg(std::to_string(end))
                .arg(std::to_string(count())));
    ImageSet out;
    out.height = height;
    out.width = width;
    out.channels = channels;
    out.labels.assign(labels.begin() + begin, labels.begin() + end);
    out.pixels.assign(pixels.begin() + int64_t(begin) * imageSize(),
                      pixels.begin() + int64_t(end) * imageSize());
    return out;
}

} // namespace cs
