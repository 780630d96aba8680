// Everything a project holds besides the model: the data set choice, the
// preprocessing, the augmentation and the training settings. Plain values
// with JSON forms (the "data", "preprocessing", "augmentation" and "training"
// members of a project file, docs/formats.md §4); the document keeps one
// ProjectSettings and changes it through undoable commands.
#pragma once

#include "engine/data/augmentation.h"
#include "engine/data/data_binding.h"
#include "engine/data/dataset_loader.h"
#include "engine/data/image_folder_dataset.h"
#include "engine/data/preprocessing.h"
#include "engine/io/json.h"
#include "engine/training/training_config.h"

#include <cstdint>
#include <string>

namespace ui {

// The data set choice (docs/formats.md §4 "data") and Keras's fit() and
// compile() settings with the callbacks (§4 "training"): the engine's values,
// which a TrainingSession trains with.
using DataSettings = cs::DataBinding;
using TrainingSettings = cs::TrainingSettings;

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
