#include "engine/interop/keras_import.h"

#include "engine/core/errors.h"
#include "engine/interop/keras_h5.h"
#include "engine/layers/layer_registry.h"
#include "engine/training/loss.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

namespace cs {

namespace {

// One entry of Keras's config.layers, on its way to ConvStudio's form.
struct KerasLayer {
    std::string className; // ConvStudio's class (after aliases)
    std::string kerasClass;
    std::string name;
    Json config;
    std::vector<std::string> inbound; // names of the layers feeding it (Functional)
    Json inputShape;                  // batch_input_shape found on a non-input layer, or null
};

// "layer 'conv' (Conv2D)": the place in front of a layer's problems.
UserText who(const KerasLayer& l) {
    return CS_TEXT("cs::Keras", "layer '%1' (%2)").arg(l.name).arg(l.kerasClass);
}

// The problems found so far, each a whole translatable text.
using Problems = std::vector<UserText>;

// The layers named by a node's tensors. Keras 2: [["conv2d", 0, 0, {}], ...];
// Keras 3: {"args": [{"class_name": "__keras_tensor__", "config": {"keras_history":
// ["conv2d", 0, 0]}}], "kwargs": {}}, merge layers with the tensors in a list.
void tensorsOfNode(const Json& node, const UserText& layer, std::vector<std::string>& names,
                   Problems& problems) {
    auto take = [&](const Json& history) {
        if (!history.is_array() || history.empty() || !history[0].is_string()) {
            problems.push_back(CS_TEXT("cs::Keras", "unreadable inbound node %1")
                                   .arg(json::dump(history))
                                   .within(layer));
            return;
        }
        const bool firstCall =
            (history.size() < 2 || (history[1].is_number() && json::asNumber(history[1]) == 0)) &&
            (history.size() < 3 || (history[2].is_number() && json::asNumber(history[2]) == 0));
        if (!firstCall)
            problems.push_back(CS_TEXT("cs::Keras", "takes the output of another call of '%1' "
                                                    "(shared layers are not supported)")
                                   .arg(json::asString(history[0]))
                                   .within(layer));
        names.push_back(json::asString(history[0]));
    };
    auto visit = [&](const Json& v, auto& self) -> void {
        if (v.is_string()) {
            names.push_back(json::asString(v)); // ConvStudio's own flat form
        } else if (v.is_array() && !v.empty() && v[0].is_string()) {
            take(v);
        } else if (v.is_array()) {
            for (const Json& item : v)
                self(item, self);
        } else if (v.is_object()) {
            if (const Json* cfg = json::find(v, "config"); cfg && cfg->is_object()) {
                if (const Json* h = json::find(*cfg, "keras_history")) return take(*h);
            }
            if (const Json* args = json::find(v, "args")) self(*args, self);
        }
    };
    visit(node, visit);
}

std::vector<std::string> inboundOf(const Json& entry, const UserText& layer, Problems& problems) {
    std::vector<std::string> names;
    const Json* nodes = json::find(entry, "inbound_nodes");
    if (!nodes) return names;
    if (!nodes->is_array()) {
        problems.push_back(
            CS_TEXT("cs::Files", "'%1' must be a list").arg("inbound_nodes").within(layer));
        return names;
    }
    // A flat list of names is ConvStudio's form; Keras lists one node per call.
    if (!nodes->empty() && (*nodes)[0].is_string()) {
        for (const Json& n : *nodes)
            tensorsOfNode(n, layer, names, problems);
        return names;
    }
    if (nodes->size() > 1)
        problems.push_back(
            CS_TEXT("cs::Keras", "is called %1 times (shared layers are not supported)")
                .arg(int64_t(nodes->size()))
                .within(layer));
    if (!nodes->empty()) tensorsOfNode((*nodes)[0], layer, names, problems);
    return names;
}

bool isDefault(const Json& v, double value) {
    return v.is_null() || (v.is_number() && json::asNumber(v) == value);
}

// Keras keys that say "the default" in a form ConvStudio's spec does not know;
// anything else they could say is a problem.
void cleanConfig(KerasLayer& l, Problems& problems) {
    Json& c = l.config;
    for (const char* key : {"batch_input_shape", "batch_shape", "input_shape"})
        if (l.className != "InputLayer" && c.contains(key)) {
            if (l.inputShape.is_null()) {
                l.inputShape = c[key];
                if (std::string(key) == "input_shape") { // no batch entry: add one
                    Json withBatch = Json::array({nullptr});
                    for (const Json& d : json::items(c[key]))
                        withBatch.push_back(d);
                    l.inputShape = withBatch;
                }
            }
            c.erase(key);
        }
    // `meaning` is marked with CS_NOOP: a translated phrase.
    auto expect = [&](const char* key, auto isFine, const char* meaning) {
        if (const Json* v = json::find(c, key)) {
            if (!isFine(*v))
                problems.push_back(CS_TEXT("cs::Keras", "'%1' = %2 (%3) is not supported")
                                       .arg(key)
                                       .arg(json::dump(*v))
                                       .termArg("cs::Keras", meaning)
                                       .within(who(l)));
            c.erase(key);
        }
    };
    expect(
        "synchronized", [](const Json& v) { return v.is_boolean() && !json::asBool(v); },
        CS_NOOP("cs::Keras", "batch statistics across devices"));
    expect(
        "keepdims", [](const Json& v) { return v.is_boolean() && !json::asBool(v); },
        CS_NOOP("cs::Keras", "keeping the pooled axes"));
    expect(
        "lora_rank", [](const Json& v) { return v.is_null(); },
        CS_NOOP("cs::Keras", "a LoRA adapter"));
    if (l.kerasClass == "ReLU") {
        expect(
            "max_value", [](const Json& v) { return v.is_null(); },
            CS_NOOP("cs::Keras", "a capped ReLU"));
        expect(
            "negative_slope", [](const Json& v) { return isDefault(v, 0); },
            CS_NOOP("cs::Keras", "a leaky ReLU"));
        expect(
            "threshold", [](const Json& v) { return isDefault(v, 0); },
            CS_NOOP("cs::Keras", "a shifted ReLU"));
        c["activation"] = "relu";
    }
    if (l.kerasClass == "Softmax") {
        expect(
            "axis",
            [](const Json& v) {
                const Json& a = v.is_array() && v.size() == 1 ? v[0] : v;
                return a.is_number() && json::asNumber(a) == -1;
            },
            CS_NOOP("cs::Keras", "softmax over another axis than the last"));
        c["activation"] = "softmax";
    }
    if (l.className == "InputLayer") {
        for (const char* key : {"batch_input_shape", "batch_shape"})
            if (const Json* s = json::find(c, key); s && s->is_array())
                for (size_t i = 1; i < s->size(); ++i)
                    if ((*s)[i].is_null())
                        problems.push_back(CS_TEXT("cs::Keras",
                                                   "input shape %1 has a free size (None): "
                                                   "ConvStudio needs a fixed image size; give "
                                                   "Input(shape=(h, w, c))")
                                               .arg(json::dump(*s))
                                               .within(who(l)));
    }
}

// Keras class names ConvStudio knows under another class.
std::string convstudioClass(const std::string& kerasClass) {
    if (kerasClass == "ReLU" || kerasClass == "Softmax") return "Activation";
    return kerasClass;
}

bool isKnownClass(const std::string& cls) {
    for (const LayerSpec& s : layerSpecs())
        if (s.className == cls) return true;
    return false;
}

// Keras 2.0 wrote a Sequential's config as the bare list of layers.
const Json& layerList(const Json& config) {
    if (config.is_array()) return config;
    const Json* layers = config.is_object() ? json::find(config, "layers") : nullptr;
    if (!layers || !layers->is_array())
        throw FormatError(
            CS_TEXT("cs::Keras", "the Keras model's config has no '%1' list").arg("layers"));
    return *layers;
}

// ["input_1", 0, 0] or [["input_1", 0, 0], ...] -> the names.
std::vector<std::string> endpointNames(const Json* v) {
    std::vector<std::string> names;
    if (!v || !v->is_array()) return names;
    if (!v->empty() && (*v)[0].is_string()) return {json::asString((*v)[0])};
    for (const Json& item : *v)
        if (item.is_array() && !item.empty() && item[0].is_string())
            names.push_back(json::asString(item[0]));
    return names;
}

// Functional layers in an order ConvStudio takes: each after its inputs, the
// model's output last (Keras lists them roughly so, not strictly).
std::vector<KerasLayer> topologicalOrder(std::vector<KerasLayer> layers, const std::string& output,
                                         Problems& problems) {
    std::vector<KerasLayer> ordered;
    std::set<std::string> placed;
    std::vector<bool> done(layers.size(), false);
    for (size_t round = 0; round < layers.size(); ++round) {
        int pick = -1;
        for (size_t i = 0; i < layers.size() && pick < 0; ++i) {
            if (done[i] || (layers[i].name == output && ordered.size() + 1 < layers.size()))
                continue;
            const bool ready =
                std::all_of(layers[i].inbound.begin(), layers[i].inbound.end(),
                            [&](const std::string& n) { return placed.count(n) > 0; });
            if (ready) pick = int(i);
        }
        if (pick < 0) {
            for (size_t i = 0; i < layers.size(); ++i)
                if (!done[i])
                    for (const std::string& n : layers[i].inbound)
                        if (!placed.count(n))
                            problems.push_back(CS_TEXT("cs::Keras",
                                                       "takes its input from '%1', which is not a "
                                                       "layer of the model or comes after it")
                                                   .arg(n)
                                                   .within(who(layers[i])));
            if (problems.empty())
                problems.push_back(
                    CS_TEXT("cs::Keras", "the layers do not form one graph ending in '%1'")
                        .arg(output));
            return ordered;
        }
        done[size_t(pick)] = true;
        placed.insert(layers[size_t(pick)].name);
        ordered.push_back(std::move(layers[size_t(pick)]));
    }
    return ordered;
}

// The config against ConvStudio's spec (types, ranges, Keras-only values).
void checkAgainstSpec(const KerasLayer& l, Problems& problems) {
    try {
        createLayer(l.className, l.config);
    } catch (const Error& e) {
        problems.push_back(e.text().within(who(l)));
    }
}

// "not supported by ConvStudio: <first>; <second> ...", each part translatable.
UserText notSupported(Problems problems) {
    UserText text = problems.front().within(CS_TEXT("cs::Keras", "not supported by ConvStudio"));
    text.more.assign(problems.begin() + 1, problems.end());
    return text;
}

} // namespace

bool isKerasModelJson(const Json& doc) {
    if (!doc.is_object() || doc.contains("layers")) return false;
    const Json* cls = json::find(doc, "class_name");
    const Json* cfg = json::find(doc, "config");
    if (!cls || !cls->is_string() || !cfg) return false;
    return cfg->is_array() || (cfg->is_object() && cfg->contains("layers"));
}

Json architectureFromKeras(const Json& doc) {
    if (!isKerasModelJson(doc))
        throw FormatError(CS_TEXT("cs::Keras", "not a Keras model document (expected \"%1\" and a "
                                               "\"%2\" with \"%3\")")
                              .arg("class_name")
                              .arg("config")
                              .arg("layers"));
    const std::string modelClass = json::asString(json::at(doc, "class_name"));
    const Json& config = json::at(doc, "config");
    const bool functional = modelClass != "Sequential";
    if (modelClass != "Sequential" && modelClass != "Functional" && modelClass != "Model")
        throw FormatError(CS_TEXT("cs::Keras", "a Keras '%1' is not supported (ConvStudio reads "
                                               "Sequential and Functional models)")
                              .arg(modelClass));

    Problems problems;
    std::vector<KerasLayer> layers;
    const Json& list = layerList(config);
    if (list.empty()) throw FormatError(CS_TEXT("cs::Keras", "the Keras model has no layers"));
    for (size_t i = 0; i < list.size(); ++i) {
        const Json& entry = list[i];
        if (!entry.is_object() || !json::find(entry, "class_name") ||
            !json::at(entry, "class_name").is_string())
            throw FormatError(CS_TEXT("cs::Keras", "layer %1 of the Keras model has no '%2'")
                                  .arg(int64_t(i + 1))
                                  .arg("class_name"));
        KerasLayer l;
        l.kerasClass = json::asString(json::at(entry, "class_name"));
        l.className = convstudioClass(l.kerasClass);
        const Json* cfg = json::find(entry, "config");
        l.config = cfg && cfg->is_object() ? *cfg : Json::object();
        l.name = json::getString(l.config, "name", json::getString(entry, "name", ""));
        if (l.name.empty()) l.name = "#" + std::to_string(i + 1);
        if (l.kerasClass == "Sequential" || l.kerasClass == "Functional" ||
            l.kerasClass == "Model") {
            problems.push_back(CS_TEXT("cs::Keras", "a model inside the model (such as a "
                                                    "pretrained base) is not supported; flatten "
                                                    "it into one model")
                                   .within(who(l)));
            continue;
        }
        if (!isKnownClass(l.className)) {
            problems.push_back(
                CS_TEXT("cs::Keras", "not a layer type ConvStudio has").within(who(l)));
            continue;
        }
        if (functional) l.inbound = inboundOf(entry, who(l), problems);
        cleanConfig(l, problems);
        checkAgainstSpec(l, problems);
        layers.push_back(std::move(l));
    }

    if (!functional && !layers.empty() && layers[0].className != "InputLayer") {
        // Keras 2 Sequential(..., input_shape=...) without an InputLayer entry.
        if (layers[0].inputShape.is_null()) {
            problems.push_back(CS_TEXT(
                "cs::Keras", "the Sequential model has no input shape (it was never built): give "
                             "its first layer input_shape=(h, w, c), or start with an InputLayer"));
        } else {
            KerasLayer input;
            input.className = input.kerasClass = "InputLayer";
            input.name = layers[0].name + "_input"; // Keras's own name for it
            input.config = Json::object();
            input.config["name"] = input.name;
            input.config["batch_input_shape"] = layers[0].inputShape;
            cleanConfig(input, problems);
            checkAgainstSpec(input, problems);
            layers.insert(layers.begin(), std::move(input));
        }
    }
    if (functional) {
        const std::vector<std::string> inputs =
            endpointNames(config.is_object() ? json::find(config, "input_layers") : nullptr);
        const std::vector<std::string> outputs =
            endpointNames(config.is_object() ? json::find(config, "output_layers") : nullptr);
        if (inputs.size() > 1)
            problems.push_back(
                CS_TEXT("cs::Keras", "the model has %1 inputs (ConvStudio's models have one)")
                    .arg(int64_t(inputs.size())));
        if (outputs.size() > 1)
            problems.push_back(
                CS_TEXT("cs::Keras", "the model has %1 outputs (ConvStudio's models have one)")
                    .arg(int64_t(outputs.size())));
        const std::string output =
            outputs.empty() ? (layers.empty() ? "" : layers.back().name) : outputs[0];
        if (problems.empty()) layers = topologicalOrder(std::move(layers), output, problems);
    }

    if (!problems.empty()) throw FormatError(notSupported(std::move(problems)));

    Json out = Json::object();
    out["format"] = "convstudio-architecture";
    out["version"] = 1;
    out["name"] =
        config.is_object() ? json::getString(config, "name", "model") : std::string("model");
    Json entries = Json::array();
    for (const KerasLayer& l : layers) {
        Json e = Json::object();
        e["class_name"] = l.className;
        e["config"] = l.config;
        if (functional && l.className != "InputLayer") e["inbound_nodes"] = Json(l.inbound);
        entries.push_back(std::move(e));
    }
    out["layers"] = entries;
    return out;
}

namespace {

// Runs f; an engine error gets the path in front (same type), once.
template <class F> auto withPath(const std::string& path, F&& f) {
    auto prefixed = [&](const Error& e) {
        const std::string what = e.what();
        return what.rfind(path, 0) == 0 ? e.text() : e.text().within(path);
    };
    try {
        return f();
    } catch (const ConfigError& e) {
        throw ConfigError(prefixed(e));
    } catch (const ShapeError& e) {
        throw ShapeError(prefixed(e));
    } catch (const ResourceError& e) {
        throw ResourceError(prefixed(e));
    } catch (const IoError& e) {
        throw IoError(prefixed(e));
    } catch (const Error& e) {
        throw FormatError(prefixed(e));
    }
}

Model modelFromKeras(const Json& doc) {
    return Model::fromJson(architectureFromKeras(doc));
}

// "conv2d/kernel:0" -> "kernel"
std::string shortWeightName(const std::string& name) {
    std::string s = name.substr(name.rfind('/') == std::string::npos ? 0 : name.rfind('/') + 1);
    if (const size_t colon = s.find(':'); colon != std::string::npos) s.resize(colon);
    return s;
}

void copyWeights(const std::string& path, const KerasH5File& file, Model& model) {
    std::map<std::string, const KerasH5Layer*> byName;
    for (const KerasH5Layer& l : file.layers)
        byName[l.name] = &l;
    std::set<std::string> used;
    for (int k = 0; k < model.nodeCount(); ++k) {
        Layer& layer = model.layer(k);
        if (layer.params().empty()) continue;
        auto it = byName.find(layer.name());
        if (it == byName.end() || it->second->weights.empty())
            throw FormatError(CS_TEXT("cs::Keras", "model_weights has no weights for layer '%1'")
                                  .arg(layer.name())
                                  .about(path));
        used.insert(layer.name());
        const KerasH5Layer& saved = *it->second;
        std::set<std::string> taken;
        for (Param& p : layer.params()) {
            const KerasH5Weight* w = nullptr;
            for (const KerasH5Weight& candidate : saved.weights)
                if (shortWeightName(candidate.name) == p.name) w = &candidate;
            const std::string group = "model_weights/" + layer.name();
            if (!w) {
                std::string have;
                for (const KerasH5Weight& c : saved.weights)
                    have += (have.empty() ? "" : ", ") + c.name;
                throw FormatError(CS_TEXT("cs::Keras", "%1 has no '%2' weight (it has %3)")
                                      .arg(group)
                                      .arg(p.name)
                                      .arg(have)
                                      .about(path));
            }
            const std::string weight = group + "/" + w->name;
            if (!(w->value.shape() == p.value.shape()))
                throw FormatError(
                    CS_TEXT("cs::Files", "weight '%1' has shape %2, the architecture needs %3")
                        .arg(weight)
                        .arg(w->value.shape().toString())
                        .arg(p.value.shape().toString())
                        .about(path));
            for (int64_t i = 0; i < w->value.size(); ++i)
                if (!std::isfinite(w->value[i]))
                    throw FormatError(
                        (std::isnan(w->value[i])
                             ? CS_TEXT("cs::Keras", "weight '%1' holds NaN at index %2: the model "
                                                    "is broken")
                             : CS_TEXT("cs::Keras", "weight '%1' holds an infinity at index %2: "
                                                    "the model is broken"))
                            .arg(weight)
                            .arg(i)
                            .about(path));
            p.value = w->value;
            taken.insert(w->name);
        }
        for (const KerasH5Weight& w : saved.weights)
            if (!taken.count(w.name))
                throw FormatError(
                    CS_TEXT("cs::Keras", "weight '%1' has no place in ConvStudio's %2")
                        .arg("model_weights/" + layer.name() + "/" + w.name)
                        .arg(layer.className())
                        .about(path));
    }
    for (const KerasH5Layer& l : file.layers)
        if (!l.weights.empty() && !used.count(l.name))
            throw FormatError(CS_TEXT("cs::Keras", "model_weights holds weights of '%1', which is "
                                                   "not a layer of the model_config")
                                  .arg(l.name)
                                  .about(path));
}

// Keras's loss as ConvStudio names it, or "" when it has none such.
std::string lossOf(const Json& trainingConfig) {
    const Json* loss = json::find(trainingConfig, "loss");
    if (!loss) return {};
    std::string name;
    if (loss->is_string())
        name = json::asString(*loss);
    else if (loss->is_object() && json::find(*loss, "class_name") &&
             json::at(*loss, "class_name").is_string()) {
        static const std::map<std::string, std::string> kClasses{
            {"CategoricalCrossentropy", "categorical_crossentropy"},
            {"SparseCategoricalCrossentropy", "sparse_categorical_crossentropy"},
            {"BinaryCrossentropy", "binary_crossentropy"},
            {"MeanSquaredError", "mse"}};
        auto it = kClasses.find(json::asString(json::at(*loss, "class_name")));
        if (it != kClasses.end()) name = it->second;
    }
    try {
        return lossName(lossFromName(name));
    } catch (const Error&) {
        return {};
    }
}

// The compiled optimizer (Adam, SGD, RMSprop, without its state), else null.
std::unique_ptr<Optimizer> optimizerOf(const Json& trainingConfig) {
    const Json* opt = json::find(trainingConfig, "optimizer_config");
    if (!opt || !opt->is_object() || !json::find(*opt, "class_name")) return nullptr;
    try {
        std::string cls = json::asString(json::at(*opt, "class_name"));
        if (cls.rfind("Custom>", 0) == 0) cls = cls.substr(7); // Keras 2.11+ optimizers
        const Json* cfg = json::find(*opt, "config");
        return createOptimizer(cls, cfg && cfg->is_object() ? *cfg : Json::object());
    } catch (const Error&) {
        return nullptr; // a schedule or another optimizer: training picks its own
    }
}

} // namespace

LoadedModel loadKerasJsonDocument(const std::string& path, const Json& doc) {
    return withPath(path, [&] {
        LoadedModel out;
        out.model = modelFromKeras(doc);
        return out;
    });
}

bool looksLikeKerasJsonFile(const std::string& path) {
    std::error_code ec;
    const uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec || size > (64u << 20)) return false;
    try {
        return isKerasModelJson(json::parseFile(path));
    } catch (const Error&) {
        return false;
    }
}

