// The small matrices of the course's kernel and pooling lessons, and the
// output-size arithmetic of a sliding window.
//
// PlaygroundMatrix is a row-major grid of doubles that reads from text the way
// a person types it ("1 2 3; 4 5 6", one row a line, or numpy's
// "[[1, 2, 3], [4, 5, 6]]") and prints aligned. windowArithmetic() explains
// how a window of size k with stride s and valid/same/full padding turns n
// inputs into out outputs, with the numbers filled in (what the lessons
// "Padding y Strides" and "Capa de pooling" compute by hand). Images become
// one matrix per channel, and results become images again for saving.
#pragma once

#include "engine/core/user_text.h"

#include <opencv2/core.hpp>

#include <string>
#include <vector>

namespace cs {

struct PlaygroundMatrix {
    int rows = 0, cols = 0;
    std::vector<double> values; // row-major

    PlaygroundMatrix() = default;
    PlaygroundMatrix(int r, int c, double fill = 0)
        : rows(r), cols(c), values(size_t(r) * size_t(c), fill) {}
    double& at(int r, int c) { return values[size_t(r) * size_t(cols) + size_t(c)]; }
    double at(int r, int c) const { return values[size_t(r) * size_t(cols) + size_t(c)]; }
    bool operator==(const PlaygroundMatrix&) const = default;
};

// Throws ConfigError ("row 2 has 3 numbers, row 1 has 5") for ragged or empty text.
PlaygroundMatrix parseMatrix(const std::string& text);
// Rows on lines, columns aligned; integers without decimals.
std::string formatMatrix(const PlaygroundMatrix& m, int decimals = 2);

// The channels of an 8-bit image (grey: one, colour: three, in the Mat's own
// order) as matrices of 0-255 values, and back.
std::vector<PlaygroundMatrix> imageChannels(const cv::Mat& image);
// How values outside 0-255 become pixels: clip them, take |v| then clip (edge
// kernels give negative values), or stretch the range min..max to 0..255.
enum class DisplayScale { Clip, Absolute, Normalize };
DisplayScale displayScaleFromName(const std::string& name); // "clip", "abs", "normalize"
cv::Mat channelsToImage(const std::vector<PlaygroundMatrix>& channels, DisplayScale scale);

// valid: no padding; same: Keras's padding (out = ceil(n / s), the odd extra
// row/column after); full: k-1 zeros on each side (scipy's default mode).
enum class PaddingMode { Valid, Same, Full };
PaddingMode paddingModeFromName(const std::string& name); // ConfigError
std::string paddingModeName(PaddingMode mode);

struct WindowArithmetic {
    int in = 0, kernel = 0, stride = 1;
    int padBefore = 0, padAfter = 0;
    int out = 0;
    UserText formula; // "floor((5 + 0 - 3) / 2) + 1 = 2" (english()), translatable
};

// Throws ConfigError when kernel or stride is below 1, or when a valid window
// does not fit (kernel larger than the input).
WindowArithmetic windowArithmetic(int in, int kernel, int stride, PaddingMode padding);

} // namespace cs
