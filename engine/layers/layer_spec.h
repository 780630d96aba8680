// Layer metadata: what a layer type is called, what it does, and its attributes
// with types, defaults and ranges.
//
// The same table validates configs read from files (unknown keys, values out
// of range) and, later, generates the GUI's palette and property editors, so
// a new layer needs no UI code.
#pragma once

#include "engine/io/json.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace cs {

class Layer;

enum class AttributeType {
    Int,     // a whole number in [min, max]
    Float,   // a real number in [min, max]
    Bool,
    Choice,  // one of `choices` (padding, activation)
    IntPair, // Keras accepts 3 or (3, 3): stored normalised as [3, 3]
    IntList, // a shape such as [28, 28, 1]
};

struct AttributeSpec {
    std::string key;
    AttributeType type = AttributeType::Int;
    Json defaultValue; // null = "None" in Keras (e.g. strides of pooling)
    double min = 0;
    double max = 0;
    std::vector<std::string> choices;
    std::string help;
};

struct LayerSpec {
    std::string className; // Keras class name: "Conv2D"
    std::string category;  // convolution, pooling, core, regularisation, normalisation, activation, merge, input
    std::string description;
    std::string namePrefix; // Keras auto-name prefix: "conv2d"
    std::vector<AttributeSpec> attributes;
    int minInputs = 1;
    int maxInputs = 1;
    // Builds the layer from a config already validated and completed with defaults.
    std::function<std::unique_ptr<Layer>(const Json& config)> create;
};

} // namespace cs
