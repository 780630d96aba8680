// Everything a project holds besides the model: the data set choice, the
// preprocessing, the augmentation and the training settings. Plain values
// with JSON forms (the "data", "preprocessing", "augmentation" and "training"
// members of a project file, docs/formats.md §4); the document keeps one
// ProjectSettings and changes it through undoable commands.
#pragma once

#include "engine/data/augmentation.h"
#include "engine/data/dataset_loader.h"
#include "engine/data/image_folder_dataset.h"
#include "engine/data/preprocessing.h"
#include "engine/io/json.h"

#include <cstdint>
#include <string>

namespace ui {

struct DataSettings {
    cs::DatasetKind kind = cs::DatasetKind::Idx;
    std::string folder = cs::kDefaultDatasetDir;
    // Image folders only: target size, colour mode, interpolation, class mode,
    // validation_split of a single folder and its seed.
    cs::ImageFolderOptions imageFolders;

    cs::Json toJson() const;
    static DataSettings fromJson(const cs::Json& v);
    bool operator==(const DataSettings& o) const;
};

// Keras's fit() and compile() settings and the callbacks (used by the Train page).
struct TrainingSettings {
    std::string optimizer = "adam"; // adam, sgd, rmsprop
    double learningRate = 1e-3;
    double momentum = 0.0;     // SGD
    bool nesterov = false;     // SGD
    std::string loss = "auto"; // auto: from the output layer and class mode
    int batchSize = 64;
    int epochs = 10;
    double validationSplit = 0.2;
    uint64_t seed = 42;
    int threads = 0; // 0 = every core

    struct EarlyStopping {
        bool enabled = false;
        std::string monitor = "val_loss";
        double minDelta = 0.0;
        int patience = 3;
        bool restoreBestWeights = true;
    } earlyStopping;
    struct Checkpoint {
        bool enabled = false;
        std::string filepath = "best_model.safetensors";
        std::string monitor = "val_loss";
        bool saveBestOnly = true;
    } checkpoint;
    struct ReduceLrOnPlateau {
        bool enabled = false;
        std::string monitor = "val_loss";
        double factor = 0.1;
        int patience = 10;
        double minLr = 0.0;
    } reduceLr;

    cs::Json toJson() const;
    static TrainingSettings fromJson(const cs::Json& v);
};

struct ProjectSettings {
    DataSettings data;
    cs::Preprocessing preprocessing;
    cs::AugmentationOptions augmentation;
    TrainingSettings training;

    cs::Json
    toJson() const; // {"data": ..., "preprocessing": ..., "augmentation": ..., "training": ...}
    static ProjectSettings fromJson(const cs::Json& project);
};

// A short name for the chosen data set: "Fashion-MNIST", "CIFAR-10 (cifar-10-batches-bin)" ...
std::string dataSettingsTitle(const DataSettings& data);

} // namespace ui
