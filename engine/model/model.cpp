#include "engine/model/model.h"

#include "engine/core/errors.h"
#include "engine/core/resource_limits.h"
#include "engine/layers/input_layer.h"
#include "engine/layers/layer_registry.h"
#include "engine/model/model_summary.h"
#include "engine/model/shape_inference.h"

#include <cstring>
#include <ctime>

namespace cs {

// CPU time of the calling thread: a profile that other processes on the
// machine do not blur (with one thread, all of a layer's work runs here).
double Model::threadCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}

Model::Model() = default;
Model::~Model() = default;
Model::Model(Model&&) noexcept = default;
Model& Model::operator=(Model&&) noexcept = default;

int Model::findNode(const std::string& name) const {
    const auto it = nodeByName_.find(name);
    return it == nodeByName_.end() ? -1 : it->second;
}

Layer* Model::findLayer(const std::string& name) {
    int i = findNode(name);
    return i < 0 ? nullptr : nodes_[size_t(i)].layer.get();
}

std::string Model::uniqueName(const std::string& prefix) const {
    if (findNode(prefix) < 0) return prefix;
    // Every suffix below the remembered one is taken (names are never removed),
    // so n unnamed layers cost n lookups in all, not n^2.
    int& next = nextSuffix_[prefix];
    if (next < 1) next = 1;
    for (;; ++next) {
        std::string candidate = prefix + "_" + std::to_string(next);
        if (findNode(candidate) < 0) return candidate;
    }
}

std::string Model::add(std::unique_ptr<Layer> layer, std::vector<std::string> inbound) {
    if (layer->name().empty()) layer->setName(uniqueName(layerSpec(layer->className()).namePrefix));
    if (findNode(layer->name()) >= 0)
        throw ConfigError(CS_TEXT("cs::Model", "two layers are named '%1': names must be unique")
                              .arg(layer->name()));
    const bool isInput = layer->className() == "InputLayer";
    if (isInput && !nodes_.empty())
        throw ConfigError(CS_TEXT("cs::Model", "'%1': the InputLayer must be the first layer")
                              .arg(layer->name()));
    if (!isInput && nodes_.empty())
        throw ConfigError(
            CS_TEXT("cs::Model", "'%1': a model starts with an InputLayer").arg(layer->name()));
    Node node;
    if (!isInput) {
        if (inbound.empty()) node.inputs.push_back(int(nodes_.size()) - 1);
        for (const std::string& in : inbound) {
            int i = findNode(in);
            if (i < 0)
                throw ConfigError(CS_TEXT("cs::Model", "'%1' takes its input from '%2', which is "
                                                       "not an earlier layer of the model")
                                      .arg(layer->name())
                                      .arg(in));
            node.inputs.push_back(i);
        }
    }
    const LayerSpec& spec = layerSpec(layer->className());
    if (!isInput && (int(node.inputs.size()) < spec.minInputs || int(node.inputs.size()) > spec.maxInputs))
        throw ConfigError((spec.maxInputs > spec.minInputs
                               ? CS_TEXT("cs::Model", "'%1' (%2) takes %3 or more input(s), got %4")
                               : CS_TEXT("cs::Model", "'%1' (%2) takes %3 input(s), got %4"))
                              .arg(layer->name())
                              .arg(spec.className)
                              .arg(std::to_string(spec.minInputs))
                              .arg(std::to_string(node.inputs.size())));
    layer->setIndex(int(nodes_.size()));
    std::string name = layer->name();
    nodeByName_.emplace(name, int(nodes_.size()));
    node.layer = std::move(layer);
    nodes_.push_back(std::move(node));
    built_ = false;
    return name;
}

bool Model::isChain() const {
    for (size_t i = 1; i < nodes_.size(); ++i)
        if (nodes_[i].inputs.size() != 1 || nodes_[i].inputs[0] != int(i) - 1) return false;
    return true;
}

std::vector<Shape> Model::inferShapes() const {
    if (nodes_.empty())
        throw ShapeError(CS_TEXT("cs::Model", "the model is empty: add an InputLayer"));
    const ShapeInference walk = cs::inferShapes(
        int(nodes_.size()), [this](int k) { return nodes_[size_t(k)].inputs; },
        [this](int k, const std::vector<Shape>& in) { return nodes_[size_t(k)].layer->outputShape(in); },
        ShapeErrors::Throw);
    std::vector<Shape> shapes;
    shapes.reserve(nodes_.size());
    for (const std::optional<Shape>& s : walk.shapes) shapes.push_back(*s);
    return shapes;
}

Model::ParameterCounts Model::countParameters() const {
    const std::vector<Shape> shapes = inferShapes();
    ParameterCounts counts;
    counts.perNode.reserve(nodes_.size());
    for (const Node& n : nodes_) {
        std::vector<Shape> in;
        for (int i : n.inputs)
            in.push_back(shapes[size_t(i)]);
        const Layer::ParameterCount c = n.layer->parameterCountFor(in);
        counts.perNode.push_back(c.total);
        counts.total += c.total;
        counts.trainable += c.trainable;
    }
    return counts;
}

