// The convolution playground of the course's "El kernel en acción" and
// "Padding y Strides" lessons: apply a kernel to a small matrix or to an
// image, with valid/same/full padding and a stride, and say which operation
// it is:
//  - cross-correlation, what a CNN's Conv2D computes (the kernel is laid on
//    the input as it is);
//  - convolution in the mathematical sense, scipy.signal.convolve2d (the kernel
//    is turned by 180 degrees first), which the lesson's Python uses.
// For symmetric kernels both agree; for edge kernels they differ in sign.
//
//   ConvolutionResult r = convolve(parseMatrix("1 2 3 0 1; ..."), presetKernel("vertical_edge"),
//   {}); std::puts(formatMatrix(r.output).c_str());  std::puts(r.rows.formula.c_str());
#pragma once

#include "engine/tools/playground_matrix.h"

#include <opencv2/core.hpp>
#include <string>
#include <vector>

namespace cs {

enum class ConvolutionMode { CrossCorrelation, Convolution };
ConvolutionMode convolutionModeFromName(const std::string& name); // "correlation" / "convolution"
std::string convolutionModeDescription(ConvolutionMode mode);     // one sentence for the output

struct KernelPreset {
    std::string name;        // "vertical_edge"
    std::string description; // "responds to vertical edges (the course's example)"
    PlaygroundMatrix kernel;
};
const std::vector<KernelPreset>& kernelPresets();
// A preset's kernel, or the text parsed as a matrix; ConfigError listing the presets otherwise.
PlaygroundMatrix kernelFromText(const std::string& nameOrMatrix);

struct ConvolutionSettings {
    PaddingMode padding = PaddingMode::Valid;
    int strideRows = 1, strideCols = 1;
    ConvolutionMode mode = ConvolutionMode::CrossCorrelation;
};

struct ConvolutionResult {
    PlaygroundMatrix output;
    WindowArithmetic rows, cols; // output-size arithmetic along each axis
};

// Zero padding. Throws ConfigError for an empty kernel, a stride below 1 or
// a valid window larger than the input.
ConvolutionResult convolve(const PlaygroundMatrix& input, const PlaygroundMatrix& kernel,
                           const ConvolutionSettings& settings);

// Each channel of an 8-bit image on its own (as a depthwise filter), in parallel over rows.
struct ImageConvolution {
    std::vector<PlaygroundMatrix> channels;
    WindowArithmetic rows, cols;
};
ImageConvolution convolveImage(const cv::Mat& image, const PlaygroundMatrix& kernel,
                               const ConvolutionSettings& settings);

} // namespace cs
