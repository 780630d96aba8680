#include "model/model_file.h"

#include "core/errors.h"
#include "io/atomic_file.h"
#include "io/safetensors.h"

#include <fstream>

namespace cs {

namespace {
constexpr const char* kModelFormat = "convstudio-model";
constexpr int kModelVersion = 1;

std::string optimizerTensorName(const std::string& param, const std::string& slot) {
    return "optimizer/" + param + "/" + slot;
}

const std::string& metadataValue(const SafetensorsContent& c, const std::string& path, const std::string& key) {
    auto it = c.metadata.find(key);
    if (it == c.metadata.end())
        throw FormatError(path + ": __metadata__ has no '" + key + "' (not a ConvStudio model file?)");
    return it->second;
}

json::Value parseMetadataJson(const SafetensorsContent& c, const std::string& path, const std::string& key) {
    try {
        return json::Value::parse(metadataValue(c, path, key));
    } catch (const FormatError& e) {
        throw FormatError(path + ": __metadata__ '" + key + "': " + e.what());
    }
}
} // namespace

void saveModelFile(const std::string& path, Model& model, const ModelMetadata& meta, const Optimizer* optimizer) {
    if (!model.isBuilt()) throw ShapeError("the model has no weights to save: build or train it first");
    std::map<std::string, std::string> metadata;
    metadata["format"] = kModelFormat;
    metadata["format_version"] = std::to_string(kModelVersion);
    metadata["architecture"] = model.toJson().dump();
    json::Value classes = json::Value::array(meta.classNames);
    metadata["class_names"] = classes.dump();
    metadata["preprocessing"] = meta.preprocessing.toJson().dump();
    metadata["dataset"] = meta.dataset;
    metadata["training"] = meta.training.isNull() ? "{}" : meta.training.dump();

    std::vector<NamedTensor> tensors;
    for (int k = 0; k < model.nodeCount(); ++k) {
        Layer& layer = model.layer(k);
        for (Param& p : layer.params()) tensors.push_back({layer.name() + "." + p.name, &p.value});
    }
    if (optimizer) {
        json::Value opt = json::Value::object();
        opt.set("class_name", optimizer->className());
        opt.set("config", optimizer->config());
        opt.set("iterations", json::Value(int64_t(optimizer->iterations)));
        metadata["optimizer"] = opt.dump();
        const auto names = optimizer->slotNames();
        for (const auto& [param, slots] : optimizer->slots())
            for (size_t s = 0; s < slots.size() && s < names.size(); ++s)
                tensors.push_back({optimizerTensorName(param, names[s]), &slots[s]});
    }
    writeSafetensors(path, tensors, metadata);
}

LoadedModel loadModelFile(const std::string& path) {
    SafetensorsContent content = readSafetensors(path);
    if (metadataValue(content, path, "format") != kModelFormat)
        throw FormatError(path + ": not a ConvStudio model (format '" + content.metadata["format"] + "')");
    const std::string& version = metadataValue(content, path, "format_version");
    if (version != std::to_string(kModelVersion))
        throw FormatError(path + ": model format version " + version + " is not supported (this ConvStudio reads " +
                          std::to_string(kModelVersion) + ")");
    LoadedModel out;
    try {
        out.model = Model::fromJson(parseMetadataJson(content, path, "architecture"));
        out.model.build(0);
    } catch (const FormatError&) {
        throw;
    } catch (const Error& e) {
        throw FormatError(path + ": its architecture is invalid: " + e.what());
    }
    size_t used = 0;
    for (int k = 0; k < out.model.nodeCount(); ++k) {
        Layer& layer = out.model.layer(k);
        for (Param& p : layer.params()) {
            const std::string name = layer.name() + "." + p.name;
            const Tensor* t = content.find(name);
            if (!t) throw FormatError(path + ": weight '" + name + "' is missing");
            if (!(t->shape() == p.value.shape()))
                throw FormatError(path + ": weight '" + name + "' has shape " + t->shape().toString() +
                                  ", the architecture needs " + p.value.shape().toString());
            p.value = *t;
            ++used;
        }
    }
    out.metadata.classNames = parseMetadataJson(content, path, "class_names").asStringVector();
    out.metadata.preprocessing = Preprocessing::fromJson(parseMetadataJson(content, path, "preprocessing"));
    if (auto it = content.metadata.find("dataset"); it != content.metadata.end()) out.metadata.dataset = it->second;
    if (content.metadata.count("training")) out.metadata.training = parseMetadataJson(content, path, "training");
    const int units = int(out.model.outputShape().numel());
    if (!out.metadata.classNames.empty() && units > 1 && int(out.metadata.classNames.size()) != units)
        throw FormatError(path + ": " + std::to_string(out.metadata.classNames.size()) +
                          " class names for a model with " + std::to_string(units) + " outputs");

    if (content.metadata.count("optimizer")) {
        json::Value opt = parseMetadataJson(content, path, "optimizer");
        out.optimizer = createOptimizer(opt.at("class_name").asString(), opt.at("config"));
        out.optimizer->iterations = opt.at("iterations").asInt64();
        const auto names = out.optimizer->slotNames();
        for (int k = 0; k < out.model.nodeCount(); ++k) {
            Layer& layer = out.model.layer(k);
            for (Param& p : layer.params()) {
                const std::string param = layer.name() + "." + p.name;
                std::vector<Tensor> slots;
                for (const std::string& s : names) {
                    const Tensor* t = content.find(optimizerTensorName(param, s));
                    if (!t) break;
                    if (!(t->shape() == p.value.shape()))
                        throw FormatError(path + ": optimizer slot '" + optimizerTensorName(param, s) +
                                          "' has the wrong shape " + t->shape().toString());
                    slots.push_back(*t);
                    ++used;
                }
                if (slots.size() == names.size()) out.optimizer->slots()[param] = std::move(slots);
            }
        }
    }
    if (used != content.tensors.size())
        throw FormatError(path + ": holds " + std::to_string(content.tensors.size() - used) +
                          " tensor(s) that the architecture does not use");
    return out;
}

void saveArchitectureFile(const std::string& path, const Model& model) {
    const std::string text = model.toJson().dump(2) + "\n";
    writeFileAtomically(path, {text});
}

Model loadArchitectureFile(const std::string& path) {
    json::Value root = json::parseFile(path);
    try {
        return Model::fromJson(root);
    } catch (const Error& e) {
        throw FormatError(path + ": " + e.what());
    }
}

LoadedModel loadAnyModel(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(path + ": cannot open");
    char first = 0;
    while (in.get(first) && std::isspace(static_cast<unsigned char>(first))) {}
    if (first == '{') {
        LoadedModel out;
        out.model = loadArchitectureFile(path);
        return out;
    }
    return loadModelFile(path);
}

} // namespace cs