uint64_t Model::activationBytes(int batch, bool training) const {
    const std::vector<Shape>& shapes = built_ ? shapes_ : inferShapes();
    uint64_t values = 0;
    for (size_t k = 0; k < shapes.size(); ++k)
        values =
            saturatingAdd(values, saturatingMultiply(uint64_t(shapes[k].numel()), uint64_t(batch)));
    // Inference sizes every node's output for the batch; training adds a
    // gradient buffer of the same size per node.
    return saturatingMultiply(values, training ? 2 * sizeof(float) : sizeof(float));
}

void Model::checkBatchMemory(int batch, bool training) const {
    UserText need =
        batch == 1 && !training
            ? CS_TEXT("cs::Model", "one image needs %1 for the layers' outputs, over the %2 limit "
                                   "(CONVSTUDIO_MEMORY_LIMIT): use a smaller input")
        : batch == 1 ? CS_TEXT("cs::Model", "a batch of %3 in training needs %1 for the layers' "
                                            "outputs, over the %2 limit "
                                            "(CONVSTUDIO_MEMORY_LIMIT): use a smaller input")
        : training
            ? CS_TEXT("cs::Model", "a batch of %3 in training needs %1 for the layers' outputs, "
                                   "over the %2 limit (CONVSTUDIO_MEMORY_LIMIT): use a smaller "
                                   "batch size")
            : CS_TEXT("cs::Model", "a batch of %3 needs %1 for the layers' outputs, over the %2 "
                                   "limit (CONVSTUDIO_MEMORY_LIMIT): use a smaller batch size");
    checkMemoryLimit(activationBytes(batch, training), need.arg(batch));
}

void Model::build(uint64_t seed) {
    std::vector<Shape> shapes = inferShapes();
    const ParameterCounts counts = countParameters();
    checkMemoryLimit(saturatingMultiply(uint64_t(counts.total + counts.trainable), sizeof(float)),
                     CS_TEXT("cs::Model", "the model needs %1 for its %3 parameters and their "
                                          "gradients, over the %2 limit "
                                          "(CONVSTUDIO_MEMORY_LIMIT): use fewer or smaller layers")
                         .arg(withThousands(counts.total)));
    checkBatchMemory(1, false); // an input too large for even one image
    shapes_ = shapes;
    checkedBatch_[0] = checkedBatch_[1] = 0;
    std::vector<int> consumers(nodes_.size(), 0);
    for (const Node& n : nodes_)
        for (int i : n.inputs)
            ++consumers[size_t(i)];
    for (size_t k = 0; k + 1 < nodes_.size(); ++k)
        if (consumers[k] == 0)
            throw ShapeError(
                CS_TEXT("cs::Model",
                        "'%1' leads nowhere: connect its output to a later layer or remove it")
                    .arg(nodes_[k].layer->name()));
    Rng rng(seed);
    for (const Node& n : nodes_) {
        std::vector<Shape> in;
        for (int i : n.inputs) in.push_back(shapes[size_t(i)]);
        n.layer->build(in, rng);
    }
    outputs_.resize(nodes_.size());
    outputPtr_.assign(nodes_.size(), nullptr);
    grads_.resize(nodes_.size());
    consumers_.assign(nodes_.size(), 0);
    for (const Node& n : nodes_)
        for (int i : n.inputs) ++consumers_[size_t(i)];
    built_ = true;
}

Shape Model::inputShape() const {
    if (nodes_.empty())
        throw ShapeError(CS_TEXT("cs::Model", "the model is empty: add an InputLayer"));
    return static_cast<const InputLayer&>(*nodes_[0].layer).shape();
}

Shape Model::outputShape() const { return inferShapes().back(); }

int64_t Model::parameterCount() const {
    int64_t n = 0;
    for (const Node& node : nodes_) n += node.layer->parameterCount();
    return n;
}

int64_t Model::trainableParameterCount() const {
    int64_t n = 0;
    for (const Node& node : nodes_) n += node.layer->trainableParameterCount();
    return n;
}

std::vector<Param*> Model::parameters() {
    std::vector<Param*> out;
    for (Node& n : nodes_)
        for (Param& p : n.layer->params()) out.push_back(&p);
    return out;
}

double Model::regularizationLoss() const {
    double loss = 0.0;
    for (const Node& n : nodes_)
        for (const Param& p : n.layer->params())
            if (p.l2 > 0.0f) {
                double s = 0.0;
                for (int64_t i = 0; i < p.value.size(); ++i) s += double(p.value[i]) * p.value[i];
                loss += double(p.l2) * s;
            }
    return loss;
}

Activation Model::outputActivation() const {
    const Layer& last = *nodes_.back().layer;
    if (const Json* a = json::find(last.config(), "activation"))
        return activationFromName(json::asString(*a));
    return Activation::Linear;
}

