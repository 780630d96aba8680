#include "engine/layers/concatenate.h"

#include "engine/core/errors.h"

#include <cstring>

namespace cs {

LayerSpec Concatenate::spec() {
    LayerSpec s;
    s.className = "Concatenate";
    s.category = "merge";
    s.namePrefix = "concatenate";
    s.description = CS_NOOP("cs::LayerSpec", "Stacks two or more inputs along the channel axis.");
    s.minInputs = 2;
    s.maxInputs = 16;
    s.create = [](const Json& c) { return std::make_unique<Concatenate>(c); };
    return s;
}

Shape Concatenate::outputShape(const std::vector<Shape>& inputs) const {
    if (inputs.size() < 2)
        throw ShapeError(
            CS_TEXT("cs::Layer", "needs at least two inputs: connect another layer to it")
                .about(layerLabel()));
    std::vector<int> dims = inputs[0].dims();
    const int last = int(dims.size()) - 1;
    for (size_t k = 1; k < inputs.size(); ++k) {
        const Shape& s = inputs[k];
        bool ok = s.rank() == int(dims.size());
        for (int d = 0; ok && d < last; ++d) ok = s[d] == dims[size_t(d)];
        if (!ok)
            throw ShapeError(
                CS_TEXT("cs::Layer", "inputs must match in all but the last axis, got %1 and %2")
                    .arg(inputs[0].toString(true))
                    .arg(s.toString(true))
                    .about(layerLabel()));
        dims[size_t(last)] += s[last];
    }
    return Shape(dims);
}

void Concatenate::forwardRange(const std::vector<const Tensor*>& inputs, Tensor& out, const RunContext&, int,
                               ChunkRange r) {
    const int outC = out.shape()[out.shape().rank() - 1];
    const long rowsPerSample = long(out.sampleSize() / outC);
    int offset = 0;
    for (const Tensor* t : inputs) {
        const int c = t->shape()[t->shape().rank() - 1];
        for (long row = r.begin * rowsPerSample; row < r.end * rowsPerSample; ++row)
            std::memcpy(out.data() + row * outC + offset, t->data() + row * c, sizeof(float) * size_t(c));
        offset += c;
    }
}

void Concatenate::backwardRange(const std::vector<const Tensor*>& inputs, const Tensor& out, Tensor& dOut,
                                const std::vector<Tensor*>& dInputs, const RunContext&, int, ChunkRange r) {
    const int outC = out.shape()[out.shape().rank() - 1];
    const long rowsPerSample = long(out.sampleSize() / outC);
    int offset = 0;
    for (size_t k = 0; k < inputs.size(); ++k) {
        const int c = inputs[k]->shape()[inputs[k]->shape().rank() - 1];
        if (Tensor* d = dInputs[k])
            for (long row = r.begin * rowsPerSample; row < r.end * rowsPerSample; ++row)
                std::memcpy(d->data() + row * c, dOut.data() + row * outC + offset, sizeof(float) * size_t(c));
        offset += c;
    }
}

} // namespace cs
