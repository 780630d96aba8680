#include "app/cli/export_pytorch.h"

#include "engine/core/errors.h"
#include "engine/interop/pytorch_export.h"

#include <algorithm>
#include <cstdio>

namespace cli {

namespace {

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
    cs::PytorchExportRequest r;
    r.modelFile = modelArg;
    r.dataPath = a.get("--data");
    if (a.has("--early-stopping"))
        r.callbacks.push_back(
            callbackJson("EarlyStopping", "--early-stopping", a.get("--early-stopping"),
                         {"monitor", "min_delta", "patience", "mode", "restore_best_weights"}));
    if (a.has("--reduce-lr-on-plateau"))
        r.callbacks.push_back(callbackJson(
            "ReduceLROnPlateau", "--reduce-lr-on-plateau", a.get("--reduce-lr-on-plateau"),
            {"monitor", "factor", "patience", "min_lr", "min_delta", "cooldown", "mode"}));
    if (a.has("--checkpoint")) {
        cs::Json c = callbackJson("ModelCheckpoint", "--checkpoint", a.get("--checkpoint"),
                                  {"filepath", "monitor", "save_best_only", "mode"});
        if (!c["config"].contains("filepath")) throw UsageError("--checkpoint needs filepath=FILE");
        r.callbacks.push_back(c);
    }
    const cs::PytorchExportResult done = cs::exportPytorchScript(m, r, out);
    std::printf("%s: PyTorch training script of %s (%s)\n", out.c_str(), m.model.name.c_str(),
                done.trained ? ("weights from " + done.weightsPath).c_str()
                             : "fresh weights: the model is not trained");
    if (!done.weightsWritten.empty())
        std::printf("wrote %s: the weights the script starts from\n", done.weightsWritten.c_str());
    if (done.dataPath.empty()) std::printf("no data set given: run it with --data DIR\n");
    if (done.checkCount > 0)
        std::printf("check it: python3 %s --check   (%d %s)\n", out.c_str(), done.checkCount,
                    done.checkDescription.c_str());
}

} // namespace cli
