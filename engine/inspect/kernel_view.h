// Looking at what a Conv2D layer learned (the Inspect page's kernel view and
// `convstudio-cli kernels`): every filter as small images, one per input
// channel — or one RGB image when the layer reads a colour image —, coloured
// on a scale a person can compare, and a histogram of the layer's weights.
//
// Colours: per input channel a diverging scale (blue negative, white zero,
// red positive) symmetric around zero, so a vertical-edge detector reads as a
// blue column beside a red one; for RGB filters grey means zero and each
// channel brightens or darkens with its weight. The scale is the whole
// layer's largest |w| by default (filters comparable), or each filter's own.
//
//   ConvKernels k = convKernels(model, convolutionNodes(model)[0]);
//   auto pixels = kernelChannelPixels(k, /*filter*/ 0, /*channel*/ 0, k.maxAbs);
#pragma once

#include "engine/model/model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cs {

struct ConvKernels {
    int node = -1;
    std::string layer; // the layer's name ("conv2d")
    int filters = 0, height = 0, width = 0, channels = 0;
    std::vector<float> values; // Keras layout [height][width][channels][filters]
    std::vector<float> bias;   // empty without use_bias
    float minValue = 0, maxValue = 0, maxAbs = 0;

    float at(int filter, int channel, int y, int x) const {
        return values[((size_t(y) * size_t(width) + size_t(x)) * size_t(channels) + size_t(channel)) *
                          size_t(filters) + size_t(filter)];
    }
    float filterMaxAbs(int filter) const; // the scale of "each filter its own"
};

// The model's Conv2D nodes, in order.
std::vector<int> convolutionNodes(const Model& model);
// A copy of a built Conv2D node's kernel; ConfigError for another layer type.
ConvKernels convKernels(const Model& model, int node);

struct Rgb8 {
    uint8_t r = 0, g = 0, b = 0;
};
// t in [-1, 1] (clamped): -1 blue, 0 white, +1 red.
Rgb8 divergingColour(float t);

// One filter's weights for one input channel, height x width RGB pixels (HWC),
// on the diverging scale [-scale, scale].
std::vector<uint8_t> kernelChannelPixels(const ConvKernels& k, int filter, int channel, float scale);
// A 3-channel filter as one colour image: 128 + 127 * w / scale per channel.
std::vector<uint8_t> kernelRgbPixels(const ConvKernels& k, int filter, float scale);

struct Histogram {
    double lo = 0, hi = 0;   // range of the bins
    std::vector<int> counts; // equal-width bins over [lo, hi]
    int64_t total = 0;
    double mean = 0, stddev = 0;
    double binWidth() const { return counts.empty() ? 0.0 : (hi - lo) / double(counts.size()); }
};
// bins >= 1; an empty input gives empty counts.
Histogram histogramOf(const std::vector<float>& values, int bins);

} // namespace cs
