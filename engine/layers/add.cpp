#include "engine/layers/add.h"

#include "engine/core/errors.h"

#include <cstring>

namespace cs {

LayerSpec Add::spec() {
    LayerSpec s;
    s.className = "Add";
    s.category = "merge";
    s.namePrefix = "add";
    s.description =
        CS_NOOP("cs::LayerSpec", "Adds two or more inputs of the same shape (a skip connection).");
    s.minInputs = 2;
    s.maxInputs = 16;
    s.create = [](const Json& c) { return std::make_unique<Add>(c); };
    return s;
}

Shape Add::outputShape(const std::vector<Shape>& inputs) const {
    if (inputs.size() < 2)
        throw ShapeError(
            CS_TEXT("cs::Layer", "needs at least two inputs: connect another layer to it")
                .about(layerLabel()));
    for (const Shape& s : inputs)
        if (!(s == inputs[0]))
            throw ShapeError(CS_TEXT("cs::Layer", "inputs must have the same shape, got %1 and %2")
                                 .arg(inputs[0].toString(true))
                                 .arg(s.toString(true))
                                 .about(layerLabel()));
    return inputs[0];
}

void Add::forwardRange(const std::vector<const Tensor*>& inputs, Tensor& out, const RunContext&, int, ChunkRange r) {
    const long begin = r.begin * long(out.sampleSize()), end = r.end * long(out.sampleSize());
    float* o = out.data();
    const float* first = inputs[0]->data();
    for (long i = begin; i < end; ++i) o[i] = first[i];
    for (size_t k = 1; k < inputs.size(); ++k) {
        const float* x = inputs[k]->data();
        for (long i = begin; i < end; ++i) o[i] += x[i];
    }
}

void Add::backwardRange(const std::vector<const Tensor*>&, const Tensor& out, Tensor& dOut,
                        const std::vector<Tensor*>& dInputs, const RunContext&, int, ChunkRange r) {
    const size_t bytes = sizeof(float) * size_t(out.sampleSize()) * size_t(r.size());
    for (Tensor* d : dInputs)
        if (d) std::memcpy(d->sample(r.begin), dOut.sample(r.begin), bytes);
}

} // namespace cs
