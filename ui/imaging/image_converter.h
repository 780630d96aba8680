// The one place where engine pixels become Qt images (DESIGN.md: one small
// converter unit). uint8 HWC images (data sets, augmentation) become QImages
// that own a copy of the pixels; float maps (kernels, feature maps, for the
// Inspect page) become greyscale images scaled from [lo, hi]. QImage is safe
// off the GUI thread, so background jobs call these and hand QImages back.
#pragma once

#include "data/image_set.h"

#include <QImage>
#include <QPixmap>
#include <cstdint>

namespace ui {

// An HWC image with 1 (grey) or 3 (RGB) channels; other channel counts show the first.
QImage imageFromPixels(const uint8_t* pixels, int height, int width, int channels);
QImage imageFromSet(const cs::ImageSet& set, int index);

// A float plane with row stride `stride` (in floats) and `step` between
// neighbouring values (the channel count of an HWC tensor), lo -> black, hi -> white.
QImage imageFromPlane(const float* data, int height, int width, int stride, int step, float lo,
                      float hi);

// Enlarged by the largest whole factor that fits `side` logical pixels (at
// least 1) with nearest-neighbour sampling, so small images stay crisp squares.
QPixmap crispPixmap(const QImage& image, int side, qreal devicePixelRatio);

} // namespace ui
