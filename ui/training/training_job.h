// TrainingJob: the window's adapter around the engine's TrainingSession. It
// turns the document — the model graph (a fresh engine model, so editing
// continues while it trains), the loaded data set and the project's
// preprocessing, augmentation and training settings — into a session, runs
// it with the Train page's progress and stop flag, evaluates the test split
// and hands the result back as a TrainingOutcome. Made on the GUI thread
// (where a bad setting throws at once, with a message for the person), run
// on the training thread.
//
//   TrainingJob job(doc.graph(), doc.settings(), datasets.current(), {});
//   TrainingOutcome out = job.run(&observer, &stopFlag); // worker thread
//   saveTrainedModel(*out.trained, "model.safetensors");
#pragma once

#include "ui/training/training_progress.h"

#include "ui/document/model_graph.h"
#include "ui/document/project_settings.h"

#include "engine/training/training_session.h"

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace ui {

class LoadedDataset;

void saveTrainedModel(TrainedModel& trained, const std::string& path); // throws cs::Error

struct TrainingJobOptions {
    int trainLimit = 0;       // use only the first N training images (0 = all): tests, quick looks
    int testLimit = 0;        // evaluate on the first N test images (0 = all)
    bool evaluateTest = true; // evaluate on the test split after training
};

using cs::effectiveThreads;

class TrainingJob {
public:
    // Throws cs::Error (ConfigError, ShapeError ...) when this cannot train.
    // startWeights (fine-tuning, transfer learning): the layers of that model with
    // the same name, class and weight shapes start from its weights, not fresh ones.
    TrainingJob(const ModelGraph& graph, const ProjectSettings& settings,
                std::shared_ptr<const LoadedDataset> data, const TrainingJobOptions& options,
                std::shared_ptr<const cs::Model> startWeights = nullptr);
    ~TrainingJob();

    cs::FitOptions fitOptions() const { return session_->fitOptions(); }
    // A copy of the model as it is now, with its class names and preprocessing.
    // Call only from the thread that runs the job, between batches (observer callbacks).
    ModelSnapshotPtr snapshot(QString source, int epoch) const;
    // Runs the session (and the test evaluation) with progress to `observer`. Never
    // throws: failures come back in the outcome.
    TrainingOutcome run(cs::TrainingObserver* observer, const std::atomic<bool>* stop);
    // The layers that start from startWeights (empty without them).
    const std::vector<std::string>& layersFromStartWeights() const { return fromStartWeights_; }

private:
    std::shared_ptr<const LoadedDataset> data_;
    TrainingJobOptions options_;
    std::unique_ptr<cs::TrainingSession> session_;
    std::vector<std::string> fromStartWeights_;
};

} // namespace ui
