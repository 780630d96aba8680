// The data side of `convstudio-cli train`: opens whatever the --data folder
// holds and hands it to the TrainingSession that trains and tests on it.
//  - IDX and CIFAR-10 sets load into memory (uint8); validation is the last
//    --validation-split of train, as Keras takes it.
//  - Image folders stream through StreamingFolderSource (decoded ahead, cached
//    up to --cache-mb): validation is the validation/ folder, or a seeded
//    --validation-split of a single folder; the final test is test/, else
//    validation/.
// Augmentation, when asked for, applies to the training split only.
#pragma once

#include "app/cli/cli_options.h"

#include "engine/data/augmentation.h"
#include "engine/data/dataset_loader.h"
#include "engine/data/streaming_folder_source.h"
#include "engine/model/model.h"
#include "engine/training/training_session.h"

#include <memory>
#include <string>
#include <vector>

namespace cli {

class TrainingData {
public:
    // Reads the data options of `a`; the model gives image folders their default target size.
    TrainingData(const ParsedArgs& a, const cs::Model& model, const cs::TrainingSettings& training);

    const std::string& name() const { return name_; }
    int classCount() const { return int(classNames_.size()); }
    const cs::AugmentationOptions& augmentation() const { return augmentation_; }
    // What the session trains on, and how the config names it.
    cs::DataBinding binding() const;
    cs::SessionData sessionData() const;
    // The line printed before training ("MNIST: 60,000 train / 10,000 test images of 28x28x1,
    // ...").
    std::string description() const;
    // Image folders: how the cache and decoding threads are set up (empty otherwise).
    std::string streamingDetails(const cs::TrainingSession& session) const;

private:
    cs::DatasetKind kind_;
    std::string name_, source_, layout_, note_;
    std::vector<std::string> classNames_;
    cs::AugmentationOptions augmentation_;
    std::shared_ptr<cs::Dataset> dataset_;           // in memory (IDX, CIFAR-10)
    std::shared_ptr<cs::ImageFolderIndex> index_;    // image folders
    cs::ImageFolderOptions folder_;
    cs::StreamingOptions streaming_;
};

} // namespace cli
