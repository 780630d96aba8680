#include "engine/layers/activation_layer.h"

#include "engine/core/user_text.h"

#include "engine/layers/range_copy.h"

namespace cs {

LayerSpec ActivationLayer::spec() {
    LayerSpec s;
    s.className = "Activation";
    s.category = "activation";
    s.namePrefix = "activation";
    s.description =
        CS_NOOP("cs::LayerSpec",
                "Applies a function to every value: relu, sigmoid, tanh, softmax or linear.");
    s.attributes = {{"activation", AttributeType::Choice, "relu", 0, 0, activationNames(),
                     CS_NOOP("cs::LayerSpec", "The function")}};
    s.summary = {{"activation"}};
    s.create = [](const Json& c) { return std::make_unique<ActivationLayer>(c); };
    return s;
}

ActivationLayer::ActivationLayer(const Json& c)
    : Layer("Activation", c),
      activation_(activationFromName(json::asString(json::at(c, "activation")))) {}

Shape ActivationLayer::outputShape(const std::vector<Shape>& inputs) const { return inputs.at(0); }

void ActivationLayer::forwardRange(const std::vector<const Tensor*>& inputs, Tensor& out, const RunContext&, int,
                                   ChunkRange r) {
    copyRange(*inputs[0], out, r);
    const Shape& s = out.shape();
    const int cols = s[s.rank() - 1];
    applyActivation(activation_, out.sample(r.begin), long(out.sampleSize() / cols) * r.size(), cols);
}

void ActivationLayer::backwardRange(const std::vector<const Tensor*>&, const Tensor& out, Tensor& dOut,
                                    const std::vector<Tensor*>& dInputs, const RunContext& ctx, int, ChunkRange r) {
    if (!dInputs[0]) return;
    const Shape& s = out.shape();
    const int cols = s[s.rank() - 1];
    if (!ctx.lossGradientIsPreActivation)
        activationBackward(activation_, out.sample(r.begin), dOut.sample(r.begin),
                           long(out.sampleSize() / cols) * r.size(), cols);
    copyRange(dOut, *dInputs[0], r);
}

} // namespace cs
