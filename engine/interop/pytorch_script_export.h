// A model as a PyTorch training script: one readable Python file that needs
// only torch and numpy, with an nn.Module of the same layers (TensorFlow's
// 'same' padding and pooling written out), a reader for the same data set and
// preprocessing, the same optimizer, loss, epochs, batch size and callbacks,
// the weights loaded from the model's .safetensors, CUDA when available and
// DistributedDataParallel when started by torchrun. Its --check mode compares
// its probabilities with ConvStudio's, which the export writes into it.
//
// The script's text comes from pytorch_train_template.py (embedded at build
// time); this unit writes the model class and the settings into it.
//
//   PytorchScriptOptions o;
//   o.weightsPath = "/home/ana/fashion.safetensors";
//   o.dataPath = "/usr/share/datasets/fashion-mnist";
//   std::string text = pytorchTrainingScript(loaded, o);
#pragma once

#include "engine/core/tensor.h"
#include "engine/io/json.h"
#include "engine/model/model_file.h"

#include <string>
#include <vector>

namespace cs {

struct PytorchScriptOptions {
    std::string weightsPath; // the .safetensors the script starts from; "" = fresh weights
    std::string dataPath;    // the default of the script's --data; "" = none
    std::string dataKind;    // "IDX", "CIFAR-10 binary", "image folders"; "" = from the metadata
    Json callbacks = Json::array(); // [{"class_name": "EarlyStopping", "config": {...}}, ...]

    // What --check compares with: ConvStudio's outputs on `checkCount` inputs,
    // either the first test images of the data set ("test") or the inputs of
    // pytorchCheckInputs() ("formula"). Empty probabilities: no check.
    std::string checkInputs;
    std::string checkDescription; // "test images of Fashion-MNIST"
    int checkCount = 0;
    std::vector<float> checkProbabilities;
};

// The script. ConfigError for a callback the script does not know.
std::string pytorchTrainingScript(const LoadedModel& model, const PytorchScriptOptions& options);

// The "formula" inputs of --check, [count, ...inputShape]: value i (flat NHWC
// index) is float(0.5 + 0.5 sin(0.731 i + 0.3)), the same in the script.
Tensor pytorchCheckInputs(const Shape& inputShape, int count);

} // namespace cs
