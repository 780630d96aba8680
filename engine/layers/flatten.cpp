#include "engine/layers/flatten.h"

#include "engine/core/errors.h"
#include "engine/layers/range_copy.h"

#include <cstdint>

namespace cs {

LayerSpec Flatten::spec() {
    LayerSpec s;
    s.className = "Flatten";
    s.category = "core";
    s.namePrefix = "flatten";
    s.description =
        CS_NOOP("cs::LayerSpec",
                "Unrolls feature maps into one vector (height, width, channel order) for Dense.");
    s.create = [](const Json& c) { return std::make_unique<Flatten>(c); };
    return s;
}

Shape Flatten::outputShape(const std::vector<Shape>& inputs) const {
    const int64_t n = inputs.at(0).numel();
    if (n > INT32_MAX)
        throw ShapeError(CS_TEXT("cs::Layer",
                                 "its input %1 has %2 values, more than one layer can hold "
                                 "(2^31 - 1): shrink it first (pooling, strides)")
                             .arg(inputs[0].toString(true))
                             .arg(std::to_string(n))
                             .about(layerLabel()));
    return {int(n)};
}

void Flatten::forwardRange(const std::vector<const Tensor*>& inputs, Tensor& out, const RunContext&, int,
                           ChunkRange r) {
    copyRange(*inputs[0], out, r);
}

void Flatten::backwardRange(const std::vector<const Tensor*>&, const Tensor&, Tensor& dOut,
                            const std::vector<Tensor*>& dInputs, const RunContext&, int, ChunkRange r) {
    if (dInputs[0]) copyRange(dOut, *dInputs[0], r);
}

} // namespace cs