LoadedModel loadKerasJsonFile(const std::string& path) {
    return loadKerasJsonDocument(path, json::parseFile(path));
}

LoadedModel loadKerasH5File(const std::string& path) {
    const KerasH5File file = readKerasH5(path);
    return withPath(path, [&] {
        Json config;
        try {
            config = json::parse(file.modelConfig);
        } catch (const FormatError& e) {
            throw FormatError(
                e.text()
                    .within(CS_TEXT("cs::Keras", "attribute '%1'").arg("model_config"))
                    .within(path));
        }
        LoadedModel out;
        out.model = modelFromKeras(config);
        out.model.build(0);
        copyWeights(path, file, out.model);

        const int units = int(out.model.outputShape().numel());
        for (int c = 0; c < std::max(units, 2); ++c)
            out.metadata.classNames.push_back(std::to_string(c));
        out.metadata.preprocessing =
            Preprocessing{}; // pixel / 255, as the course scales its inputs
        out.metadata.training = Json::object();
        out.metadata.training["source"] =
            "Keras " + (file.kerasVersion.empty() ? std::string("2") : file.kerasVersion) + " " +
            std::filesystem::path(path).filename().string();
        if (!file.trainingConfig.empty()) {
            try {
                const Json training = json::parse(file.trainingConfig);
                if (training.is_object()) {
                    if (const std::string loss = lossOf(training); !loss.empty())
                        out.metadata.training["loss"] = loss;
                    out.optimizer = optimizerOf(training);
                    if (out.optimizer)
                        out.metadata.training["optimizer"] = out.optimizer->className();
                }
            } catch (const FormatError&) {
                // training_config only tells how the model was compiled: the model stands without
                // it
            }
        }
        return out;
    });
}

} // namespace cs
