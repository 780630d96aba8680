#include "engine/layers/input_layer.h"

#include "engine/core/errors.h"
#include "engine/layers/range_copy.h"

namespace cs {

LayerSpec InputLayer::spec() {
    LayerSpec s;
    s.className = "InputLayer";
    s.category = "input";
    s.namePrefix = "input";
    s.description =
        CS_NOOP("cs::LayerSpec", "The image that enters the network: height, width and channels.");
    s.attributes = {{"shape",
                     AttributeType::IntList,
                     Json(std::vector<int>{28, 28, 1}),
                     1,
                     4096,
                     {},
                     CS_NOOP("cs::LayerSpec", "Height, width, channels (1 = grey, 3 = RGB)")}};
    s.minInputs = 0;
    s.maxInputs = 0;
    s.summary = {{"shape"}};
    s.create = [](const Json& c) { return std::make_unique<InputLayer>(c); };
    return s;
}

InputLayer::InputLayer(const Json& c) : Layer("InputLayer", c) {
    shape_ = Shape(json::asIntVector(json::at(c, "shape")));
    if (shape_.rank() != 1 && shape_.rank() != 3)
        throw ShapeError(
            CS_TEXT("cs::Layer", "shape must be (height, width, channels) or (features,), got %1")
                .arg(shape_.toString())
                .about(layerLabel()));
}

Shape InputLayer::outputShape(const std::vector<Shape>&) const { return shape_; }

void InputLayer::forwardRange(const std::vector<const Tensor*>& inputs, Tensor& out, const RunContext&, int,
                              ChunkRange r) {
    copyRange(*inputs[0], out, r);
}

void InputLayer::backwardRange(const std::vector<const Tensor*>&, const Tensor&, Tensor&, const std::vector<Tensor*>&,
                               const RunContext&, int, ChunkRange) {}

} // namespace cs
