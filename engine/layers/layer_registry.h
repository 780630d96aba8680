// The runtime registry of layer types: maps a Keras class name ("Conv2D") to
// its metadata and factory, so a model can be built from a file or from the
// editor at run time, and the GUI can list every layer with its attributes.
#pragma once

#include "engine/layers/layer.h"
#include "engine/layers/layer_spec.h"

#include <memory>
#include <string>
#include <vector>

namespace cs {

const std::vector<LayerSpec>& layerSpecs();
// Throws ConfigError naming the unknown class and listing the known ones.
const LayerSpec& layerSpec(const std::string& className);
// The spec of that class, or nullptr when there is no such layer type.
const LayerSpec* findLayerSpec(const std::string& className);

// Checks a Keras-style config against the spec (unknown keys, types, ranges,
// choices), fills in defaults and normalises Keras's shorthand (kernel_size 3
// -> [3, 3], kernel_regularizer {"class_name": "L2", ...} -> its factor).
Json completeConfig(const LayerSpec& spec, const Json& config);

// A new layer of that class from a (possibly partial) config.
std::unique_ptr<Layer> createLayer(const std::string& className, const Json& config);

} // namespace cs
