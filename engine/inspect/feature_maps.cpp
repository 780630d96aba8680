#include "engine/inspect/feature_maps.h"

#include "engine/core/errors.h"
#include "engine/inspect/model_input.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cs {

std::vector<LayerActivation> featureMaps(Model& model, const Tensor& input) {
    requireOneImage(model, input, CS_NOOP("cs::Inspect", "feature maps"));
    RunContext ctx;
    ctx.keepActivations = true;
    model.forward(input, ctx);
    const std::vector<Shape> shapes = model.inferShapes();
    std::vector<LayerActivation> out;
    for (int k = 0; k < model.nodeCount(); ++k) {
        const Tensor& t = model.nodeOutput(k);
        LayerActivation a;
        a.node = k;
        a.name = model.layer(k).name();
        a.className = model.layer(k).className();
        a.shape = shapes[size_t(k)];
        a.values.assign(t.data(), t.data() + t.sampleSize());
        const int maps = a.maps();
        a.channelMin.assign(size_t(maps), std::numeric_limits<float>::infinity());
        a.channelMax.assign(size_t(maps), -std::numeric_limits<float>::infinity());
        for (size_t i = 0; i < a.values.size(); ++i) {
            const size_t c = a.spatial() ? i % size_t(maps) : 0;
            a.channelMin[c] = std::min(a.channelMin[c], a.values[i]);
            a.channelMax[c] = std::max(a.channelMax[c], a.values[i]);
        }
        a.min = *std::min_element(a.channelMin.begin(), a.channelMin.end());
        a.max = *std::max_element(a.channelMax.begin(), a.channelMax.end());
        out.push_back(std::move(a));
    }
    return out;
}

std::vector<uint8_t> featureMapPixels(const LayerActivation& a, int map, float lo, float hi) {
    if (map < 0 || map >= a.maps())
        throw ConfigError(CS_TEXT("cs::Inspect", "'%1' has %2 maps, not map %3")
                              .arg(a.name)
                              .arg(std::to_string(a.maps()))
                              .arg(std::to_string(map)));
    const int h = a.mapHeight(), w = a.mapWidth(), step = a.spatial() ? a.maps() : 1;
    std::vector<uint8_t> px(size_t(h) * size_t(w));
    const float scale = hi > lo ? 255.0f / (hi - lo) : 0.0f;
    for (int i = 0; i < h * w; ++i) {
        const float v = a.values[size_t(i) * size_t(step) + size_t(a.spatial() ? map : 0)];
        const float g = std::isfinite(v) ? (v - lo) * scale : 0.0f;
        px[size_t(i)] = uint8_t(std::lround(std::clamp(g, 0.0f, 255.0f)));
    }
    return px;
}

} // namespace cs
