#include "engine/model/model_file.h"

#include "engine/core/errors.h"
#include "engine/core/resource_limits.h"
#include "engine/interop/keras_h5.h"
#include "engine/interop/keras_import.h"
#include "engine/interop/onnx_import.h"
#include "engine/io/atomic_file.h"
#include "engine/io/safetensors.h"
#include "engine/model/model_summary.h"

#include <cmath>
#include <filesystem>
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
        throw FormatError(
            CS_TEXT("cs::Files", "__metadata__ has no '%1' (not a ConvStudio model file?)")
                .arg(key)
                .about(path));
    return it->second;
}

Json parseMetadataJson(const SafetensorsContent& c, const std::string& path,
                       const std::string& key) {
    try {
        return json::parse(metadataValue(c, path, key));
    } catch (const FormatError& e) {
        throw FormatError(
            e.text().within(CS_TEXT("cs::Files", "__metadata__ '%1'").arg(key)).within(path));
    }
}
} // namespace

void saveModelFile(const std::string& path, Model& model, const ModelMetadata& meta, const Optimizer* optimizer) {
    if (!model.isBuilt())
        throw ShapeError(
            CS_TEXT("cs::Model", "the model has no weights to save: build or train it first"));
    std::map<std::string, std::string> metadata;
    metadata["format"] = kModelFormat;
    metadata["format_version"] = std::to_string(kModelVersion);
    metadata["architecture"] = json::dump(model.toJson());
    Json classes = Json(meta.classNames);
    metadata["class_names"] = json::dump(classes);
    metadata["preprocessing"] = json::dump(meta.preprocessing.toJson());
    metadata["dataset"] = meta.dataset;
    metadata["training"] = meta.training.is_null() ? "{}" : json::dump(meta.training);

    std::vector<NamedTensor> tensors;
    for (int k = 0; k < model.nodeCount(); ++k) {
        Layer& layer = model.layer(k);
        for (Param& p : layer.params()) tensors.push_back({layer.name() + "." + p.name, &p.value});
    }
    if (optimizer) {
        Json opt = Json::object();
        opt["class_name"] = optimizer->className();
        opt["config"] = optimizer->config();
        opt["iterations"] = Json(int64_t(optimizer->iterations));
        metadata["optimizer"] = json::dump(opt);
        const auto names = optimizer->slotNames();
        for (const auto& [param, slots] : optimizer->slots())
            for (size_t s = 0; s < slots.size() && s < names.size(); ++s)
                tensors.push_back({optimizerTensorName(param, names[s]), &slots[s]});
    }
    writeSafetensors(path, tensors, metadata);
}

