#include "engine/data/augmentation_preview.h"

#include "engine/core/errors.h"
#include "engine/core/parallel.h"
#include "engine/data/image_grid.h"

namespace cs {

AugmentationPreview makeAugmentationPreview(const ImageSet& sources,
                                            const AugmentationOptions& options, int count,
                                            uint64_t seed) {
    if (count < 1)
        throw ConfigError(
            CS_TEXT("cs::Datasets", "the preview needs at least one transform per image"));
    if (sources.count() == 0)
        throw DataError(CS_TEXT("cs::Datasets", "no source images to preview"));
    const Augmenter augmenter(options);
    AugmentationPreview p;
    p.sources = sources;
    p.count = count;
    const int total = sources.count() * count;
    p.transformed.height = sources.height;
    p.transformed.width = sources.width;
    p.transformed.channels = sources.channels;
    p.transformed.pixels.resize(size_t(total) * size_t(sources.imageSize()));
    p.transformed.labels.resize(size_t(total));
    p.params.resize(size_t(total));
    parallelFor(total, 1, [&](long begin, long end) {
        for (long i = begin; i < end; ++i) {
            const int row = int(i) / count;
            p.params[size_t(i)] = augmenter.draw(seed, uint64_t(i), sources.height, sources.width);
            augmenter.apply(p.params[size_t(i)], sources.image(row), sources.height, sources.width,
                            sources.channels, p.transformed.image(int(i)));
            p.transformed.labels[size_t(i)] = sources.labels[size_t(row)];
        }
    });
    return p;
}

cv::Mat drawAugmentationPreview(const AugmentationPreview& p,
                                const std::vector<std::string>& classNames) {
    std::vector<GridCell> cells;
    const ImageSet& s = p.sources;
    for (int r = 0; r < s.count(); ++r) {
        const int label = s.labels[size_t(r)];
        const std::string name = label >= 0 && label < int(classNames.size())
                                     ? classNames[size_t(label)]
                                     : std::to_string(label);
        cells.push_back({s.image(r), s.height, s.width, s.channels, name, "original"});
        for (int k = 0; k < p.count; ++k) {
            const int i = r * p.count + k;
            // The parameters on two lines: rotation and shift, then the rest.
            const std::string text = p.params[size_t(i)].describe();
            size_t cut = text.find(' ', text.find(' ') + 1);
            if (cut == std::string::npos) cut = text.size();
            cells.push_back({p.transformed.image(i), s.height, s.width, s.channels,
                             text.substr(0, cut),
                             cut < text.size() ? text.substr(cut + 1) : std::string()});
        }
    }
    GridStyle style;
    style.columns = p.count + 1;
    return drawImageGrid(cells, style);
}

} // namespace cs