const Tensor& Model::forward(const Tensor& input, const RunContext& ctx) {
    if (!built_) throw ShapeError(CS_TEXT("cs::Model", "the model must be built before it runs"));
    const Shape expected = inputShape();
    if (!(input.shape().withoutBatch() == expected))
        throw ShapeError(CS_TEXT("cs::Model", "the model expects input %1, got %2")
                             .arg(expected.toString(true))
                             .arg(input.shape().toString()));
    const int batch = input.shape()[0];
    const bool training = ctx.training || ctx.backwardFollows;
    if (batch > checkedBatch_[training]) {
        checkBatchMemory(batch, training);
        checkedBatch_[training] = batch;
    }
    outputPtr_[0] = &input; // the InputLayer passes its batch through untouched
    if (isChain()) {
        forwardChain(input, ctx);
        return *outputPtr_.back();
    }
    for (size_t k = 1; k < nodes_.size(); ++k) {
        std::vector<const Tensor*> in;
        for (int i : nodes_[k].inputs) in.push_back(outputPtr_[size_t(i)]);
        const double start = times_ ? threadCpuSeconds() : 0.0;
        nodes_[k].layer->forward(in, outputs_[k], ctx);
        outputPtr_[k] = &outputs_[k];
        if (times_) {
            times_->forward.resize(nodes_.size());
            times_->forward[k] += threadCpuSeconds() - start;
        }
    }
    return *outputPtr_.back();
}

const Tensor& Model::nodeOutput(int node) const {
    if (!built_ || !outputPtr_[size_t(node)])
        throw ShapeError(
            CS_TEXT("cs::Model",
                    "no activations of '%1' were kept: run the forward pass with keepActivations")
                .arg(nodes_[size_t(node)].layer->name()));
    return *outputPtr_[size_t(node)];
}

void Model::recordGradientOf(int node) {
    if (node >= nodeCount())
        throw ConfigError(CS_TEXT("cs::Model", "no node number %1").arg(std::to_string(node)));
    gradientTapNode_ = node;
    gradientTap_.resize(Shape{0});
}

const Tensor& Model::nodeGradient(int node) const {
    if (node != gradientTapNode_ || node <= 0 || gradientTap_.size() == 0 ||
        gradientTap_.size() != nodeOutput(node).size())
        throw ShapeError(
            CS_TEXT("cs::Model",
                    "no gradient of '%1' was recorded: call recordGradientOf() before backward()")
                .arg(nodes_[size_t(node)].layer->name()));
    return gradientTap_;
}

void Model::backward(Tensor& dOutput, const RunContext& ctx, bool outputGradIsPreActivation) {
    if (isChain()) {
        backwardChain(dOutput, ctx, outputGradIsPreActivation);
        return;
    }
    const size_t last = nodes_.size() - 1;
    std::vector<bool> ready(nodes_.size(), false);
    // The output node's gradient is the caller's buffer; others are ours.
    std::vector<Tensor*> grad(nodes_.size());
    for (size_t k = 0; k < nodes_.size(); ++k) grad[k] = &grads_[k];
    grad[last] = &dOutput;
    ready[last] = true;
    for (size_t k = last; k >= 1; --k) {
        if (!ready[k]) continue; // no path from this node to the loss
        Node& n = nodes_[k];
        std::vector<const Tensor*> in;
        std::vector<Tensor*> dIn;
        std::vector<int> accumulate; // inputs whose gradient arrives from several consumers
        for (int i : n.inputs) {
            in.push_back(outputPtr_[size_t(i)]);
            if (i == 0) {
                dIn.push_back(nullptr); // nothing learns from the input image
            } else if (consumers_[size_t(i)] == 1 || !ready[size_t(i)]) {
                grad[size_t(i)]->resize(outputPtr_[size_t(i)]->shape());
                dIn.push_back(grad[size_t(i)]);
                ready[size_t(i)] = true; // a second slot for the same input accumulates
            } else {
                dIn.push_back(nullptr);
                accumulate.push_back(int(dIn.size()) - 1);
            }
        }
        if (scratch_.size() < accumulate.size()) scratch_.resize(accumulate.size());
        for (size_t j = 0; j < accumulate.size(); ++j) {
            const size_t slot = size_t(accumulate[j]);
            scratch_[j].resize(in[slot]->shape());
            dIn[slot] = &scratch_[j];
        }
        RunContext c = ctx;
        c.lossGradientIsPreActivation = k == last && outputGradIsPreActivation;
        const double start = times_ ? threadCpuSeconds() : 0.0;
        if (int(k) == gradientTapNode_) gradientTap_ = *grad[k];
        n.layer->backward(in, *outputPtr_[k], *grad[k], dIn, c);
        if (times_) {
            times_->backward.resize(nodes_.size());
            times_->backward[k] += threadCpuSeconds() - start;
        }
        for (size_t j = 0; j < accumulate.size(); ++j) {
            Tensor& target = *grad[size_t(n.inputs[size_t(accumulate[j])])];
            for (int64_t e = 0; e < target.size(); ++e) target[e] += scratch_[j][e];
        }
        for (int i : n.inputs) ready[size_t(i)] = true;
    }
}

} // namespace cs
