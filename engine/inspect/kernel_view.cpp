#include "engine/inspect/kernel_view.h"

#include "engine/core/errors.h"

#include <algorithm>
#include <cmath>

namespace cs {

float ConvKernels::filterMaxAbs(int filter) const {
    float m = 0.0f;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < channels; ++c) m = std::max(m, std::fabs(at(filter, c, y, x)));
    return m;
}

std::vector<int> convolutionNodes(const Model& model) {
    std::vector<int> nodes;
    for (int k = 0; k < model.nodeCount(); ++k)
        if (model.layer(k).className() == "Conv2D") nodes.push_back(k);
    return nodes;
}

ConvKernels convKernels(const Model& model, int node) {
    if (node < 0 || node >= model.nodeCount())
        throw ConfigError(CS_TEXT("cs::Inspect", "no layer number %1").arg(std::to_string(node)));
    const Layer& layer = model.layer(node);
    if (layer.className() != "Conv2D")
        throw ConfigError(
            CS_TEXT("cs::Inspect", "'%1' is a %2, not a Conv2D layer: it has no kernels")
                .arg(layer.name())
                .arg(layer.className()));
    if (!model.isBuilt() || layer.params().empty())
        throw ConfigError(
            CS_TEXT("cs::Inspect", "'%1' has no weights yet: build or train the model first")
                .arg(layer.name()));
    const Param& kernel = layer.params()[0];
    const Shape& s = kernel.value.shape();
    ConvKernels k;
    k.node = node;
    k.layer = layer.name();
    k.height = s[0];
    k.width = s[1];
    k.channels = s[2];
    k.filters = s[3];
    k.values.assign(kernel.value.data(), kernel.value.data() + kernel.value.size());
    if (layer.params().size() > 1) {
        const Tensor& b = layer.params()[1].value;
        k.bias.assign(b.data(), b.data() + b.size());
    }
    if (!k.values.empty()) {
        const auto [lo, hi] = std::minmax_element(k.values.begin(), k.values.end());
        k.minValue = *lo;
        k.maxValue = *hi;
        k.maxAbs = std::max(std::fabs(*lo), std::fabs(*hi));
    }
    return k;
}

Rgb8 divergingColour(float t) {
    t = std::clamp(std::isfinite(t) ? t : 0.0f, -1.0f, 1.0f);
    // White at zero, towards a saturated red (178, 24, 43) or blue (33, 102, 172).
    const float a = std::fabs(t);
    const float r = t >= 0 ? 178.0f : 33.0f, g = t >= 0 ? 24.0f : 102.0f, b = t >= 0 ? 43.0f : 172.0f;
    auto mix = [a](float c) { return uint8_t(std::lround(255.0f + (c - 255.0f) * a)); };
    return {mix(r), mix(g), mix(b)};
}

std::vector<uint8_t> kernelChannelPixels(const ConvKernels& k, int filter, int channel, float scale) {
    std::vector<uint8_t> px(size_t(k.height) * size_t(k.width) * 3);
    const float inv = scale > 0 ? 1.0f / scale : 0.0f;
    for (int y = 0; y < k.height; ++y)
        for (int x = 0; x < k.width; ++x) {
            const Rgb8 c = divergingColour(k.at(filter, channel, y, x) * inv);
            uint8_t* p = &px[(size_t(y) * size_t(k.width) + size_t(x)) * 3];
            p[0] = c.r;
            p[1] = c.g;
            p[2] = c.b;
        }
    return px;
}

std::vector<uint8_t> kernelRgbPixels(const ConvKernels& k, int filter, float scale) {
    if (k.channels != 3)
        throw ConfigError(
            CS_TEXT("cs::Inspect",
                    "'%1' reads %2 channels: only a 3-channel layer's filters are colour images")
                .arg(k.layer)
                .arg(std::to_string(k.channels)));
    std::vector<uint8_t> px(size_t(k.height) * size_t(k.width) * 3);
    const float inv = scale > 0 ? 1.0f / scale : 0.0f;
    for (int y = 0; y < k.height; ++y)
        for (int x = 0; x < k.width; ++x)
            for (int c = 0; c < 3; ++c) {
                const float v = std::clamp(k.at(filter, c, y, x) * inv, -1.0f, 1.0f);
                px[(size_t(y) * size_t(k.width) + size_t(x)) * 3 + size_t(c)] = uint8_t(std::lround(128.0f + 127.0f * v));
            }
    return px;
}

Histogram histogramOf(const std::vector<float>& values, int bins) {
    Histogram h;
    if (values.empty() || bins < 1) return h;
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    h.lo = *lo;
    h.hi = *hi > *lo ? double(*hi) : double(*lo) + 1e-6; // one value: a single narrow bin range
    h.counts.assign(size_t(bins), 0);
    h.total = int64_t(values.size());
    double sum = 0, sumSq = 0;
    const double scale = double(bins) / (h.hi - h.lo);
    for (float v : values) {
        const int b = std::min(bins - 1, int((double(v) - h.lo) * scale));
        ++h.counts[size_t(std::max(b, 0))];
        sum += v;
        sumSq += double(v) * v;
    }
    h.mean = sum / double(h.total);
    h.stddev = std::sqrt(std::max(0.0, sumSq / double(h.total) - h.mean * h.mean));
    return h;
}

} // namespace cs
