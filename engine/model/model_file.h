// Model files (docs/formats.md):
//  - a trained model is one .safetensors file: weights named
//    "<layer>.<weight>" in Keras layouts, optimizer slots named
//    "optimizer/<layer>.<weight>/<slot>", and in __metadata__ the
//    architecture, class names, preprocessing, training settings/history and
//    optimizer config, each as a JSON string;
//  - an architecture alone is a .json file (Model::toJson()).
// Saves are atomic; loads validate every name and shape before use.
#pragma once

#include "engine/data/preprocessing.h"
#include "engine/io/json.h"
#include "engine/model/model.h"
#include "engine/training/optimizer.h"

#include <memory>
#include <string>
#include <vector>

namespace cs {

struct ModelMetadata {
    std::vector<std::string> classNames;
    Preprocessing preprocessing;
    std::string dataset;  // the data set it was trained on ("Fashion-MNIST")
    Json training;        // settings (loss, epochs, batch size ...) and history
};

struct LoadedModel {
    Model model;
    ModelMetadata metadata;
    std::unique_ptr<Optimizer> optimizer; // null when the file holds no optimizer state
};

void saveModelFile(const std::string& path, Model& model, const ModelMetadata& metadata,
                   const Optimizer* optimizer);
LoadedModel loadModelFile(const std::string& path);

void saveArchitectureFile(const std::string& path, const Model& model);
Model loadArchitectureFile(const std::string& path);

// A .json architecture, an ONNX model (engine/interop/onnx_import.h) or a
// .safetensors model, by content.
LoadedModel loadAnyModel(const std::string& path);

} // namespace cs
