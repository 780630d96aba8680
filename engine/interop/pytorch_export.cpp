#include "engine/interop/pytorch_export.h"

#include "engine/data/dataset_loader.h"
#include "engine/data/preprocessing.h"
#include "engine/interop/keras_h5.h"
#include "engine/interop/onnx_import.h"
#include "engine/io/atomic_file.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace cs {

namespace {

constexpr int kCheckImages = 16;

// A ConvStudio .safetensors model, which the script reads as it is (not a Keras
// .h5, an ONNX model or a JSON architecture).
bool isSafetensorsFile(const std::string& path) {
    std::error_code ec;
    if (path.empty() || !fs::is_regular_file(path, ec) || hasHdf5Signature(path) ||
        looksLikeOnnxFile(path))
        return false;
    std::ifstream in(path, std::ios::binary);
    char first = 0;
    while (in.get(first) && std::isspace(static_cast<unsigned char>(first))) {
    }
    return first != '{';
}

// ConvStudio's outputs for --check: on the first test images when the data set
// is at hand (so the script's reader and preprocessing are checked too), else
// on the formula inputs both sides compute.
void addCheck(LoadedModel& m, const std::string& dataPath, PytorchScriptOptions& o) {
    Tensor input;
    if (!dataPath.empty() && o.dataKind != "image folders") {
        const Dataset data = loadDataset(dataPath);
        const int n = std::min(kCheckImages, data.test.count());
        std::vector<int> first(static_cast<size_t>(n));
        for (int i = 0; i < n; ++i)
            first[size_t(i)] = i;
        fillBatch(data.test, first.data(), n, m.metadata.preprocessing, input, 1);
        o.checkInputs = "test";
        o.checkDescription = "test images of " + data.name;
        o.checkCount = n;
    } else {
        input = pytorchCheckInputs(m.model.inputShape(), kCheckImages);
        o.checkInputs = "formula";
        o.checkDescription = "made-up inputs (no data set to read)";
        o.checkCount = kCheckImages;
    }
    const Tensor& out = m.model.forward(input, RunContext{});
    o.checkProbabilities.assign(out.data(), out.data() + out.size());
}

Json callback(const char* className, Json config) {
    Json c = Json::object();
    c["class_name"] = className;
    c["config"] = std::move(config);
    return c;
}

} // namespace

PytorchExportResult exportPytorchScript(LoadedModel& m, const PytorchExportRequest& request,
                                        const std::string& out) {
    PytorchScriptOptions o;
    PytorchExportResult result;
    result.trained = m.model.isBuilt() && !m.metadata.classNames.empty();
    if (result.trained && isSafetensorsFile(request.modelFile)) {
        o.weightsPath = fs::absolute(request.modelFile).lexically_normal().string();
    } else if (result.trained) {
        // In memory, a Keras .h5 or an ONNX model: the script reads .safetensors,
        // so the weights go beside it.
        result.weightsWritten = fs::path(out).replace_extension(".safetensors").string();
        o.weightsPath = fs::absolute(result.weightsWritten).lexically_normal().string();
    }
    std::error_code ec;
    std::string data = request.dataPath;
    if (data.empty() && m.metadata.dataset == "Fashion-MNIST" && fs::is_directory(kDefaultDatasetDir, ec))
        data = kDefaultDatasetDir;
    if (!data.empty()) {
        o.dataPath = fs::absolute(data).lexically_normal().string();
        o.dataKind = datasetKindName(detectDatasetKind(data));
    }
    o.callbacks = request.callbacks;
    if (result.trained) addCheck(m, o.dataPath, o);

    // Everything that can fail (an unknown callback, a data set that does not
    // load) has failed by now: only then are files written.
    const std::string script = pytorchTrainingScript(m, o);
    if (!result.weightsWritten.empty())
        saveModelFile(result.weightsWritten, m.model, m.metadata, nullptr);
    writeFileAtomically(out, {script});
    result.weightsPath = o.weightsPath;
    result.dataPath = o.dataPath;
    result.checkCount = o.checkProbabilities.empty() ? 0 : o.checkCount;
    result.checkDescription = o.checkDescription;
    return result;
}

Json scriptCallbacks(const TrainingSettings& t) {
    // The settings' own JSON form holds each callback with Keras's parameter
    // names plus "enabled": the script takes the enabled ones as they are.
    const Json saved = json::at(t.toJson(), "callbacks");
    Json list = Json::array();
    for (const auto& [key, className] : {std::pair{"early_stopping", "EarlyStopping"},
                                         std::pair{"reduce_lr_on_plateau", "ReduceLROnPlateau"},
                                         std::pair{"model_checkpoint", "ModelCheckpoint"}}) {
        const Json* c = json::find(saved, key);
        if (!c || !json::getBool(*c, "enabled", false)) continue;
        Json config = *c;
        config.erase("enabled");
        list.push_back(callback(className, config));
    }
    return list;
}

} // namespace cs
