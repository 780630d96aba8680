#include "engine/layers/layer_registry.h"

#include "engine/core/errors.h"
#include "engine/layers/activation_layer.h"
#include "engine/layers/add.h"
#include "engine/layers/average_pooling2d.h"
#include "engine/layers/batch_normalization.h"
#include "engine/layers/concatenate.h"
#include "engine/layers/conv2d.h"
#include "engine/layers/dense.h"
#include "engine/layers/dropout.h"
#include "engine/layers/flatten.h"
#include "engine/layers/global_average_pooling2d.h"
#include "engine/layers/input_layer.h"
#include "engine/layers/max_pooling2d.h"

#include <algorithm>
#include <cmath>

namespace cs {

const std::vector<LayerSpec>& layerSpecs() {
    static const std::vector<LayerSpec> specs = [] {
        std::vector<LayerSpec> all{
            InputLayer::spec(),       Conv2D::spec(),           MaxPooling2D::spec(),
            AveragePooling2D::spec(), GlobalAveragePooling2D::spec(), Flatten::spec(),
            Dense::spec(),            Dropout::spec(),          BatchNormalization::spec(),
            ActivationLayer::spec(),  Add::spec(),              Concatenate::spec(),
        };
        for (LayerSpec& s : all)
            if (s.iconKey.empty()) s.iconKey = s.category;
        return all;
    }();
    return specs;
}

const LayerSpec* findLayerSpec(const std::string& className) {
    for (const LayerSpec& s : layerSpecs())
        if (s.className == className) return &s;
    return nullptr;
}

const LayerSpec& layerSpec(const std::string& className) {
    if (const LayerSpec* s = findLayerSpec(className)) return *s;
    std::string known;
    for (const LayerSpec& s : layerSpecs())
        known += (known.empty() ? "" : ", ") + s.className;
    throw ConfigError(
        CS_TEXT("cs::Model", "unknown layer type '%1' (known: %2)").arg(className).arg(known));
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
bool isSupportedFixedKey(const std::string& key, const Json& v) {
    auto allOnes = [&] {
        if (v.is_number()) return json::asNumber(v) == 1;
        if (!v.is_array()) return false;
        for (size_t i = 0; i < v.size(); ++i)
            if (!v[i].is_number() || json::asNumber(v[i]) != 1) return false;
        return true;
    };
    if (key == "dilation_rate" || key == "groups") return allOnes();
    if (key == "data_format")
        return v.is_null() || (v.is_string() && json::asString(v) == "channels_last");
    if (key == "axis") {
        const Json& a = v.is_array() && v.size() == 1 ? v[0] : v;
        return a.is_number() && (json::asNumber(a) == -1 || json::asNumber(a) == 3);
    }
    if (key == "center" || key == "scale") return v.is_boolean() && json::asBool(v);
    return false;
}

bool isFixedKey(const std::string& key) {
    return key == "dilation_rate" || key == "groups" || key == "data_format" || key == "axis" ||
           key == "center" || key == "scale";
}

// "Dense attribute 'units' must be a number, got \"ten\"": `problem` is a format
// whose %1 is the layer type, %2 the attribute and %3 the value found (or, when
// the caller already filled in %1 and %2 and more, the next free number).
ConfigError badAttribute(const LayerSpec& spec, const AttributeSpec& a, UserText problem,
                         const Json& v) {
    if (problem.args.empty()) problem.arg(spec.className).arg(a.key);
    return ConfigError(problem.arg(json::dump(v)));
}

double checkedNumber(const LayerSpec& spec, const AttributeSpec& a, const Json& v, bool integer) {
    if (!v.is_number())
        throw badAttribute(spec, a,
                           CS_TEXT("cs::Model", "%1 attribute '%2' must be a number, got %3"), v);
    const double x = json::asNumber(v);
    if (integer && x != std::floor(x))
        throw badAttribute(
            spec, a, CS_TEXT("cs::Model", "%1 attribute '%2' must be a whole number, got %3"), v);
    if (x < a.min || x > a.max)
        throw badAttribute(
            spec, a,
            CS_TEXT("cs::Model", "%1 attribute '%2' must be between %3 and %4, got %5")
                .arg(spec.className)
                .arg(a.key)
                .arg(json::dump(Json(a.min)))
                .arg(json::dump(Json(a.max))),
            v);
    return x;
}

Json normalise(const LayerSpec& spec, const AttributeSpec& a, const Json& v) {
    if (v.is_null() && a.defaultValue.is_null()) return v; // "None" where Keras allows it
    switch (a.type) {
    case AttributeType::Int:
        return Json(int(checkedNumber(spec, a, v, true)));
    case AttributeType::Float:
        if (a.key == "kernel_regularizer") {
            // Keras writes {"class_name": "L2", "config": {"l2": 0.01}} or null.
            if (v.is_null()) return Json(0.0);
            if (v.is_object()) {
                const Json& cfg = json::at(v, "config");
                if (!cfg.contains("l2") || json::getNumber(cfg, "l1", 0.0) != 0.0)
                    throw badAttribute(spec, a,
                                       CS_TEXT("cs::Model", "%1 attribute '%2': only L2 "
                                                            "regularisation is supported, got %3"),
                                       v);
                return Json(checkedNumber(spec, a, json::at(cfg, "l2"), false));
            }
        }
        return Json(checkedNumber(spec, a, v, false));
    case AttributeType::Bool:
        if (!v.is_boolean())
            throw badAttribute(
                spec, a, CS_TEXT("cs::Model", "%1 attribute '%2' must be true or false, got %3"),
                v);
        return v;
    case AttributeType::Choice: {
        if (!v.is_string())
            throw badAttribute(
                spec, a, CS_TEXT("cs::Model", "%1 attribute '%2' must be a string, got %3"), v);
        std::string s = json::asString(v);
        if (s == "None") s = "linear";
        if (std::find(a.choices.begin(), a.choices.end(), s) == a.choices.end()) {
            std::string list;
            for (auto& c : a.choices)
                list += (list.empty() ? "" : ", ") + c;
            throw ConfigError(CS_TEXT("cs::Model", "%1 attribute '%2' must be one of %3, got '%4'")
                                  .arg(spec.className)
                                  .arg(a.key)
                                  .arg(list)
                                  .arg(s));
        }
        return Json(s);
    }
    case AttributeType::IntPair: {
        Json pair = Json::array();
        if (v.is_number()) {
            int x = int(checkedNumber(spec, a, v, true));
            pair.push_back(x);
            pair.push_back(x);
            return pair;
        }
        if (!v.is_array() || v.size() != 2)
            throw badAttribute(
                spec, a,
                CS_TEXT("cs::Model", "%1 attribute '%2' must be a number or a pair [h, w], got %3"),
                v);
        for (size_t i = 0; i < 2; ++i)
            pair.push_back(int(checkedNumber(spec, a, v[i], true)));
        return pair;
    }
    case AttributeType::IntList: {
        if (!v.is_array() || v.size() == 0)
            throw badAttribute(
                spec, a, CS_TEXT("cs::Model", "%1 attribute '%2' must be a list of sizes, got %3"),
                v);
        Json list = Json::array();
        for (size_t i = 0; i < v.size(); ++i)
            list.push_back(int(checkedNumber(spec, a, v[i], true)));
        return list;
    }
    }
    return v;
}

} // namespace

Json completeConfig(const LayerSpec& spec, const Json& config) {
    Json raw = config.is_null() ? Json::object() : config;
    if (!raw.is_object())
        throw ConfigError(
            CS_TEXT("cs::Model", "config must be a JSON object").about(spec.className));
    // Keras writes the input shape with a leading batch dimension.
    if (spec.className == "InputLayer" && !raw.contains("shape")) {
        for (const char* key : {"batch_input_shape", "batch_shape"})
            if (const Json* b = json::find(raw, key)) {
                const Json& dims = json::items(*b); // FormatError unless a list
                Json shape = Json::array();
                for (size_t i = 1; i < dims.size(); ++i)
                    shape.push_back(dims[i]);
                raw["shape"] = shape;
                raw.erase(key);
            }
    }
    Json out = Json::object();
    out["name"] = json::getString(raw, "name", "");
    out["trainable"] = json::getBool(raw, "trainable", true);
    for (const AttributeSpec& a : spec.attributes) {
        const Json* v = json::find(raw, a.key);
        out[a.key] = normalise(spec, a, v ? *v : a.defaultValue);
    }
    for (const auto& [key, value] : json::members(raw)) {
        if (key == "name" || key == "trainable" || out.contains(key)) continue;
        if (std::find(kIgnoredKeys.begin(), kIgnoredKeys.end(), key) != kIgnoredKeys.end()) continue;
        if (isFixedKey(key)) {
            if (isSupportedFixedKey(key, value)) continue;
            throw ConfigError(CS_TEXT("cs::Model",
                                      "%1 attribute '%2' = %3 is not supported "
                                      "(ConvStudio builds only Keras's default for it)")
                                  .arg(spec.className)
                                  .arg(key)
                                  .arg(json::dump(value)));
        }
        std::string known;
        for (const AttributeSpec& a : spec.attributes)
            known += (known.empty() ? "" : ", ") + a.key;
        if (known.empty())
            throw ConfigError(CS_TEXT("cs::Model", "unknown attribute '%1' (it has none)")
                                  .arg(key)
                                  .about(spec.className));
        throw ConfigError(CS_TEXT("cs::Model", "unknown attribute '%1' (known: %2)")
                              .arg(key)
                              .arg(known)
                              .about(spec.className));
    }
    return out;
}

std::unique_ptr<Layer> createLayer(const std::string& className, const Json& config) {
    const LayerSpec& spec = layerSpec(className);
    return spec.create(completeConfig(spec, config));
}

} // namespace cs
