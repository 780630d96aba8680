#include "app/cli/export_pytorch.h"

#include "engine/core/errors.h"
#include "engine/data/dataset_loader.h"
#include "engine/data/preprocessing.h"
#include "engine/interop/keras_h5.h"
#include "engine/interop/onnx_import.h"
#include "engine/interop/pytorch_script_export.h"
#include "engine/io/atomic_file.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace cli {

namespace {

constexpr int kCheckImages = 16;

// A ConvStudio .safetensors model, which the script reads as it is (not a Keras
// .h5, an ONNX model or a JSON architecture).
bool isSafetensorsFile(const std::string& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec) || cs::hasHdf5Signature(path) || cs::looksLikeOnnxFile(path))
        return false;
    std::ifstream in(path, std::ios::binary);
    char first = 0;
    while (in.get(first) && std::isspace(static_cast<unsigned char>(first))) {
    }
    return first != '{';
}

// A callback option "k=v,..." as {"class_name": ..., "config": {...}} with
// numbers and booleans typed, for the script's JSON settings.
cs::Json callbackJson(const std::string& className, const std::string& option,
                      const std::string& text, const std::vector<std::string>& known) {
    cs::Json config = cs::Json::object();
    for (const auto& [key, value] : parseKeyValues(text, option)) {
        if (std::find(known.begin(), known.end(), key) == known.end()) {
            std::string list;
            for (const std::string& k : known)
                list += (list.empty() ? "" : ", ") + k;
            throw UsageError(option + ": unknown parameter '" + key + "' (known: " + list + ")");
        }
        if (value == "true" || value == "false")
            config[key] = value == "true";
        else if (key == "monitor" || key == "mode" || key == "filepath")
            config[key] = value;
        else
            config[key] = toDouble(value, key);
    }
    cs::Json c = cs::Json::object();
    c["class_name"] = className;
    c["config"] = config;
    return c;
}

// ConvStudio's outputs for --check: on the first test images when the data set
// is at hand (so the script's reader and preprocessing are checked too), else
// on the formula inputs both sides compute.
void addCheck(cs::LoadedModel& m, const std::string& dataPath, cs::PytorchScriptOptions& o) {
    cs::Tensor input;
    if (!dataPath.empty() && o.dataKind != "image folders") {
        const cs::Dataset data = cs::loadDataset(dataPath);
        const int n = std::min(kCheckImages, data.test.count());
        std::vector<int> first(static_cast<size_t>(n));
        for (int i = 0; i < n; ++i)
            first[size_t(i)] = i;
        cs::fillBatch(data.test, first.data(), n, m.metadata.preprocessing, input, 1);
        o.checkInputs = "test";
        o.checkDescription = "test images of " + data.name;
        o.checkCount = n;
    } else {
        input = cs::pytorchCheckInputs(m.model.inputShape(), kCheckImages);
        o.checkInputs = "formula";
        o.checkDescription = "made-up inputs (no data set to read)";
        o.checkCount = kCheckImages;
    }
    const cs::Tensor& out = m.model.forward(input, cs::RunContext{});
    o.checkProbabilities.assign(out.data(), out.data() + out.size());
}

} // namespace

std::vector<OptionSpec> pytorchExportOptionSpecs() {
    return {
        {"--data", "DIR",
         "the data set the script trains on (default: the model's, if it is "
         "Fashion-MNIST from its Debian package); its first 16 test images are the "
         "script's --check"},
        {"--early-stopping", "k=v,...",
         "EarlyStopping(monitor, min_delta, patience, mode, "
         "restore_best_weights) in the script"},
        {"--reduce-lr-on-plateau", "k=v,...",
         "ReduceLROnPlateau(monitor, factor, patience, min_lr, "
         "min_delta, cooldown, mode) in the script"},
        {"--checkpoint", "k=v,...",
         "ModelCheckpoint(filepath, monitor, save_best_only, mode) in the script"},
    };
}

void exportPytorch(const ParsedArgs& a, const std::string& modelArg, cs::LoadedModel& m,
                   const std::string& out) {
    cs::PytorchScriptOptions o;
    const bool trained = m.model.isBuilt() && !m.metadata.classNames.empty();
    std::error_code ec;
    std::string weightsWritten;
    if (trained && isSafetensorsFile(modelArg)) {
        o.weightsPath = fs::absolute(modelArg).lexically_normal().string();
    } else if (trained) {
        // A Keras .h5 or an ONNX model: the script reads .safetensors, so the weights go beside it.
        weightsWritten = fs::path(out).replace_extension(".safetensors").string();
        cs::saveModelFile(weightsWritten, m.model, m.metadata, nullptr);
        o.weightsPath = fs::absolute(weightsWritten).lexically_normal().string();
    }
    std::string data = a.get("--data");
    if (data.empty() && m.metadata.dataset == "Fashion-MNIST" &&
        fs::is_directory(cs::kDefaultDatasetDir, ec))
        data = cs::kDefaultDatasetDir;
    if (!data.empty()) {
        o.dataPath = fs::absolute(data).lexically_normal().string();
        o.dataKind = cs::datasetKindName(cs::detectDatasetKind(data));
    }
    if (a.has("--early-stopping"))
        o.callbacks.push_back(
            callbackJson("EarlyStopping", "--early-stopping", a.get("--early-stopping"),
                         {"monitor", "min_delta", "patience", "mode", "restore_best_weights"}));
    if (a.has("--reduce-lr-on-plateau"))
        o.callbacks.push_back(callbackJson(
            "ReduceLROnPlateau", "--reduce-lr-on-plateau", a.get("--reduce-lr-on-plateau"),
            {"monitor", "factor", "patience", "min_lr", "min_delta", "cooldown", "mode"}));
    if (a.has("--checkpoint")) {
        cs::Json c = callbackJson("ModelCheckpoint", "--checkpoint", a.get("--checkpoint"),
                                  {"filepath", "monitor", "save_best_only", "mode"});
        if (!c["config"].contains("filepath")) throw UsageError("--checkpoint needs filepath=FILE");
        o.callbacks.push_back(c);
    }
    if (trained) addCheck(m, o.dataPath, o);

    const std::string script = cs::pytorchTrainingScript(m, o);
    cs::writeFileAtomically(out, {script});
    std::printf("%s: PyTorch training script of %s (%s)\n", out.c_str(), m.model.name.c_str(),
                trained ? ("weights from " + o.weightsPath).c_str()
                        : "fresh weights: the model is not trained");
    if (!weightsWritten.empty())
        std::printf("wrote %s: the weights the script starts from\n", weightsWritten.c_str());
    if (o.dataPath.empty()) std::printf("no data set given: run it with --data DIR\n");
    if (trained)
        std::printf("check it: python3 %s --check   (%d %s)\n", out.c_str(), o.checkCount,
                    o.checkDescription.c_str());
}

} // namespace cli
