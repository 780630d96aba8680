// The data side of `convstudio-cli train`: opens whatever the --data folder
// holds and trains and tests on it.
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
#include "engine/training/trainer.h"

#include <memory>
#include <string>
#include <vector>

namespace cli {

class TrainingData {
public:
    // Reads the data options of `a`; the model gives image folders their default target size.
    TrainingData(const ParsedArgs& a, const cs::Model& model, const cs::FitOptions& fit);

    const std::string& name() const { return name_; }
    const std::vector<std::string>& classNames() const { return classNames_; }
    int classCount() const { return int(classNames_.size()); }
    const cs::AugmentationOptions& augmentation() const { return augmentation_; }
    bool isImageFolders() const { return kind_ == cs::DatasetKind::ImageFolders; }
    // The line printed before training ("MNIST: 60,000 train / 10,000 test images of 28x28x1,
    // ...").
    std::string description() const;
    // Image folders: how the cache and decoding threads are set up (empty otherwise).
    std::string streamingDetails() const;
    // Settings to store with the model (kind, target size, augmentation ...).
    cs::Json toJson() const;

    cs::History fit(cs::Trainer& trainer);
    // Loss and accuracy on the test split (image folders: test/, else validation/).
    cs::Evaluation evaluateTest(cs::Model& model, const cs::Preprocessing& pre, cs::Loss loss,
                                int threads, const cs::PassControl& control = {});
    const std::string& testSplitName() const { return testName_; }
    int testCount() const;
    // Files skipped while listing or decoding, for the closing report (empty if none).
    std::vector<cs::SkippedFile> skipped() const;

private:
    cs::DatasetKind kind_;
    std::string name_, source_, layout_, note_;
    std::vector<std::string> classNames_;
    cs::AugmentationOptions augmentation_;
    double validationSplit_ = 0;
    int batchSize_ = 32;
    // In memory (IDX, CIFAR-10).
    cs::Dataset dataset_;
    // Image folders.
    cs::ImageFolderOptions folder_;
    cs::StreamingOptions streaming_;
    std::vector<cs::SkippedFile> listingSkipped_;
    std::unique_ptr<cs::StreamingFolderSource> train_, validation_, test_;
    std::string testName_ = "test";
};

} // namespace cli
