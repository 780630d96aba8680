#include "engine/model/transfer_learning.h"

#include "engine/core/errors.h"

#include <algorithm>
#include <set>

namespace cs {

namespace {

// The layers that end the feature extractor: what comes after them is the classifier.
bool endsFeatures(const std::string& className) {
    return className == "Flatten" || className == "GlobalAveragePooling2D";
}

// The layers a classifier head is made of (Keras's "top" of a network).
bool belongsToHead(const std::string& className) {
    return className == "Dense" || className == "Dropout" || className == "Activation" ||
           className == "BatchNormalization";
}

} // namespace

std::vector<std::string> freezeUpTo(ModelGraph& graph, const std::string& name) {
    const int last = graph.indexOf(name);
    if (last < 0)
        throw ConfigError(CS_TEXT("cs::Model", "no layer named '%1' to freeze up to").arg(name));
    // Walk back from `name` through the inputs; nodes are in topological order,
    // so one backward sweep collects every ancestor.
    std::set<std::string> wanted{name};
    for (int i = last; i >= 0; --i) {
        const LayerNode& node = graph.node(i);
        if (!wanted.count(node.name())) continue;
        wanted.insert(node.inputs.begin(), node.inputs.end());
    }
    std::vector<std::string> frozen;
    for (int i = 0; i <= last; ++i) {
        const LayerNode& node = graph.node(i);
        if (!wanted.count(node.name()) || node.className == "InputLayer") continue;
        if (!json::getBool(node.config, "trainable", true)) continue;
        graph.setAttribute(node.name(), "trainable", false);
        frozen.push_back(node.name());
    }
    return frozen;
}

int frozenLayerCount(const ModelGraph& graph) {
    return int(std::count_if(graph.nodes().begin(), graph.nodes().end(), [](const LayerNode& n) {
        return !json::getBool(n.config, "trainable", true);
    }));
}

ClassifierHead replaceClassifierHead(ModelGraph& graph, int classes, bool binaryLabels) {
    if (classes < 2)
        throw ConfigError(
            CS_TEXT("cs::Model", "a classifier needs at least 2 classes (the data set has %1)")
                .arg(std::to_string(classes)));
    int featuresEnd = -1;
    for (int i = 0; i < graph.size(); ++i)
        if (endsFeatures(graph.node(i).className)) featuresEnd = i;
    if (featuresEnd < 0)
        throw ConfigError(CS_TEXT("cs::Model",
                                  "the model has no Flatten or GlobalAveragePooling2D: there is no "
                                  "classifier head to replace (add one where the features end)"));
    ClassifierHead head;
    for (int i = featuresEnd + 1; i < graph.size(); ++i) {
        const LayerNode& node = graph.node(i);
        if (!belongsToHead(node.className) || node.inputs.size() != 1)
            throw ConfigError(
                CS_TEXT("cs::Model",
                        "'%1' (%2) comes after '%3' but is not part of a classifier head (Dense, "
                        "Dropout, Activation, BatchNormalization): the head cannot be replaced")
                    .arg(node.name())
                    .arg(node.className)
                    .arg(graph.node(featuresEnd).name()));
        head.removed.push_back(node.name());
    }
    // Named against the graph before the removal: a head replaced twice gets
    // "classifier_1", never the name of the trained head it replaces.
    const std::string name = graph.uniqueName("classifier");
    ModelGraph edited = graph;
    for (auto it = head.removed.rbegin(); it != head.removed.rend(); ++it)
        edited.remove(*it);
    const bool sigmoid = classes == 2 && binaryLabels;
    head.units = sigmoid ? 1 : classes;
    head.activation = sigmoid ? "sigmoid" : "softmax";
    Json config = Json::object();
    config["name"] = name;
    config["units"] = head.units;
    config["activation"] = head.activation;
    config["trainable"] = true;
    head.added = edited.append("Dense", config);
    graph = std::move(edited);
    return head;
}

bool readsBinaryLabels(const DataBinding& data) {
    return data.kind != DatasetKind::ImageFolders || data.imageFolders.classMode == ClassMode::Binary;
}

std::vector<std::string> copyMatchingWeights(const Model& from, Model& to) {
    if (!to.isBuilt())
        throw ConfigError(
            CS_TEXT("cs::Model", "copyMatchingWeights: the model to fill is not built"));
    std::vector<std::string> copied;
    for (int node = 0; node < to.nodeCount(); ++node) {
        Layer& target = to.layer(node);
        if (target.params().empty()) continue;
        const int source = from.findNode(target.name());
        if (source < 0) continue;
        const Layer& original = from.layer(source);
        if (original.className() != target.className()) continue;
        const auto& a = original.params();
        auto& b = target.params();
        const auto sameParam = [](const Param& x, const Param& y) {
            return x.name == y.name && x.value.shape() == y.value.shape();
        };
        const bool same = a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), sameParam);
        if (!same) continue;
        for (size_t p = 0; p < b.size(); ++p)
            std::copy(a[p].value.data(), a[p].value.data() + a[p].value.size(), b[p].value.data());
        copied.push_back(target.name());
    }
    return copied;
}

Model modelWithWeightsFrom(const ModelGraph& graph, const Model& source, uint64_t seed,
                           std::vector<std::string>* copied) {
    Model model = graph.toModel();
    model.build(seed);
    std::vector<std::string> names = copyMatchingWeights(source, model);
    if (copied) *copied = std::move(names);
    return model;
}

} // namespace cs
