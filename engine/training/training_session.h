// TrainingSession: one training run as the engine puts it together from a
// TrainingConfig — the optimizer, the loss ("auto" resolved from the output
// layer and class mode), the callbacks, the data sources (in memory, or
// streamed from image folders with the cache shared among the splits),
// augmentation of the training split, the test evaluation and the model file
// with its metadata. The window (ui/training/training_job) and
// `convstudio-cli train` are adapters around it.
//
//   cs::TrainingSession session(model, config, cs::SessionData::inMemory(dataset), pre);
//   cs::History h = session.run(&observer, &stopFlag); // a stop ends it between batches
//   cs::Evaluation test = session.evaluate();          // the test split
//   session.save("model.safetensors");                 // weights, optimizer, metadata
#pragma once

#include "engine/data/dataset_loader.h"
#include "engine/data/image_folder_dataset.h"
#include "engine/data/streaming_folder_source.h"
#include "engine/model/model_file.h"
#include "engine/training/callback.h"
#include "engine/training/trainer.h"
#include "engine/training/training_config.h"

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace cs {

// What a run leaves behind: the model with what saving it needs.
struct TrainedModel {
    Model model;
    std::unique_ptr<Optimizer> optimizer;
    ModelMetadata metadata;
    Loss loss = Loss::CategoricalCrossentropy;
    void save(const std::string& path); // atomic; throws Error
};

// The images a session trains and tests on: a data set in memory (validation
// is the last validation_split of its training set, as Keras takes it), or an
// image-folder listing decoded while training (validation/ or the split of a
// single folder; the test split is test/, else validation/).
struct SessionData {
    std::string name; // stored as the model's "dataset" ("Fashion-MNIST", the folder's name)
    std::vector<std::string> classNames;
    std::shared_ptr<const Dataset> memory;
    int trainLimit = 0; // in memory: only the first N training images (0 = all)
    std::shared_ptr<const ImageFolderIndex> folders;
    StreamingOptions streaming; // image folders: cache budget shared by the splits, decoding

    static SessionData inMemory(std::shared_ptr<const Dataset> set, int trainLimit = 0);
    static SessionData imageFolders(std::shared_ptr<const ImageFolderIndex> index,
                                    const StreamingOptions& streaming = {});
};

// "auto" -> sparse categorical cross-entropy for image folders read with class
// mode sparse, otherwise Keras's choice for the output (defaultLossFor).
Loss resolveLoss(const TrainingConfig& config, int outputUnits);
// The loss a trained model was trained with, from its "training" metadata
// (§2.4): its "loss", or for "auto" or none the same rule as resolveLoss. For
// evaluating a model file (convstudio-cli evaluate, the window's Evaluate).
Loss trainedLoss(const Json& trainingMetadata, int outputUnits);

class TrainingSession {
public:
    // Validates the config, checks that the model takes the data's images and
    // makes the optimizer (or continues `resumed`, whose learning rate then
    // counts) and the callbacks. Throws ConfigError, ShapeError, DataError.
    TrainingSession(Model model, TrainingConfig config, SessionData data,
                    const Preprocessing& preprocessing, std::unique_ptr<Optimizer> resumed = nullptr);
    ~TrainingSession();
    TrainingSession(const TrainingSession&) = delete;
    TrainingSession& operator=(const TrainingSession&) = delete;

    const TrainingConfig& config() const { return config_; }
    const SessionData& data() const { return data_; }
    FitOptions fitOptions() const;
    Model& model() { return trained_->model; }
    Optimizer& optimizer() { return *trained_->optimizer; }
    Loss loss() const { return trained_->loss; }
    // Shared so that a caller can keep the result after the session is gone.
    std::shared_ptr<TrainedModel> trained() const { return trained_; }
    // > 0: the training threads run at this nice level (the window uses 5).
    void setNiceness(int niceness) { niceness_ = niceness; }

    // Trains (building the model's weights from the seed first if it has none);
    // the metadata then holds the settings and the history. Throws on bad data.
    History run(TrainingObserver* observer, const std::atomic<bool>* stop);
    // Loss and confusion on the test split, at the training batch size.
    Evaluation evaluate(const PassControl& control = {});
    const std::string& testSplitName() const { return testName_; }
    int testCount() const;
    void save(const std::string& path) { trained_->save(path); }

    // Image folders: the training source (cache and decoding figures), else null.
    const StreamingFolderSource* trainSource() const { return train_.get(); }
    // Files skipped while listing or decoding (image folders).
    std::vector<SkippedFile> skipped() const;

    // The one writer of the "training" metadata: the config with the loss resolved,
    // the optimizer in use and, after a run, its per-epoch history.
    Json trainingMetadata(const History* history) const;

private:
    StreamingOptions shareOf(size_t images) const;
    void makeCallbacks();

    TrainingConfig config_;
    SessionData data_;
    std::shared_ptr<TrainedModel> trained_;
    std::vector<std::unique_ptr<Callback>> callbacks_;
    std::unique_ptr<StreamingFolderSource> train_, validation_, test_;
    std::string testName_ = "test";
    int niceness_ = 0;
};

} // namespace cs
