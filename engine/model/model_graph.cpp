#include "engine/model/model_graph.h"

#include "engine/core/errors.h"
#include "engine/layers/layer_registry.h"

#include <algorithm>

namespace cs {

namespace {
constexpr const char* kFormat = "convstudio-architecture";

bool validName(const std::string& name) {
    if (name.empty()) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-' || c == '.';
    });
}
} // namespace

ModelGraph ModelGraph::fromJson(const cs::Json& root) {
    if (!root.is_object())
        throw cs::FormatError(CS_TEXT("cs::Files", "an architecture must be a JSON object"));
    const std::string format = cs::json::getString(root, "format", kFormat);
    if (format != kFormat)
        throw cs::FormatError(
            CS_TEXT("cs::Files", "not a ConvStudio architecture (format is '%1')").arg(format));
    const cs::Json& layers = cs::json::at(root, "layers");
    if (!layers.is_array() || layers.size() == 0)
        throw cs::FormatError(CS_TEXT("cs::Files", "'%1' must be a non-empty list").arg("layers"));
    ModelGraph g;
    g.name = cs::json::getString(root, "name", "model");
    for (size_t i = 0; i < layers.size(); ++i) {
        const cs::Json& entry = layers[i];
        const std::string className = cs::json::asString(cs::json::at(entry, "class_name"));
        cs::Json config =
            cs::json::find(entry, "config") ? cs::json::at(entry, "config") : cs::Json::object();
        if (!config.is_object())
            throw cs::FormatError(CS_TEXT("cs::Files", "'%1' must be an object, found %2")
                                      .arg("config")
                                      .arg(cs::json::dump(config)));
        if (i == 0 && className != "InputLayer") {
            const cs::Json* shape = cs::json::find(config, "input_shape");
            if (!shape)
                throw cs::FormatError(CS_TEXT("cs::Files", "the first layer must be an "
                                                           "InputLayer (or carry 'input_shape')"));
            cs::Json inputConfig = cs::Json::object();
            inputConfig["shape"] = *shape;
            g.nodes_.push_back(g.makeNode("InputLayer", inputConfig));
        }
        config.erase("input_shape");
        if (className == "InputLayer" && !g.nodes_.empty())
            throw cs::FormatError(
                CS_TEXT("cs::Files", "the InputLayer must be the first layer")
                    .within(CS_TEXT("cs::Files", "layer %1").arg(int64_t(i + 1))));
        LayerNode node;
        try {
            node = g.makeNode(className, config);
        } catch (const cs::ConfigError& e) {
            throw cs::ConfigError(
                e.text().within(CS_TEXT("cs::Files", "layer %1").arg(int64_t(i + 1))));
        }
        if (className != "InputLayer") {
            if (const cs::Json* in = cs::json::find(entry, "inbound_nodes"))
                node.inputs = cs::json::asStringVector(*in);
            else
                node.inputs.push_back(g.nodes_.back().name());
            for (const std::string& input : node.inputs)
                if (g.indexOf(input) < 0)
                    throw cs::FormatError(CS_TEXT("cs::Files",
                                                  "layer '%1' takes its input from "
                                                  "'%2', which is not an earlier layer")
                                              .arg(node.name())
                                              .arg(input));
        }
        g.nodes_.push_back(std::move(node));
    }
    if (g.nodes_.front().className != "InputLayer")
        throw cs::FormatError(CS_TEXT("cs::Files", "a model starts with an InputLayer"));
    return g;
}

ModelGraph ModelGraph::starter(const std::vector<int>& inputShape, int classCount) {
    Json input = Json::object();
    input["class_name"] = "InputLayer";
    input["config"] = Json::object();
    input["config"]["shape"] = Json(inputShape);
    Json root = Json::object();
    root["name"] = "model";
    root["layers"] = Json::array({input});
    ModelGraph g = fromJson(root);
    g.append("Flatten", Json::object());
    Json dense = Json::object();
    dense["units"] = classCount;
    dense["activation"] = "softmax";
    g.append("Dense", dense);
    return g;
}

ModelGraph ModelGraph::fromModel(const cs::Model& model) {
    return fromJson(model.toJson());
}

cs::Json ModelGraph::toJson() const {
    cs::Json root = cs::Json::object();
    root["format"] = kFormat;
    root["version"] = 1;
    root["name"] = name;
    const bool chain = isChain();
    root["class_name"] = chain ? "Sequential" : "Functional";
    cs::Json layers = cs::Json::array();
    for (const LayerNode& n : nodes_) {
        cs::Json entry = cs::Json::object();
        entry["class_name"] = n.className;
        entry["config"] = n.config;
        if (!chain && n.className != "InputLayer") entry["inbound_nodes"] = cs::Json(n.inputs);
        layers.push_back(entry);
    }
    root["layers"] = layers;
    return root;
}

