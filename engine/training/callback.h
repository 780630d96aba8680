// Callbacks: code that runs between epochs, as in Keras (EarlyStopping,
// ModelCheckpoint, ReduceLROnPlateau, CSVLogger). A callback sees the epoch's
// logs ("loss", "accuracy", "val_loss", "val_accuracy", "learning_rate") and
// acts through the CallbackHost the trainer gives it; every action it takes is
// reported as a TrainingEvent, so the GUI can mark it on the charts.
#pragma once

#include "engine/core/user_text.h"

#include <map>
#include <string>
#include <vector>

namespace cs {

class Model;
class Optimizer;

using Logs = std::map<std::string, double>;

struct TrainingEvent {
    // CheckpointFailed and LogWriteFailed are warnings: the run goes on without
    // that file (a full disk must not cost the model being trained).
    enum class Kind {
        EarlyStopping,
        BestWeightsRestored,
        CheckpointSaved,
        LearningRateReduced,
        NonFiniteLoss,
        CheckpointFailed,
        LogWriteFailed
    };
    Kind kind = Kind::EarlyStopping;
    int epoch = 0;        // 0-based epoch at which it happened
    double value = 0.0;   // the new learning rate, the monitored value ...
    std::string monitor;  // the logged value the callback watches ("val_loss"), empty for none
    std::string path;     // the checkpoint written (or not), the log that failed
    UserText message;     // for a person (english() for the CLI)
};

class CallbackHost {
public:
    virtual ~CallbackHost() = default;
    virtual Model& model() = 0;
    virtual Optimizer& optimizer() = 0;
    virtual void stopTraining() = 0;
    virtual void report(const TrainingEvent& event) = 0;
    // Writes the model, with its metadata and optimizer state, to a .safetensors file.
    virtual void saveModel(const std::string& path) = 0;
};

class Callback {
public:
    virtual ~Callback() = default;
    virtual std::string name() const = 0;
    // Throws ConfigError when the monitored value will not exist in this run.
    virtual void checkLogs(const std::vector<std::string>& availableKeys) const;
    virtual void onTrainBegin(CallbackHost&) {}
    virtual void onEpochEnd(int epoch, const Logs& logs, CallbackHost& host) = 0;
    virtual void onTrainEnd(CallbackHost&) {}

protected:
    std::string monitor_;
};

enum class MonitorMode { Auto, Min, Max };
MonitorMode monitorModeFromName(const std::string& name); // auto, min, max
// Keras's auto: maximise when the name mentions accuracy, else minimise.
bool maximises(MonitorMode mode, const std::string& monitor);

} // namespace cs
