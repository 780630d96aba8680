#include "layers/layer_registry.h"

#include "core/errors.h"
#include "layers/activation_layer.h"
#include "layers/add.h"
#include "layers/average_pooling2d.h"
#include "layers/batch_normalization.h"
#include "layers/concatenate.h"
#include "layers/conv2d.h"
#include "layers/dense.h"
#include "layers/dropout.h"
#include "layers/flatten.h"
#include "layers/global_average_pooling2d.h"
#include "layers/input_layer.h"
#include "layers/max_pooling2d.h"

#include <algorithm>
#include <cmath>

namespace cs {

const std::vector<LayerSpec>& layerSpecs() {
    static const std::vector<LayerSpec> specs{
        InputLayer::spec(),       Conv2D::spec(),           MaxPooling2D::spec(),
        AveragePooling2D::spec(), GlobalAveragePooling2D::spec(), Flatten::spec(),
        Dense::spec(),            Dropout::spec(),          BatchNormalization::spec(),
        ActivationLayer::spec(),  Add::spec(),              Concatenate::spec(),
    };
    return specs;
}

const LayerSpec& layerSpec(const std::string& className) {
    for (const LayerSpec& s : layerSpecs())
        if (s.className == className) return s;
    std::string known;
    for (const LayerSpec& s : layerSpecs()) known += (known.empty() ? "" : ", ") + s.className;
    throw ConfigError("unknown layer type '" + className + "' (known: " + known + ")");
}

namespace {

// Keras config keys we read past without complaint: they describe things this
// engine fixes (float32, Keras's default initialisers) or that do not apply.
const std::vector<std::string> kIgnoredKeys{
    "dtype", "kernel_initializer", "bias_initializer", "bias_regularizer", "activity_regularizer",
    "kernel_constraint", "bias_constraint", "noise_shape", "seed", "beta_initializer",
    "gamma_initializer", "moving_mean_initializer", "moving_variance_initializer", "beta_regularizer",
    "gamma_regularizer", "beta_constraint", "gamma_constraint", "sparse", "ragged", "batch_size"};

// Keras keys accepted only with the value this engine implements: anything
// else would silently build a different network.
bool isSupportedFixedKey(const std::string& key, const json::Value& v) {
    auto allOnes = [&] {
        if (v.isNumber()) return v.asNumber() == 1;
        if (!v.isArray()) return false;
        for (size_t i = 0; i < v.size(); ++i)
            if (!v[i].isNumber() || v[i].asNumber() != 1) return false;
        return true;
    };
    if (key == "dilation_rate" || key == "groups") return allOnes();
    if (key == "data_format") return v.isNull() || (v.isString() && v.asString() == "channels_last");
    if (key == "axis") {
        const json::Value& a = v.isArray() && v.size() == 1 ? v[0] : v;
        return a.isNumber() && (a.asNumber() == -1 || a.asNumber() == 3);
    }
    if (key == "center" || key == "scale") return v.isBool() && v.asBool();
    return false;
}

bool isFixedKey(const std::string& key) {
    return key == "dilation_rate" || key == "groups" || key == "data_format" || key == "axis" ||
           key == "center" || key == "scale";
}

std::string where(const LayerSpec& spec, const std::string& key) {
    return spec.className + " attribute '" + key + "'";
}

double checkedNumber(const LayerSpec& spec, const AttributeSpec& a, const json::Value& v, bool integer) {
    if (!v.isNumber())
        throw ConfigError(where(spec, a.key) + " must be a number, got " + v.dump());
    const double x = v.asNumber();
    if (integer && x != std::floor(x))
        throw ConfigError(where(spec, a.key) + " must be a whole number, got " + v.dump());
    if (x < a.min || x > a.max)
        throw ConfigError(where(spec, a.key) + " must be between " + json::Value(a.min).dump() +
                          " and " + json::Value(a.max).dump() + ", got " + v.dump());
    return x;
}

json::Value normalise(const LayerSpec& spec, const AttributeSpec& a, const json::Value& v) {
    if (v.isNull() && a.defaultValue.isNull()) return v; // "None" where Keras allows it
    switch (a.type) {
    case AttributeType::Int:
        return json::Value(int(checkedNumber(spec, a, v, true)));
    case AttributeType::Float:
        if (a.key == "kernel_regularizer") {
            // Keras writes {"class_name": "L2", "config": {"l2": 0.01}} or null.
            if (v.isNull()) return json::Value(0.0);
            if (v.isObject()) {
                const json::Value& cfg = v.at("config");
                if (!cfg.contains("l2") || cfg.getNumber("l1", 0.0) != 0.0)
                    throw ConfigError(where(spec, a.key) + ": only L2 regularisation is supported, got " +
                                      v.dump());
                return json::Value(checkedNumber(spec, a, cfg.at("l2"), false));
            }
        }
        return json::Value(checkedNumber(spec, a, v, false));
    case AttributeType::Bool:
        if (!v.isBool()) throw ConfigError(where(spec, a.key) + " must be true or false, got " + v.dump());
        return v;
    case AttributeType::Choice: {
        if (!v.isString()) throw ConfigError(where(spec, a.key) + " must be a string, got " + v.dump());
        std::string s = v.asString();
        if (s == "None") s = "linear";
        if (std::find(a.choices.begin(), a.choices.end(), s) == a.choices.end()) {
            std::string list;
            for (auto& c : a.choices) list += (list.empty() ? "" : ", ") + c;
            throw ConfigError(where(spec, a.key) + " must be one of " + list + ", got '" + s + "'");
        }
        return json::Value(s);
    }
    case AttributeType::IntPair: {
        json::Value pair = json::Value::array();
        if (v.isNumber()) {
            int x = int(checkedNumber(spec, a, v, true));
            pair.push(x);
            pair.push(x);
            return pair;
        }
        if (!v.isArray() || v.size() != 2)
            throw ConfigError(where(spec, a.key) + " must be a number or a pair [h, w], got " + v.dump());
        for (size_t i = 0; i < 2; ++i) pair.push(int(checkedNumber(spec, a, v[i], true)));
        return pair;
    }
    case AttributeType::IntList: {
        if (!v.isArray() || v.size() == 0)
            throw ConfigError(where(spec, a.key) + " must be a list of sizes, got " + v.dump());
        json::Value list = json::Value::array();
        for (size_t i = 0; i < v.size(); ++i) list.push(int(checkedNumber(spec, a, v[i], true)));
        return list;
    }
    }
    return v;
}

} // namespace

json::Value completeConfig(const LayerSpec& spec, const json::Value& config) {
    json::Value raw = config.isNull() ? json::Value::object() : config;
    if (!raw.isObject()) throw ConfigError(spec.className + ": config must be a JSON object");
    // Keras writes the input shape with a leading batch dimension.
    if (spec.className == "InputLayer" && !raw.contains("shape")) {
        for (const char* key : {"batch_input_shape", "batch_shape"})
            if (const json::Value* b = raw.find(key)) {
                json::Value shape = json::Value::array();
                for (size_t i = 1; i < b->size(); ++i) shape.push((*b)[i]);
                raw.set("shape", shape);
                raw.erase(key);
            }
    }
    json::Value out = json::Value::object();
    out.set("name", raw.getString("name", ""));
    out.set("trainable", raw.getBool("trainable", true));
    for (const AttributeSpec& a : spec.attributes) {
        const json::Value* v = raw.find(a.key);
        out.set(a.key, normalise(spec, a, v ? *v : a.defaultValue));
    }
    for (const auto& [key, value] : raw.members()) {
        if (key == "name" || key == "trainable" || out.contains(key)) continue;
        if (std::find(kIgnoredKeys.begin(), kIgnoredKeys.end(), key) != kIgnoredKeys.end()) continue;
        if (isFixedKey(key)) {
            if (isSupportedFixedKey(key, value)) continue;
            throw ConfigError(spec.className + " attribute '" + key + "' = " + value.dump() +
                              " is not supported (ConvStudio builds only Keras's default for it)");
        }
        std::string known;
        for (const AttributeSpec& a : spec.attributes) known += (known.empty() ? "" : ", ") + a.key;
        throw ConfigError(spec.className + ": unknown attribute '" + key + "'" +
                          (known.empty() ? std::string(" (it has none)") : " (known: " + known + ")"));
    }
    return out;
}

std::unique_ptr<Layer> createLayer(const std::string& className, const json::Value& config) {
    const LayerSpec& spec = layerSpec(className);
    return spec.create(completeConfig(spec, config));
}

} // namespace cs
