// What every layer "sees" for one image (the Inspect page's feature maps and
// `convstudio-cli features`): the image goes through the model in inference
// mode with every activation kept, and each node's output is copied out with
// its per-sample shape and value ranges. A spatial output [H, W, C] is C maps
// of H x W; a flat one ([units], Dense/Flatten) is one strip of values.
//
//   Tensor x = ...;                       // [1, H, W, C], preprocessed
//   std::vector<LayerActivation> maps = featureMaps(model, x);
//   auto grey = featureMapPixels(maps[1], /*channel*/ 5, maps[1].channelMin[5], maps[1].channelMax[5]);
#pragma once

#include "engine/model/model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cs {

struct LayerActivation {
    int node = 0;
    std::string name, className;
    Shape shape;               // per sample: [H, W, C] or [units]
    std::vector<float> values; // that shape, row-major (HWC)
    float min = 0, max = 0;
    std::vector<float> channelMin, channelMax; // per map (one entry for a flat output)

    bool spatial() const { return shape.rank() == 3; }
    int maps() const { return spatial() ? shape[2] : 1; }
    int mapHeight() const { return spatial() ? shape[0] : 1; }
    int mapWidth() const { return spatial() ? shape[1] : int(values.size()); }
};

// Runs `input` (one preprocessed image, [1, ...inputShape]) through the
// model in inference mode (dropout off, BatchNormalization's moving
// statistics) on the calling thread; returns every node, input first.
// The model's kept activations are left for nodeOutput() too.
std::vector<LayerActivation> featureMaps(Model& model, const Tensor& input);

// One map as HxW grey pixels, lo -> black, hi -> white (a flat output is a 1 x units strip).
std::vector<uint8_t> featureMapPixels(const LayerActivation& a, int map, float lo, float hi);

} // namespace cs
