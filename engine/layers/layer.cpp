#include "layers/layer.h"

#include <cmath>

namespace cs {

Layer::Layer(std::string className, json::Value config)
    : className_(std::move(className)), config_(std::move(config)) {}

Layer::~Layer() = default;

std::string Layer::name() const { return config_.getString("name", ""); }
void Layer::setName(const std::string& name) { config_.set("name", name); }
bool Layer::trainable() const { return config_.getBool("trainable", true); }
void Layer::setTrainable(bool trainable) { config_.set("trainable", trainable); }

void Layer::build(const std::vector<Shape>&, Rng&) {}

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
