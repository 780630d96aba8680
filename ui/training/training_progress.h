// The small value structs that carry training progress from the worker thread
// to the GUI through queued signals (TrainingController): one per reported
// batch (throttled), one per epoch, one per callback event, and the outcome of
// the whole run. Plain copies: nothing here points into the worker's state
// except the outcome's trained model, which the worker hands over when done.
#pragma once

#include "engine/training/metrics.h"
#include "ui/training/model_snapshot.h"

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <cmath>
#include <limits>
#include <memory>
#include <vector>

namespace cs {
struct TrainedModel; // engine/training/training_session.h
}

namespace ui {

using TrainedModel = cs::TrainedModel;
class LoadedDataset;

struct BatchUpdate {
    int epoch = 0, epochs = 0;     // 0-based epoch
    int batch = 0, batches = 0;    // batches done in this epoch
    double loss = 0, accuracy = 0; // running means over the epoch so far
    double learningRate = 0;
    double imagesPerSecond = 0;
    double etaSeconds = 0;
    // About once a second: a copy of the model as it is now (Inspect follows it live).
    ModelSnapshotPtr snapshot;
    // Position on the charts' epoch axis: epoch + batch / batches.
    double position() const { return batches > 0 ? epoch + double(batch) / batches : epoch; }
    // Fraction of the whole run done, 0..1.
    double fraction() const { return epochs > 0 ? position() / epochs : 0.0; }
};

struct EpochUpdate {
    static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();
    int epoch = 0, epochs = 0; // 0-based epoch just finished
    double loss = 0, accuracy = 0;
    double valLoss = kNone, valAccuracy = kNone; // NaN without validation
    double learningRate = 0;
    double seconds = 0, imagesPerSecond = 0;
    ModelSnapshotPtr snapshot; // the model at the end of this epoch
    bool hasValidation() const { return !std::isnan(valLoss); }
};

struct EventUpdate {
    enum Kind {
        EarlyStopping,
        BestWeightsRestored,
        CheckpointSaved,
        LearningRateReduced,
        NonFiniteLoss,
        CheckpointFailed,
        LogWriteFailed
    };
    Kind kind = EarlyStopping;
    int epoch = 0; // 0-based
    double value = 0;          // the new learning rate, the monitored value ...
    QString monitor;           // the logged value watched ("val_loss"), empty for none
    QString path, message;
    QString shortName() const; // "early stop", "checkpoint", "LR reduced" ...
    // For the events list: the epoch and the value that matters ("epoch 2 ·
    // learning rate reduced to 0.0005 (val_loss stalled)").
    QString listText() const;
};

// The test split's evaluation of the trained model.
struct TestEvaluation {
    bool done = false;
    QString split; // "test" (or "validation" for image folders without test/)
    double loss = 0;
    cs::ConfusionMatrix confusion;
    // Per image of the split evaluated (its first images when limited): true and predicted class.
    std::vector<int32_t> truth, predicted;
    std::shared_ptr<const LoadedDataset> data; // where those images are
    double accuracy() const { return confusion.accuracy(); }
    // The split's indices of the images of class `truth` predicted as `predicted`.
    std::vector<int> imagesOf(int truthClass, int predictedClass) const {
        std::vector<int> out;
        for (size_t i = 0; i < truth.size() && i < predicted.size(); ++i)
            if (truth[i] == truthClass && predicted[i] == predictedClass) out.push_back(int(i));
        return out;
    }
};

// Where the worker actually holds after Pause: the batch it finished last.
struct HoldPoint {
    int epoch = 0;              // 0-based
    int batch = 0, batches = 0; // of the epoch's training, or of its validation pass
    bool validating = false;
};

struct TrainingOutcome {
    bool failed = false;   // could not start or threw: see error
    bool stopped = false;  // Stop was pressed
    bool diverged = false; // NaN or infinite loss
    QString error;
    int epochsRun = 0;     // complete (and validated) epochs
    // The epoch a stop or a non-finite loss cut short (-1: none), and how far it got.
    int partialEpoch = -1;
    int partialBatches = 0, partialBatchesTotal = 0;
    bool partialInValidation = false; // its training was done; the stop came during validation
    bool hasPartialEpoch() const { return partialEpoch >= 0; }
    double seconds = 0;
    std::shared_ptr<TrainedModel> trained; // the model, optimizer and metadata (null when failed)
    TestEvaluation test;
};

} // namespace ui

Q_DECLARE_METATYPE(ui::BatchUpdate)
Q_DECLARE_METATYPE(ui::EpochUpdate)
Q_DECLARE_METATYPE(ui::EventUpdate)
Q_DECLARE_METATYPE(ui::HoldPoint)
Q_DECLARE_METATYPE(ui::TrainingOutcome)