cs::Model ModelGraph::toModel() const {
    cs::Model model;
    model.name = name;
    for (const LayerNode& n : nodes_)
        model.add(cs::createLayer(n.className, n.config), n.inputs);
    return model;
}

int ModelGraph::indexOf(const std::string& name) const {
    for (size_t i = 0; i < nodes_.size(); ++i)
        if (nodes_[i].name() == name) return int(i);
    return -1;
}

const LayerNode* ModelGraph::find(const std::string& name) const {
    const int i = indexOf(name);
    return i < 0 ? nullptr : &nodes_[size_t(i)];
}

LayerNode& ModelGraph::at(const std::string& name) {
    const int i = indexOf(name);
    if (i < 0) throw cs::ConfigError(CS_TEXT("cs::Model", "no layer named '%1'").arg(name));
    return nodes_[size_t(i)];
}

std::vector<Connection> ModelGraph::connections() const {
    std::vector<Connection> out;
    for (const LayerNode& n : nodes_)
        for (const std::string& in : n.inputs)
            out.push_back({in, n.name()});
    return out;
}

std::vector<std::string> ModelGraph::consumersOf(const std::string& name) const {
    std::vector<std::string> out;
    for (const LayerNode& n : nodes_)
        if (std::find(n.inputs.begin(), n.inputs.end(), name) != n.inputs.end())
            out.push_back(n.name());
    return out;
}

bool ModelGraph::isChain() const {
    for (size_t i = 1; i < nodes_.size(); ++i)
        if (nodes_[i].inputs.size() != 1 || nodes_[i].inputs[0] != nodes_[i - 1].name())
            return false;
    return true;
}

std::string ModelGraph::uniqueName(const std::string& prefix) const {
    // One pass over the names (not one per candidate suffix): adding n unnamed
    // layers stays quadratic at worst, where probing "dense_1", "dense_2", ...
    // with a linear lookup each was cubic (1,000 layers took half a minute).
    bool prefixTaken = false;
    std::vector<bool> suffixTaken(nodes_.size() + 2, false);
    const std::string stem = prefix + "_";
    for (const LayerNode& n : nodes_) {
        const std::string name = n.name();
        if (name == prefix) prefixTaken = true;
        if (name.size() <= stem.size() || name.compare(0, stem.size(), stem) != 0) continue;
        const std::string digits = name.substr(stem.size());
        if (digits.size() > 9 || digits[0] == '0' ||
            digits.find_first_not_of("0123456789") != std::string::npos)
            continue;
        const size_t suffix = std::stoul(digits);
        if (suffix < suffixTaken.size()) suffixTaken[suffix] = true;
    }
    if (!prefixTaken) return prefix;
    size_t i = 1;
    while (suffixTaken[i]) ++i; // n names leave one of 1..n+1 free
    return stem + std::to_string(i);
}

LayerNode ModelGraph::makeNode(const std::string& className, const cs::Json& config) const {
    const cs::LayerSpec& spec = cs::layerSpec(className);
    LayerNode node;
    node.className = className;
    node.config = cs::completeConfig(spec, config.is_object() ? config : cs::Json::object());
    const std::string given = cs::json::getString(node.config, "name", "");
    if (given.empty() || indexOf(given) >= 0) node.config["name"] = uniqueName(spec.namePrefix);
    return node;
}

void ModelGraph::placeBefore(LayerNode node, int index) {
    nodes_.insert(nodes_.begin() + index, std::move(node));
}

std::string ModelGraph::insertOnConnection(const std::string& className, const cs::Json& config,
                                           const std::string& from, const std::string& to) {
    LayerNode& target = at(to);
    auto it = std::find(target.inputs.begin(), target.inputs.end(), from);
    if (it == target.inputs.end())
        throw cs::ConfigError(CS_TEXT("cs::Model", "'%1' does not feed '%2'").arg(from).arg(to));
    LayerNode node = makeNode(className, config);
    const std::string name = node.name();
    node.inputs = {from};
    *it = name;
    placeBefore(std::move(node), indexOf(to));
    return name;
}

std::string ModelGraph::append(const std::string& className, const cs::Json& config) {
    LayerNode node = makeNode(className, config);
    if (className == "InputLayer")
        throw cs::ConfigError(CS_TEXT("cs::Model", "a model has one InputLayer, at the top"));
    node.inputs = {nodes_.back().name()};
    const std::string name = node.name();
    nodes_.push_back(std::move(node));
    return name;
}

