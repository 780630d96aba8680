// The augmentation preview (the course's `datagen.random_transform` loop): for
// each source image, N random transforms of it with the parameters drawn, and
// the picture of them as a grid: each row the source ("original", with its
// class), then its transforms captioned "r+12 t-3,+5" / "s+0.1 z0.93,1.08 flipH"
// (rotation, shift in pixels, shear, zoom x,y, flips, brightness).
// `convstudio-cli augment preview` writes the picture; the GUI shows the same.
//
//   AugmentationPreview p = makeAugmentationPreview(sample, options, 5, seed);
//   writeImageFile("preview.png", drawAugmentationPreview(p, classNames));
#pragma once

#include "engine/data/augmentation.h"
#include "engine/data/image_set.h"

#include <opencv2/core.hpp>
#include <string>
#include <vector>

namespace cs {

struct AugmentationPreview {
    ImageSet sources;                    // one per row
    ImageSet transformed;                // sources.count() * count images, row after row
    std::vector<TransformParams> params; // of each transformed image
    int count = 0;                       // transforms per source
};

// Transform k of source r uses the parameters of image r * count + k of a
// batch with seed `seed` (Augmenter::draw), so the same seed gives the same
// preview; images are computed in parallel in the caller's arena.
AugmentationPreview makeAugmentationPreview(const ImageSet& sources,
                                            const AugmentationOptions& options, int count,
                                            uint64_t seed);

// The grid picture, 8-bit BGR.
cv::Mat drawAugmentationPreview(const AugmentationPreview& preview,
                                const std::vector<std::string>& classNames);

} // namespace cs
