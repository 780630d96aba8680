// Labelled image grids, drawn with OpenCV (no Qt): the course's "first 9
// images" figure (`dataset show`) and the augmentation preview (`augment
// preview`: each row a source image, then random transforms of it).
//
// Small images are enlarged by a whole factor with nearest-neighbour
// interpolation, so MNIST's pixels stay crisp squares as matplotlib shows them;
// each cell gets its label under it. Pictures are saved atomically.
//
//   std::vector<GridCell> cells = gridCells(set, 9, classNames);
//   writeImageFile("grid.png", drawImageGrid(cells, 3));
#pragma once

#include "engine/data/image_set.h"

#include <opencv2/core.hpp>
#include <string>
#include <vector>

namespace cs {

struct GridCell {
    const uint8_t* pixels = nullptr; // HWC, RGB or grey
    int height = 0, width = 0, channels = 0;
    std::string label;   // first line under the image (class name)
    std::string caption; // optional second, smaller line (transform parameters)
};

struct GridStyle {
    int columns = 3;
    int minCellSide = 96; // images smaller than this are enlarged by a whole factor
    int margin = 8;
};

// The first `count` images of the set, labelled with their class names.
std::vector<GridCell> gridCells(const ImageSet& set, int count,
                                const std::vector<std::string>& classNames);

// The picture, 8-bit BGR (OpenCV's order), white background.
cv::Mat drawImageGrid(const std::vector<GridCell>& cells, const GridStyle& style = {});

// An HWC RGB or grey uint8 image as an 8-bit BGR Mat (copies).
cv::Mat toBgr(const uint8_t* pixels, int height, int width, int channels);

// Encodes by extension (.png, .jpg, .bmp, .tif ...) and writes atomically.
// Throws ConfigError for an unknown extension, IoError when it cannot be written.
void writeImageFile(const std::string& path, const cv::Mat& image);

} // namespace cs