namespace {

// The first NaN or infinity of a tensor as "NaN at index 12 of 1,000", or "".
std::string firstNonFinite(const Tensor& t) {
    for (int64_t i = 0; i < t.size(); ++i)
        if (!std::isfinite(t[i]))
            return std::string(std::isnan(t[i]) ? "NaN" : "an infinity") + " at index " +
                   std::to_string(i) + " of " + withThousands(t.size());
    return {};
}

// Optimizer state: a class and config createOptimizer() accepts, a whole
// number of iterations >= 0, and for each weight either every slot (of the
// weight's shape, finite) or none.
std::unique_ptr<Optimizer> readOptimizer(SafetensorsContent& content, const std::string& path,
                                         Model& model, size_t& used) {
    const Json opt = parseMetadataJson(content, path, "optimizer");
    std::unique_ptr<Optimizer> optimizer;
    try {
        if (!opt.is_object())
            throw FormatError(
                CS_TEXT("cs::Files", "expected an object, found %1").arg(json::dump(opt)));
        optimizer = createOptimizer(json::asString(json::at(opt, "class_name")),
                                    json::find(opt, "config") ? json::at(opt, "config") : Json());
        const Json& iterations = json::at(opt, "iterations");
        if (!iterations.is_number() || json::asNumber(iterations) < 0 ||
            json::asNumber(iterations) != double(int64_t(json::asNumber(iterations))))
            throw FormatError(CS_TEXT("cs::Files", "key '%1' must be a whole number >= 0 (the "
                                                   "optimizer's step count), found %2")
                                  .arg("iterations")
                                  .arg(json::dump(iterations)));
        optimizer->iterations = json::asInt64(iterations);
    } catch (const Error& e) {
        throw FormatError(e.text()
                              .within(CS_TEXT("cs::Files", "__metadata__ '%1'").arg("optimizer"))
                              .within(path));
    }
    const auto names = optimizer->slotNames();
    for (int k = 0; k < model.nodeCount(); ++k) {
        Layer& layer = model.layer(k);
        for (Param& p : layer.params()) {
            const std::string param = layer.name() + "." + p.name;
            std::vector<Tensor> slots;
            for (const std::string& s : names) {
                const std::string name = optimizerTensorName(param, s);
                Tensor* t = content.find(name);
                if (!t) continue;
                if (!(t->shape() == p.value.shape()))
                    throw FormatError(CS_TEXT("cs::Files", "optimizer slot '%1' has the wrong "
                                                           "shape %2, its weight has %3")
                                          .arg(name)
                                          .arg(t->shape().toString())
                                          .arg(p.value.shape().toString())
                                          .about(path));
                if (const std::string at = firstNonFinite(*t); !at.empty())
                    throw FormatError(CS_TEXT("cs::Files", "optimizer slot '%1' holds %2: the "
                                                           "saved training state is broken")
                                          .arg(name)
                                          .arg(at)
                                          .about(path));
                slots.push_back(std::move(*t));
                ++used;
            }
            if (!slots.empty() && slots.size() != names.size())
                throw FormatError(
                    CS_TEXT("cs::Files", "optimizer state of '%1' has %2 of the %3 slots %4 keeps")
                        .arg(param)
                        .arg(int64_t(slots.size()))
                        .arg(int64_t(names.size()))
                        .arg(optimizer->className())
                        .about(path));
            if (!slots.empty()) optimizer->slots()[param] = std::move(slots);
        }
    }
    return optimizer;
}

LoadedModel readModelFile(const std::string& path) {
    SafetensorsContent content = readSafetensors(path);
    if (metadataValue(content, path, "format") != kModelFormat)
        throw FormatError(CS_TEXT("cs::Files", "not a ConvStudio model (format '%1')")
                              .arg(content.metadata["format"])
                              .about(path));
    const std::string& version = metadataValue(content, path, "format_version");
    if (version != std::to_string(kModelVersion))
        throw FormatError(CS_TEXT("cs::Files", "model format version %1 is not supported (this "
                                               "ConvStudio reads %2)")
                              .arg(version)
                              .arg(kModelVersion)
                              .about(path));
    LoadedModel out;
    try {
        out.model = Model::fromJson(parseMetadataJson(content, path, "architecture"));
        out.model.build(0);
    } catch (const ResourceError& e) {
        throw ResourceError(e.text().within(path));
    } catch (const Error& e) {
        const std::string what = e.what();
        if (what.rfind(path, 0) == 0) throw;
        throw FormatError(
            e.text()
                .within(CS_TEXT("cs::Files", "__metadata__ '%1' is invalid").arg("architecture"))
                .within(path));
    }
    size_t used = 0;
    for (int k = 0; k < out.model.nodeCount(); ++k) {
        Layer& layer = out.model.layer(k);
        for (Param& p : layer.params()) {
            const std::string name = layer.name() + "." + p.name;
            Tensor* t = content.find(name);
            if (!t)
                throw FormatError(
                    CS_TEXT("cs::Files", "weight '%1' is missing").arg(name).about(path));
            if (!(t->shape() == p.value.shape()))
                throw FormatError(
                    CS_TEXT("cs::Files", "weight '%1' has shape %2, the architecture needs %3")
                        .arg(name)
                        .arg(t->shape().toString())
                        .arg(p.value.shape().toString())
                        .about(path));
            // A NaN weight makes every prediction NaN ("nan%"): refuse it here, by name.
            if (const std::string at = firstNonFinite(*t); !at.empty())
                throw FormatError(CS_TEXT("cs::Files", "weight '%1' holds %2: the model is broken "
                                                       "(did its training diverge?); retrain it")
                                      .arg(name)
                                      .arg(at)
                                      .about(path));
            p.value = std::move(*t);
            ++used;
        }
    }
    auto metadataJson = [&](const std::string& key, auto convert) {
        const Json v = parseMetadataJson(content, path, key);
        try {
            return convert(v);
        } catch (const Error& e) {
            throw FormatError(
                e.text().within(CS_TEXT("cs::Files", "__metadata__ '%1'").arg(key)).within(path));
        }
    };
    out.metadata.classNames =
        metadataJson("class_names", [](const Json& v) { return json::asStringVector(v); });
    out.metadata.preprocessing =
        metadataJson("preprocessing", [](const Json& v) { return Preprocessing::fromJson(v); });
    if (auto it = content.metadata.find("dataset"); it != content.metadata.end()) out.metadata.dataset = it->second;
    if (content.metadata.count("training")) out.metadata.training = parseMetadataJson(content, path, "training");
    const int units = int(out.model.outputShape().numel());
    if (!out.metadata.classNames.empty() && units > 1 && int(out.metadata.classNames.size()) != units)
        throw FormatError(CS_TEXT("cs::Files", "%1 class names for a model with %2 outputs")
                              .arg(int64_t(out.metadata.classNames.size()))
                              .arg(units)
                              .about(path));

    if (content.metadata.count("optimizer"))
        out.optimizer = readOptimizer(content, path, out.model, used);
    if (used != content.tensors.size())
        throw FormatError(
            CS_TEXT("cs::Files", "holds %1 tensor(s) that the architecture does not use")
                .arg(int64_t(content.tensors.size() - used))
                .about(path));
    return out;
}

} // namespace

