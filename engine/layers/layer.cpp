#include "engine/layers/layer.h"

#include <cassert>
#include <cmath>

namespace cs {

Layer::Layer(std::string className, Json config)
    : className_(std::move(className)), config_(std::move(config)) {}

Layer::~Layer() = default;

std::string Layer::name() const {
    return json::getString(config_, "name", "");
}
void Layer::setName(const std::string& name) {
    config_["name"] = name;
}
bool Layer::trainable() const {
    return json::getBool(config_, "trainable", true);
}
void Layer::setTrainable(bool trainable) {
    config_["trainable"] = trainable;
}

void Layer::build(const std::vector<Shape>&, Rng&) {}
Layer::ParameterCount Layer::parameterCountFor(const std::vector<Shape>&) const {
    return {};
}

void Layer::prepareBatch(int, const RunContext&) {}
void Layer::beginBackward(const RunContext&) {}
void Layer::endBackward(const RunContext&) {}
bool Layer::runsInRanges(const RunContext&) const { return true; }

// Layers that run in ranges override these two; the others override forward()
// and backward() instead and report runsInRanges() == false, so the model
// never calls these for them.
void Layer::forwardRange(const std::vector<const Tensor*>&, Tensor&, const RunContext&, int, ChunkRange) {
    assert(false && "forwardRange() of a layer that runs whole batches only");
}
void Layer::backwardRange(const std::vector<const Tensor*>&, const Tensor&, Tensor&, const std::vector<Tensor*>&,
                          const RunContext&, int, ChunkRange) {
    assert(false && "backwardRange() of a layer that runs whole batches only");
}

void Layer::forward(const std::vector<const Tensor*>& inputs, Tensor& output, const RunContext& ctx) {
    std::vector<Shape> shapes;
    for (const Tensor* t : inputs) shapes.push_back(t->shape().withoutBatch());
    const int n = inputs.empty() ? 0 : inputs[0]->shape()[0];
    output.resize(outputShape(shapes).withBatch(n));
    prepareBatch(n, ctx);
    forEachChunk(n, ctx.chunks, [&](int chunk, ChunkRange r) {
        if (r.size() > 0) forwardRange(inputs, output, ctx, chunk, r);
    });
}

void Layer::backward(const std::vector<const Tensor*>& inputs, const Tensor& output, Tensor& dOutput,
                     const std::vector<Tensor*>& dInputs, const RunContext& ctx) {
    for (size_t i = 0; i < inputs.size(); ++i)
        if (dInputs[i]) dInputs[i]->resize(inputs[i]->shape());
    const int n = output.shape()[0];
    beginBackward(ctx);
    forEachChunk(n, ctx.chunks, [&](int chunk, ChunkRange r) {
        if (r.size() > 0) backwardRange(inputs, output, dOutput, dInputs, ctx, chunk, r);
    });
    endBackward(ctx);
}

Param* Layer::findParam(const std::string& name) {
    for (auto& p : params_)
        if (p.name == name) return &p;
    return nullptr;
}

int64_t Layer::parameterCount() const {
    int64_t n = 0;
    for (auto& p : params_) n += p.value.size();
    return n;
}

int64_t Layer::trainableParameterCount() const {
    if (!trainable()) return 0;
    int64_t n = 0;
    for (auto& p : params_)
        if (p.trainable) n += p.value.size();
    return n;
}

void Layer::beginGradientSums(std::vector<GradientSums>& sums, int chunks) const {
    if (int(sums.size()) < chunks) sums.resize(size_t(chunks));
    if (!trainable()) return;
    for (int c = 0; c < chunks; ++c) {
        sums[size_t(c)].dKernel.resize(params_[0].value.shape());
        sums[size_t(c)].dKernel.zero();
        if (params_.size() > 1) {
            sums[size_t(c)].dBias.resize(params_[1].value.shape());
            sums[size_t(c)].dBias.zero();
        }
    }
}

void Layer::endGradientSums(const std::vector<GradientSums>& sums, int chunks) {
    if (!trainable()) return;
    Param& k = params_[0];
    std::vector<const float*> parts;
    for (int c = 0; c < chunks; ++c) parts.push_back(sums[size_t(c)].dKernel.data());
    sumPartials(k.grad.data(), parts, long(k.grad.size()), k.l2, k.value.data());
    if (params_.size() > 1) {
        Param& b = params_[1];
        b.grad.zero();
        for (int c = 0; c < chunks; ++c)
            for (int64_t i = 0; i < b.grad.size(); ++i) b.grad[i] += sums[size_t(c)].dBias[i];
    }
}

Param& Layer::addParam(const std::string& name, const Shape& shape, bool trainable) {
    Param p;
    p.name = name;
    p.value.resize(shape);
    p.value.zero();
    p.trainable = trainable;
    if (trainable) {
        p.grad.resize(shape);
        p.grad.zero();
    }
    params_.push_back(std::move(p));
    return params_.back();
}

void Layer::glorotUniform(Tensor& t, int fanIn, int fanOut, Rng& rng) {
    double limit = std::sqrt(6.0 / double(fanIn + fanOut));
    for (int64_t i = 0; i < t.size(); ++i) t[i] = float(rng.uniform(-limit, limit));
}

std::string Layer::layerLabel() const { return name() + " (" + className_ + ")"; }

} // namespace cs
