// Model <-> architecture JSON (the format is described in docs/formats.md).
#include "engine/core/errors.h"
#include "engine/layers/layer_registry.h"
#include "engine/model/model.h"

namespace cs {

namespace {
constexpr const char* kFormat = "convstudio-architecture";
constexpr int kVersion = 1;
// Our form is ["a", "b"]; Keras's to_json() nests it as [[["a", 0, 0, {}], ...]].
std::vector<std::string> inboundNames(const Json& v) {
    std::vector<std::string> names;
    auto visit = [&](const Json& node, auto& self) -> void {
        if (node.is_string()) {
            names.push_back(json::asString(node));
        } else if (node.is_array() && node.size() > 0 && node[0].is_string()) {
            names.push_back(json::asString(node[0])); // ["a", 0, 0, {}]: the layer name comes first
        } else if (node.is_array()) {
            for (size_t i = 0; i < node.size(); ++i)
                self(node[i], self);
        } else {
            throw FormatError(CS_TEXT("cs::Files", "'%1' must list layer names, found %2")
                                  .arg("inbound_nodes")
                                  .arg(json::dump(node)));
        }
    };
    if (!v.is_array())
        throw FormatError(CS_TEXT("cs::Files", "'%1' must be a list").arg("inbound_nodes"));
    for (size_t i = 0; i < v.size(); ++i)
        visit(v[i], visit);
    return names;
}

// "layer 3 (Dense 'dense_1')" as far as the entry tells, put before messages.
UserText layerContext(size_t index, const Json& entry) {
    const Json* className = entry.is_object() ? json::find(entry, "class_name") : nullptr;
    const Json* config = entry.is_object() ? json::find(entry, "config") : nullptr;
    const Json* name = config && config->is_object() ? json::find(*config, "name") : nullptr;
    std::string about;
    if (className && className->is_string()) about = json::asString(*className);
    if (name && name->is_string() && !json::asString(*name).empty())
        about += (about.empty() ? "'" : " '") + json::asString(*name) + "'";
    const int64_t number = int64_t(index + 1);
    if (about.empty()) return CS_TEXT("cs::Files", "layer %1").arg(number);
    return CS_TEXT("cs::Files", "layer %1 (%2)").arg(number).arg(about);
}

// Runs f, prefixing any engine error with the layer's place (same error type).
template <class F> void inLayerContext(size_t index, const Json& entry, F&& f) {
    try {
        f();
    } catch (const ConfigError& e) {
        throw ConfigError(e.text().within(layerContext(index, entry)));
    } catch (const ShapeError& e) {
        throw ShapeError(e.text().within(layerContext(index, entry)));
    } catch (const FormatError& e) {
        throw FormatError(e.text().within(layerContext(index, entry)));
    }
}
} // namespace

Json Model::toJson() const {
    Json root = Json::object();
    root["format"] = kFormat;
    root["version"] = kVersion;
    root["name"] = name;
    const bool chain = isChain();
    root["class_name"] = chain ? "Sequential" : "Functional";
    Json layers = Json::array();
    for (const Node& n : nodes_) {
        Json entry = Json::object();
        entry["class_name"] = n.layer->className();
        entry["config"] = n.layer->config();
        if (!chain && !n.inputs.empty()) {
            Json inbound = Json::array();
            for (int i : n.inputs)
                inbound.push_back(nodes_[size_t(i)].layer->name());
            entry["inbound_nodes"] = inbound;
        }
        layers.push_back(entry);
    }
    root["layers"] = layers;
    return root;
}

Model Model::fromJson(const Json& root) {
    if (!root.is_object())
        throw FormatError(CS_TEXT("cs::Files", "an architecture must be a JSON object"));
    const std::string format = json::getString(root, "format", kFormat);
    if (format != kFormat)
        throw FormatError(
            CS_TEXT("cs::Files", "not a ConvStudio architecture (format is '%1', expected '%2')")
                .arg(format)
                .arg(kFormat));
    const int version = json::getInt(root, "version", kVersion);
    if (version > kVersion)
        throw FormatError(CS_TEXT("cs::Files", "architecture version %1 is newer than this "
                                               "ConvStudio understands (%2)")
                              .arg(version)
                              .arg(kVersion));
    const Json* layersKey = json::find(root, "layers");
    if (!layersKey)
        throw FormatError(
            CS_TEXT("cs::Files", "missing key '%1' (the list of layers)").arg("layers"));
    const Json& layers = *layersKey;
    if (!layers.is_array() || layers.size() == 0)
        throw FormatError(CS_TEXT("cs::Files", "'%1' must be a non-empty list").arg("layers"));

    Model model;
    model.name = json::getString(root, "name", "model");
    for (size_t i = 0; i < layers.size(); ++i) {
        const Json& entry = layers[i];
        inLayerContext(i, entry, [&] {
            if (!entry.is_object())
                throw FormatError(
                    CS_TEXT("cs::Files", "expected an object, found %1").arg(json::dump(entry)));
            const std::string className = json::asString(json::at(entry, "class_name"));
            Json config = json::find(entry, "config") ? json::at(entry, "config") : Json::object();
            if (!config.is_object())
                throw FormatError(CS_TEXT("cs::Files", "'%1' must be an object, found %2")
                                      .arg("config")
                                      .arg(json::dump(config)));
            // Keras 2 style: the first layer carries input_shape instead of an InputLayer.
            if (i == 0 && className != "InputLayer") {
                const Json* shape = json::find(config, "input_shape");
                if (!shape)
                    throw FormatError(CS_TEXT("cs::Files", "the first layer must be an "
                                                           "InputLayer (or carry 'input_shape')"));
                Json inputConfig = Json::object();
                inputConfig["shape"] = *shape;
                model.add(createLayer("InputLayer", inputConfig));
            }
            config.erase("input_shape");
            std::vector<std::string> inbound;
            if (const Json* in = json::find(entry, "inbound_nodes")) inbound = inboundNames(*in);
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
