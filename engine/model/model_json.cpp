// Model <-> architecture JSON (the format is described in docs/formats.md).
#include "core/errors.h"
#include "layers/layer_registry.h"
#include "model/model.h"

namespace cs {

namespace {
constexpr const char* kFormat = "convstudio-architecture";
constexpr int kVersion = 1;
// Our form is ["a", "b"]; Keras's to_json() nests it as [[["a", 0, 0, {}], ...]].
std::vector<std::string> inboundNames(const json::Value& v) {
    std::vector<std::string> names;
    auto visit = [&](const json::Value& node, auto& self) -> void {
        if (node.isString()) {
            names.push_back(node.asString());
        } else if (node.isArray() && node.size() > 0 && node[0].isString()) {
            names.push_back(node[0].asString()); // ["a", 0, 0, {}]: the layer name comes first
        } else if (node.isArray()) {
            for (size_t i = 0; i < node.size(); ++i) self(node[i], self);
        } else {
            throw FormatError("'inbound_nodes' must list layer names, found " + node.dump());
        }
    };
    if (!v.isArray()) throw FormatError("'inbound_nodes' must be a list");
    for (size_t i = 0; i < v.size(); ++i) visit(v[i], visit);
    return names;
}

// "layer 3 (Dense 'dense_1'): " as far as the entry tells, for messages.
std::string layerContext(size_t index, const json::Value& entry) {
    std::string where = "layer " + std::to_string(index + 1);
    const json::Value* className = entry.isObject() ? entry.find("class_name") : nullptr;
    const json::Value* config = entry.isObject() ? entry.find("config") : nullptr;
    const json::Value* name = config && config->isObject() ? config->find("name") : nullptr;
    std::string about;
    if (className && className->isString()) about = className->asString();
    if (name && name->isString() && !name->asString().empty())
        about += (about.empty() ? "'" : " '") + name->asString() + "'";
    return where + (about.empty() ? "" : " (" + about + ")") + ": ";
}

// Runs f, prefixing any engine error with the layer's place (same error type).
template <class F> void inLayerContext(size_t index, const json::Value& entry, F&& f) {
    try {
        f();
    } catch (const ConfigError& e) {
        throw ConfigError(layerContext(index, entry) + e.what());
    } catch (const ShapeError& e) {
        throw ShapeError(layerContext(index, entry) + e.what());
    } catch (const FormatError& e) {
        throw FormatError(layerContext(index, entry) + e.what());
    }
}
} // namespace

json::Value Model::toJson() const {
    json::Value root = json::Value::object();
    root.set("format", kFormat);
    root.set("version", kVersion);
    root.set("name", name);
    const bool chain = isChain();
    root.set("class_name", chain ? "Sequential" : "Functional");
    json::Value layers = json::Value::array();
    for (const Node& n : nodes_) {
        json::Value entry = json::Value::object();
        entry.set("class_name", n.layer->className());
        entry.set("config", n.layer->config());
        if (!chain && !n.inputs.empty()) {
            json::Value inbound = json::Value::array();
            for (int i : n.inputs) inbound.push(nodes_[size_t(i)].layer->name());
            entry.set("inbound_nodes", inbound);
        }
        layers.push(entry);
    }
    root.set("layers", layers);
    return root;
}

Model Model::fromJson(const json::Value& root) {
    if (!root.isObject()) throw FormatError("an architecture must be a JSON object");
    const std::string format = root.getString("format", kFormat);
    if (format != kFormat)
        throw FormatError("not a ConvStudio architecture (format is '" + format + "', expected '" +
                          kFormat + "')");
    const int version = root.getInt("version", kVersion);
    if (version > kVersion)
        throw FormatError("architecture version " + std::to_string(version) +
                          " is newer than this ConvStudio understands (" + std::to_string(kVersion) + ")");
    const json::Value* layersKey = root.find("layers");
    if (!layersKey) throw FormatError("missing key 'layers' (the list of layers)");
    const json::Value& layers = *layersKey;
    if (!layers.isArray() || layers.size() == 0) throw FormatError("'layers' must be a non-empty list");

    Model model;
    model.name = root.getString("name", "model");
    for (size_t i = 0; i < layers.size(); ++i) {
        const json::Value& entry = layers[i];
        inLayerContext(i, entry, [&] {
            if (!entry.isObject()) throw FormatError("expected an object, found " + entry.dump());
            const std::string className = entry.at("class_name").asString();
            json::Value config = entry.find("config") ? entry.at("config") : json::Value::object();
            if (!config.isObject())
                throw FormatError("'config' must be an object, found " + config.dump());
            // Keras 2 style: the first layer carries input_shape instead of an InputLayer.
            if (i == 0 && className != "InputLayer") {
                const json::Value* shape = config.find("input_shape");
                if (!shape)
                    throw FormatError(
                        "the first layer must be an InputLayer (or carry 'input_shape')");
                json::Value inputConfig = json::Value::object();
                inputConfig.set("shape", *shape);
                model.add(createLayer("InputLayer", inputConfig));
            }
            config.erase("input_shape");
            std::vector<std::string> inbound;
            if (const json::Value* in = entry.find("inbound_nodes")) inbound = inboundNames(*in);
            model.add(createLayer(className, config), inbound);
        });
    }
    return model;
}

Model Model::clone() const {
    Model copy = fromJson(toJson());
    if (built_) {
        copy.build(0);
        for (size_t k = 0; k < nodes_.size(); ++k) {
            auto& from = nodes_[k].layer->params();
            auto& to = copy.nodes_[k].layer->params();
            for (size_t p = 0; p < from.size(); ++p) to[p].value = from[p].value;
        }
    }
    return copy;
}

} // namespace cs
