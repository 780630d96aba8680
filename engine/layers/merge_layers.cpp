#include "layers/merge_layers.h"

#include "core/errors.h"

#include <cstring>

namespace cs {

LayerSpec Add::spec() {
    LayerSpec s;
    s.className = "Add";
    s.category = "merge";
    s.namePrefix = "add";
    s.description = "Adds two or more inputs of the same shape (a skip connection).";
    s.minInputs = 2;
    s.maxInputs = 16;
    s.create = [](const json::Value& c) { return std::make_unique<Add>(c); };
    return s;
}

Shape Add::outputShape(const std::vector<Shape>& inputs) const {
    if (inputs.size() < 2)
        throw ShapeError(layerLabel() + ": needs at least two inputs: connect another layer to it");
    for (const Shape& s : inputs)
        if (!(s == inputs[0]))
            throw ShapeError(layerLabel() + ": inputs must have the same shape, got " +
                             inputs[0].toString(true) + " and " + s.toString(true));
    return inputs[0];
}

void Add::forward(const std::vector<const Tensor*>& inputs, Tensor& out, const RunContext&) {
    out = *inputs[0];
    for (size_t k = 1; k < inputs.size(); ++k)
        for (int64_t i = 0; i < out.size(); ++i) out[i] += (*inputs[k])[i];
}

void Add::backward(const std::vector<const Tensor*>&, const Tensor&, Tensor& dOut,
                   const std::vector<Tensor*>& dInputs, const RunContext&) {
    for (Tensor* d : dInputs)
        if (d) *d = dOut;
}

LayerSpec Concatenate::spec() {
    LayerSpec s;
    s.className = "Concatenate";
    s.category = "merge";
    s.namePrefix = "concatenate";
    s.description = "Stacks two or more inputs along the channel axis.";
    s.minInputs = 2;
    s.maxInputs = 16;
    s.create = [](const json::Value& c) { return std::make_unique<Concatenate>(c); };
    return s;
}

Shape Concatenate::outputShape(const std::vector<Shape>& inputs) const {
    if (inputs.size() < 2)
        throw ShapeError(layerLabel() + ": needs at least two inputs: connect another layer to it");
    std::vector<int> dims = inputs[0].dims();
    const int last = int(dims.size()) - 1;
    for (size_t k = 1; k < inputs.size(); ++k) {
        const Shape& s = inputs[k];
        bool ok = s.rank() == int(dims.size());
        for (int d = 0; ok && d < last; ++d) ok = s[d] == dims[size_t(d)];
        if (!ok)
            throw ShapeError(layerLabel() + ": inputs must match in all but the last axis, got " +
                             inputs[0].toString(true) + " and " + s.toString(true));
        dims[size_t(last)] += s[last];
    }
    return Shape(dims);
}

void Concatenate::forward(const std::vector<const Tensor*>& inputs, Tensor& out, const RunContext&) {
    std::vector<Shape> shapes;
    for (auto* t : inputs) shapes.push_back(t->shape().withoutBatch());
    const Shape outSample = outputShape(shapes);
    const int N = inputs[0]->shape()[0];
    out.resize(outSample.withBatch(N));
    const int outC = outSample[outSample.rank() - 1];
    const long rows = long(out.size() / outC);
    int offset = 0;
    for (auto* t : inputs) {
        const int c = t->shape()[t->shape().rank() - 1];
        for (long r = 0; r < rows; ++r)
            std::memcpy(out.data() + r * outC + offset, t->data() + r * c, sizeof(float) * size_t(c));
        offset += c;
    }
}

void Concatenate::backward(const std::vector<const Tensor*>& inputs, const Tensor& out,
                           Tensor& dOut, const std::vector<Tensor*>& dInputs, const RunContext&) {
    const int outC = out.shape()[out.shape().rank() - 1];
    const long rows = long(out.size() / outC);
    int offset = 0;
    for (size_t k = 0; k < inputs.size(); ++k) {
        const int c = inputs[k]->shape()[inputs[k]->shape().rank() - 1];
        if (Tensor* d = dInputs[k]) {
            d->resize(inputs[k]->shape());
            for (long r = 0; r < rows; ++r)
                std::memcpy(d->data() + r * c, dOut.data() + r * outC + offset,
                            sizeof(float) * size_t(c));
        }
        offset += c;
    }
}

} // namespace cs
