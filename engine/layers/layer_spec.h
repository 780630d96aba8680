// Layer metadata: what a layer type is called, what it does, and its attributes
// with types, defaults and ranges.
//
// The same table validates configs read from files (unknown keys, values out
// of range) and, later, generates the GUI's palette and property editors, so
// a new layer needs no UI code.
#pragma once

#include "engine/core/setting_spec.h"
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

// One part of the short text the editor shows on a layer's block, "64 filters
// · 3×3 · same · relu": the value of one config key (whole numbers as they
// are, other numbers to 4 digits, pairs as 3×3, lists as 28×28×1, names as
// they are), inside a label or alone.
//
// The labels are engine text marked CS_NOOP("cs::LayerSpec", ...), translated
// by the UI (ui::specText), rather than translatable labels per key owned by
// the UI: the layer then describes its whole block text itself, so a new
// layer (or a new key) needs no UI code, and lupdate still finds every label.
struct SummaryPart {
    std::string key{};
    std::string label{}; // "%1 filters": the value goes where %1 is; empty: the value alone
    // The part is left out when the value is null (Keras's None), equals
    // hiddenValue (activation "linear", strides [1, 1]), or equals the value of
    // the key hiddenWhenSameAs (pooling strides = pool_size).
    Json hiddenValue{};
    std::string hiddenWhenSameAs{};
};

struct LayerSpec {
    std::string className; // Keras class name: "Conv2D"
    std::string category;  // convolution, pooling, core, regularisation, normalisation, activation, merge, input
    std::string description;
    std::string namePrefix; // Keras auto-name prefix: "conv2d"
    std::vector<AttributeSpec> attributes;
    int minInputs = 1;
    int maxInputs = 1;
    // The editor's look: the block's summary parts and the icon
    // (resources/icons/layers/<iconKey>.svg; layerSpecs() sets the category
    // when a layer names none). A merge layer's block shows its input count.
    std::vector<SummaryPart> summary;
    std::string iconKey;
    // The graph's source: no inputs (InputLayer). The editor neither deletes nor moves it.
    bool isInput() const { return maxInputs == 0; }
    bool isMerge() const { return maxInputs > 1; }
    // Builds the layer from a config already validated and completed with defaults.
    std::function<std::unique_ptr<Layer>(const Json& config)> create;
};

} // namespace cs
