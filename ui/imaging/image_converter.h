// The one place where engine pixels become Qt images (DESIGN.md: one small
// converter unit). uint8 HWC images (data sets, augmentation) become QImages
// that own a copy of the pixels; float maps (kernels, feature maps, for the
// Inspect page) become greyscale images scaled from [lo, hi]. QImage is safe
// off the GUI thread, so background jobs call these and hand QImages back.
#pragma once

#include "engine/data/image_set.h"

#include <QImage>
#include <QPixmap>
#include <cstdint>
#include <opencv2/core.hpp>

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

// OpenCV images (as the engine reads and draws them: 8-bit grey, BGR or BGRA)
// to a QImage that owns a copy (grey, RGB888 or ARGB32); other depths give a null image.
QImage imageFromMat(const cv::Mat& image);
// A QImage (a pasted picture, any format) as an 8-bit BGR or, with alpha, BGRA
// Mat that owns its pixels: what the engine's image input takes.
cv::Mat matFromImage(const QImage& image);

} // namespace ui