void ModelGraph::remove(const std::string& name) {
    const int index = indexOf(name);
    if (index < 0) throw cs::ConfigError(CS_TEXT("cs::Model", "no layer named '%1'").arg(name));
    if (index == 0)
        throw cs::ConfigError(
            CS_TEXT("cs::Model", "the InputLayer cannot be removed: every model starts with it"));
    const std::string replacement =
        nodes_[size_t(index)].inputs.empty() ? "" : nodes_[size_t(index)].inputs[0];
    for (LayerNode& n : nodes_) {
        auto it = std::find(n.inputs.begin(), n.inputs.end(), name);
        if (it == n.inputs.end()) continue;
        const bool duplicate = replacement.empty() || std::find(n.inputs.begin(), n.inputs.end(),
                                                                replacement) != n.inputs.end();
        if (duplicate)
            n.inputs.erase(it);
        else
            *it = replacement;
    }
    nodes_.erase(nodes_.begin() + index);
}

void ModelGraph::move(const std::string& name, const std::string& from, const std::string& to) {
    const LayerNode original = at(name);
    if (original.className == "InputLayer")
        throw cs::ConfigError(CS_TEXT("cs::Model", "the InputLayer stays at the top"));
    if (original.inputs.size() > 1)
        throw cs::ConfigError(
            CS_TEXT("cs::Model",
                    "'%1' merges several inputs: connect it by hand instead of moving it")
                .arg(name));
    if (from == name || to == name) return; // dropped next to itself: nothing moves
    const bool atEnd = from.empty() && to.empty();
    if (atEnd && nodes_.back().name() == name) return;
    remove(name);
    LayerNode node = original;
    if (atEnd) {
        node.inputs = {nodes_.back().name()};
        nodes_.push_back(std::move(node));
        return;
    }
    LayerNode& target = at(to);
    auto it = std::find(target.inputs.begin(), target.inputs.end(), from);
    if (it == target.inputs.end())
        throw cs::ConfigError(CS_TEXT("cs::Model", "'%1' does not feed '%2'").arg(from).arg(to));
    *it = name;
    node.inputs = {from};
    placeBefore(std::move(node), indexOf(to));
}

cs::UserText ModelGraph::connect(const std::string& from, const std::string& to) {
    const int fi = indexOf(from), ti = indexOf(to);
    if (fi < 0 || ti < 0) return CS_TEXT("cs::Model", "no such layer");
    if (fi == ti) return CS_TEXT("cs::Model", "a layer cannot take its own output");
    LayerNode& target = nodes_[size_t(ti)];
    const cs::LayerSpec& spec = cs::layerSpec(target.className);
    if (spec.maxInputs <= 1)
        return CS_TEXT("cs::Model", "'%1' (%2) takes one input: only Add and Concatenate merge "
                                    "several")
            .arg(to)
            .arg(target.className);
    if (fi > ti)
        return CS_TEXT("cs::Model",
                       "'%1' comes after '%2': connect an earlier layer to a later one")
            .arg(from)
            .arg(to);
    if (std::find(target.inputs.begin(), target.inputs.end(), from) != target.inputs.end())
        return CS_TEXT("cs::Model", "'%1' already feeds '%2'").arg(from).arg(to);
    if (int(target.inputs.size()) >= spec.maxInputs)
        return CS_TEXT("cs::Model", "'%1' takes at most %2 inputs").arg(to).arg(spec.maxInputs);
    target.inputs.push_back(from);
    return {};
}

void ModelGraph::disconnect(const std::string& from, const std::string& to) {
    LayerNode& target = at(to);
    target.inputs.erase(std::remove(target.inputs.begin(), target.inputs.end(), from),
                        target.inputs.end());
}

void ModelGraph::setAttribute(const std::string& name, const std::string& key,
                              const cs::Json& value) {
    LayerNode& node = at(name);
    cs::Json config = node.config;
    config[key] = value;
    node.config = cs::completeConfig(cs::layerSpec(node.className), config);
}

cs::UserText ModelGraph::rename(const std::string& oldName, const std::string& newName) {
    if (oldName == newName) return {};
    if (!validName(newName))
        return CS_TEXT("cs::Model", "a name uses letters, digits, '_', '-' and '.' only");
    if (indexOf(newName) >= 0)
        return CS_TEXT("cs::Model", "another layer is already named '%1'").arg(newName);
    at(oldName).config["name"] = newName;
    for (LayerNode& n : nodes_)
        std::replace(n.inputs.begin(), n.inputs.end(), oldName, newName);
    return {};
}

std::string ModelGraph::insertBefore(const std::string& className, const cs::Json& config,
                                     const std::string& name) {
    const LayerNode& node = at(name);
    if (node.inputs.empty())
        throw cs::ConfigError(CS_TEXT("cs::Model", "nothing comes before '%1'").arg(name));
    return insertOnConnection(className, config, node.inputs[0], name);
}

bool ModelGraph::operator==(const ModelGraph& other) const {
    if (name != other.name || nodes_.size() != other.nodes_.size()) return false;
    for (size_t i = 0; i < nodes_.size(); ++i) {
        const LayerNode &a = nodes_[i], &b = other.nodes_[i];
        if (a.className != b.className || a.inputs != b.inputs || !(a.config == b.config))
            return false;
    }
    return true;
}

} // namespace cs
