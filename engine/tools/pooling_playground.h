// The pooling playground of the course's "Capa de pooling" lesson: max or
// average pooling of a small matrix or an image, with a window, a stride
// (Keras's default: the window size) and valid/same padding, plus the
// output-size arithmetic. Same padding follows TensorFlow: padded cells are
// ignored (max) or left out of the mean (average), never read as zeros.
//
//   PoolingResult r = pool(parseMatrix("1 3 2 4; 5 6 1 2; 8 9 4 1; 3 7 5 6"), {});
//   // r.output = [[6, 4], [9, 6]]
#pragma once

#include "engine/tools/playground_matrix.h"

#include <opencv2/core.hpp>
#include <string>
#include <vector>

namespace cs {

enum class PoolingKind { Max, Average };
PoolingKind poolingKindFromName(const std::string& name); // "max" / "average" ("avg")

struct PoolingSettings {
    PoolingKind kind = PoolingKind::Max;
    int poolRows = 2, poolCols = 2;
    int strideRows = 0, strideCols = 0;       // 0: the pool size, as Keras
    PaddingMode padding = PaddingMode::Valid; // valid or same
};

struct PoolingResult {
    PlaygroundMatrix output;
    WindowArithmetic rows, cols;
};

// Throws ConfigError for full padding, a window or stride below 1, or a valid
// window larger than the input.
PoolingResult pool(const PlaygroundMatrix& input, const PoolingSettings& settings);

struct ImagePooling {
    std::vector<PlaygroundMatrix> channels;
    WindowArithmetic rows, cols;
};
ImagePooling poolImage(const cv::Mat& image, const PoolingSettings& settings);

} // namespace cs
