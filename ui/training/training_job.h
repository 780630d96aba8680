// TrainingJob: one training run put together from the document — the model
// graph (a fresh engine model, so editing continues while it trains), the
// data set, preprocessing, augmentation and training settings — and run by
// the engine's Trainer. Made on the GUI thread (where a bad setting throws at
// once, with a message for the person), run on the training thread.
//
//   TrainingJob job(doc.graph(), doc.settings(), datasets.current(), {});
//   TrainingOutcome out = job.run(&observer, &stopFlag); // worker thread
//   saveTrainedModel(*out.trained, "model.safetensors");
#pragma once

#include "ui/training/training_progress.h"

#include "ui/document/model_graph.h"
#include "ui/document/project_settings.h"

#include "engine/model/model_file.h"
#include "engine/training/trainer.h"

#include <atomic>
#include <memory>
#include <string>

namespace ui {

class LoadedDataset;

// What a run leaves behind: enough to save it as `convstudio-cli train` does.
struct TrainedModel {
    cs::Model model;
    std::unique_ptr<cs::Optimizer> optimizer;
    cs::ModelMetadata metadata;
    cs::Loss loss = cs::Loss::CategoricalCrossentropy;
};
void saveTrainedModel(TrainedModel& trained, const std::string& path); // throws cs::Error

struct TrainingJobOptions {
    int trainLimit = 0;       // use only the first N training images (0 = all): tests, quick looks
    int testLimit = 0;        // evaluate on the first N test images (0 = all)
    bool evaluateTest = true; // evaluate on the test split after training
};

// The threads a run uses for the threads setting: 0 = every core, -1 = every
// core but one (the window keeps one), N = N (at most the cores there are).
int effectiveThreads(int setting);

class TrainingJob {
public:
    // Throws cs::Error (ConfigError, ShapeError ...) when this cannot train.
    TrainingJob(const ModelGraph& graph, const ProjectSettings& settings,
                std::shared_ptr<const LoadedDataset> data, const TrainingJobOptions& options);
    ~TrainingJob();

    const cs::FitOptions& fitOptions() const { return fit_; }
    // A copy of the model as it is now, with its class names and preprocessing.
    // Call only from the thread that runs the job, between batches (observer callbacks).
    ModelSnapshotPtr snapshot(QString source, int epoch) const;
    // Runs fit() (and the test evaluation) with progress to `observer`. Never throws:
    // failures come back in the outcome.
    TrainingOutcome run(cs::TrainingObserver* observer, const std::atomic<bool>* stop);

private:
    cs::History fit(cs::Trainer& trainer);
    TestEvaluation evaluateTest(cs::Model& model, int threads, const std::atomic<bool>* stop);
    cs::Json trainingJson(const cs::History* history) const;

    ProjectSettings settings_;
    std::shared_ptr<const LoadedDataset> data_;
    TrainingJobOptions options_;
    cs::FitOptions fit_;
    std::shared_ptr<TrainedModel> trained_;
    std::vector<std::unique_ptr<cs::Callback>> callbacks_;
};

} // namespace ui
