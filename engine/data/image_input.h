// Turns image files of any size and format OpenCV reads into the model's
// input geometry (height, width, 1 = grey or 3 = RGB), as uint8 images that
// the model's Preprocessing then converts exactly as in training.
#pragma once

#include "engine/data/image_set.h"

#include <opencv2/core.hpp>

#include <string>
#include <vector>

namespace cs {

// Throws DataError naming the file when it cannot be read as an image.
void appendImageFile(const std::string& path, int height, int width, int channels, ImageSet& out);

// An 8-bit image already in memory (grey, BGR or BGRA, as OpenCV holds it; a
// pasted picture): converted, resized and appended as appendImageFile does.
void appendImage(const cv::Mat& image, int height, int width, int channels, ImageSet& out);
// One ImageSet of all the files (labels 0).
ImageSet loadImagesForModel(const std::vector<std::string>& paths, int height, int width, int channels);

} // namespace cs
