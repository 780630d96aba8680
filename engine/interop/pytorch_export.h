// Writing a model's PyTorch training script as a file, the way both the
// window (File > Export > PyTorch Script...) and `convstudio-cli export
// --pytorch` do it: the weights the script starts from (a .safetensors model
// is read where it is; weights from anywhere else are written beside the
// script), the data set it reads by default, the callbacks, and ConvStudio's
// own probabilities on 16 inputs for the script's --check.
//
//   cs::PytorchExportRequest r;
//   r.modelFile = "fashion.safetensors";
//   r.callbacks = cs::scriptCallbacks(settings);
//   cs::PytorchExportResult done = cs::exportPytorchScript(loaded, r, "train.py");
#pragma once

#include "engine/interop/pytorch_script_export.h"
#include "engine/training/training_config.h"

#include <string>

namespace cs {

struct PytorchExportRequest {
    // The file the model was read from: a ConvStudio .safetensors is loaded by
    // the script as it is; "" (a model in memory) or another format gets its
    // weights written beside the script as OUT.safetensors.
    std::string modelFile;
    // The data set the script reads by default; "" = the model's own when it
    // is Fashion-MNIST from its Debian package.
    std::string dataPath;
    Json callbacks = Json::array(); // scriptCallbacks() or the CLI's flags
};

struct PytorchExportResult {
    bool trained = false;          // the script starts from trained weights
    std::string weightsPath;       // what the script loads ("" = fresh weights)
    std::string weightsWritten;    // written beside the script ("" = none)
    std::string dataPath;          // the script's default --data ("" = none)
    int checkCount = 0;            // inputs of --check (0 = no check)
    std::string checkDescription;  // "test images of MNIST", "made-up inputs ..."
};

// Writes the script to `out` (atomically) and the weights beside it when
// needed. Throws Error (a data set that does not load, an unknown callback, a
// file that cannot be written); nothing is left half-written.
PytorchExportResult exportPytorchScript(LoadedModel& model, const PytorchExportRequest& request,
                                        const std::string& out);

// The enabled callbacks of a run's settings as the script's list
// ([{"class_name": "EarlyStopping", "config": {...}}, ...]); CSVLogger has no
// counterpart in the script and is left out.
Json scriptCallbacks(const TrainingSettings& settings);

} // namespace cs