LoadedModel loadModelFile(const std::string& path) {
    try {
        return readModelFile(path);
    } catch (const ResourceError& e) {
        const std::string what = e.what();
        if (what.rfind(path, 0) == 0) throw;
        throw ResourceError(e.text().within(path));
    } catch (const Error& e) {
        // Every load error starts with the file's path (docs/formats.md).
        const std::string what = e.what();
        if (what.rfind(path, 0) == 0) throw;
        throw FormatError(e.text().within(path));
    }
}

void saveArchitectureFile(const std::string& path, const Model& model) {
    const std::string text = json::dump(model.toJson(), 2) + "\n";
    writeFileAtomically(path, {text});
}

namespace {
// An architecture is a few kilobytes; parsing inflates JSON about 20 times
// in memory, so a huge file is refused before it is read.
Json parseArchitectureText(const std::string& path) {
    constexpr uintmax_t kMaxArchitectureBytes = 64u << 20;
    std::error_code ec;
    const uintmax_t size = std::filesystem::file_size(path, ec);
    if (!ec && size > kMaxArchitectureBytes)
        throw FormatError(
            CS_TEXT("cs::Files", "%1 is far too large for an architecture (at most %2)")
                .arg(formatBytes(size))
                .arg(formatBytes(kMaxArchitectureBytes))
                .about(path));
    return json::parseFile(path);
}

Model architectureFromDocument(const std::string& path, const Json& root) {
    try {
        return Model::fromJson(root);
    } catch (const Error& e) {
        throw FormatError(e.text().within(path));
    }
}
} // namespace

Model loadArchitectureFile(const std::string& path) {
    return architectureFromDocument(path, parseArchitectureText(path));
}

LoadedModel loadAnyModel(const std::string& path) {
    // Keras's files, by content: an HDF5 signature, or a to_json() document.
    const std::string extension = std::filesystem::path(path).extension().string();
    if (hasHdf5Signature(path) || extension == ".h5" || extension == ".hdf5")
        return loadKerasH5File(path); // without the signature: "not an HDF5 file"
    if (extension == ".keras")
        throw FormatError(CS_TEXT("cs::Files", "a Keras 3 .keras archive is not supported: save "
                                               "the model with model.save(\"model.h5\") (or write "
                                               "model.to_json())")
                              .about(path));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(CS_TEXT("cs::Files", "cannot open").about(path));
    if (looksLikeOnnxFile(path)) return importOnnx(path);
    // A UTF-8 byte-order mark (EF BB BF, written by some Windows editors) may come before the JSON.
    char bom[3] = {};
    if (!(in.read(bom, 3) && bom[0] == '\xEF' && bom[1] == '\xBB' && bom[2] == '\xBF')) {
        in.clear();
        in.seekg(0);
    }
    char first = 0;
    while (in.get(first) && std::isspace(static_cast<unsigned char>(first))) {}
    if (first == '{') {
        const Json root = parseArchitectureText(path);
        if (isKerasModelJson(root)) return loadKerasJsonDocument(path, root);
        LoadedModel out;
        out.model = architectureFromDocument(path, root);
        return out;
    }
    return loadModelFile(path);
}

} // namespace cs
