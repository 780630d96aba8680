// Trainer: Keras's fit/evaluate/predict over in-memory uint8 image sets.
//
// fit() runs epochs of mini-batches (shuffled with the seed), optional
// validation (the last fraction of the training set, as Keras takes it, or a
// separate set), the callbacks, and reports per-batch and per-epoch progress to
// an observer. It polls a stop flag before every batch, training or validation:
// a stop ends the run after the batch in progress, with no validation or test
// pass after it, and the unfinished epoch is kept apart as History::partial.
// All work runs inside the trainer's own oneTBB arena of `threads` threads;
// with the same seed and thread count the final weights are bit-identical.
#pragma once

#include "engine/core/parallel.h"
#include "engine/data/batch_source.h"
#include "engine/data/image_set.h"
#include "engine/data/preprocessing.h"
#include "engine/model/model.h"
#include "engine/training/callback.h"
#include "engine/training/loss.h"
#include "engine/training/metrics.h"
#include "engine/training/optimizer.h"

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace cs {

struct FitOptions {
    int epochs = 1;
    int batchSize = 32;
    int stepsPerEpoch = 0; // 0 = the whole training set each epoch
    bool shuffle = true;
    double validationSplit = 0.0;
    uint64_t seed = 42;
    int threads = 0; // 0 = every core
    // > 0: the training threads run at this Linux "nice" level, so a window
    // sharing the cores gets the CPU first when it needs it (the GUI uses 5).
    int niceness = 0;
};

struct BatchProgress {
    int epoch = 0, epochs = 0;   // 0-based epoch
    int batch = 0, batches = 0;  // batches done in this epoch (1-based after the first)
    double loss = 0, accuracy = 0; // running means over the epoch so far
    double learningRate = 0;
    double imagesPerSecond = 0;
    double epochSeconds = 0;     // elapsed in this epoch
    double etaSeconds = 0;       // estimated time left in the whole run
};

struct EpochSummary {
    int epoch = 0, epochs = 0;
    Logs logs; // loss, accuracy, learning_rate (+ val_loss, val_accuracy)
    double seconds = 0;
    double imagesPerSecond = 0; // training images per second of this epoch (validation excluded)
};

// One batch of a pass that only reads the model (validation, evaluation).
struct PassProgress {
    int epoch = -1;             // the training epoch it validates, -1 outside training
    int batch = 0, batches = 0; // batches done (1-based) of the pass
};

class TrainingObserver {
public:
    virtual ~TrainingObserver() = default;
    virtual void onBatchEnd(const BatchProgress&) {}
    // After each batch of the epoch's validation pass (a caller may wait in it while paused).
    virtual void onValidationBatch(const PassProgress&) {}
    virtual void onEpochEnd(const EpochSummary&) {}
    virtual void onEvent(const TrainingEvent&) {}
};

// An epoch a stop interrupted: what was done of it. It is not one of
// History::epochs (those are complete, validated epochs, as Keras's history).
struct PartialEpoch {
    int epoch = 0;                  // 0-based
    int batchesDone = 0, batches = 0;
    double loss = 0, accuracy = 0;  // over the batches done
    bool validationInterrupted = false; // every batch ran; the stop came during validation
};

struct History {
    std::vector<Logs> epochs;
    std::vector<EpochSummary> summaries;
    std::vector<TrainingEvent> events;
    bool stoppedByRequest = false; // the stop flag was raised
    bool diverged = false;         // the loss became NaN or infinite
    std::optional<PartialEpoch> partial; // the epoch a stop cut short, if any
    std::vector<double> series(const std::string& key) const;
};

struct Evaluation {
    double loss = 0;
    ConfusionMatrix confusion;
    std::vector<int32_t> predicted;
    bool interrupted = false; // a stop came before the last batch: the figures cover `predicted` only
    double accuracy() const { return confusion.accuracy(); }
};

// What a long read-only pass checks between batches: a stop flag (polled before
// each batch) and a callback after each one (progress; the GUI waits in it while paused).
struct PassControl {
    const std::atomic<bool>* stop = nullptr;
    std::function<void(const PassProgress&)> afterBatch;
    bool stopRequested() const { return stop && stop->load(); }
};

class Trainer : public CallbackHost {
public:
    Trainer(Model& model, Optimizer& optimizer, Loss loss, FitOptions options);
    ~Trainer() override;

    void setPreprocessing(const Preprocessing& p) { preprocessing_ = p; }
    void addCallback(Callback* callback) { callbacks_.push_back(callback); }
    void setObserver(TrainingObserver* observer) { observer_ = observer; }
    void setStopFlag(const std::atomic<bool>* stop) { stop_ = stop; }
    // How ModelCheckpoint writes files (the caller knows class names and metadata).
    void setModelSaver(std::function<void(const std::string& path)> saver) { saver_ = std::move(saver); }

    // classCount: number of classes of the data (labels must be below it).
    // With an in-memory set, options.validationSplit takes the last fraction
    // as validation data when no separate validation set is given.
    History fit(const ImageSet& train, int classCount, const ImageSet* validation = nullptr,
                const BatchTransform& augmentation = {});
    // Any source of batches (streaming folders, augmented sets ...).
    History fit(BatchSource& train, int classCount, BatchSource* validation = nullptr);

    // CallbackHost
    Model& model() override { return model_; }
    Optimizer& optimizer() override { return optimizer_; }
    void stopTraining() override { stopRequested_ = true; }
    void report(const TrainingEvent& event) override;
    void saveModel(const std::string& path) override;

private:
    struct EpochTotals; // running loss and accuracy of the epoch being trained
    Evaluation validate(BatchSource& set, int classCount, int epoch);
    // The run's epochs (inside the thread arena): train, validate, callbacks, until done or stopped.
    void runEpochs(BatchSource& train, BatchSource* validation, int classCount, int batches,
                   History& history);
    // Trains one epoch's batches; false when it ended early (stop or non-finite loss).
    bool trainEpoch(BatchSource& train, int epoch, int batches, const NamedParams& params,
                    EpochTotals& totals, History& history);
    // One optimisation step on batch b; false when the loss is not finite (reported).
    bool trainBatch(BatchSource& train, int epoch, int b, const NamedParams& params,
                    EpochTotals& totals, History& history);
    void reportBatch(int epoch, int b, int batches, const EpochTotals& totals);
    // Validation, the epoch's logs and report, the callbacks; false when the run stops here.
    bool endEpoch(int epoch, int batches, const EpochTotals& totals, BatchSource* validation,
                  int classCount, History& history);
    // An epoch a stop or a non-finite loss cut short, kept apart as History::partial.
    void keepPartialEpoch(int epoch, int batches, const EpochTotals& totals, bool inValidation,
                          History& history);
    bool stopFlagRaised() const { return stop_ && stop_->load(); }
    NamedParams trainableParams();

    Model& model_;
    Optimizer& optimizer_;
    Loss loss_;
    FitOptions options_;
    Preprocessing preprocessing_;
    std::vector<Callback*> callbacks_;
    TrainingObserver* observer_ = nullptr;
    const std::atomic<bool>* stop_ = nullptr;
    std::function<void(const std::string&)> saver_;
    bool stopRequested_ = false;
    History* history_ = nullptr;
    double trainSecondsSoFar_ = 0; // the run's completed epochs, for the time estimate
    ThreadPool pool_;
    Tensor batch_, lossGrad_;
    ImageSet images_; // the current batch as uint8
    std::vector<int> batchOrder_; // 0, 1, 2 ...: a batch's images in the order read
};

// Loss, confusion matrix and predicted classes of a model on a whole set (inference mode).
// `control` can stop the pass between batches (the result says `interrupted`).
Evaluation evaluate(Model& model, const ImageSet& set, const Preprocessing& pre, Loss loss,
                    int classCount, int batchSize = 256, int threads = 0,
                    const PassControl& control = {});
Evaluation evaluate(Model& model, BatchSource& set, const Preprocessing& pre, Loss loss,
                    int classCount, int batchSize = 256, int threads = 0,
                    const PassControl& control = {});

// Model outputs for a batch of already preprocessed inputs [n, h, w, c] (inference mode).
Tensor predict(Model& model, const Tensor& input, int threads = 0);

} // namespace cs
