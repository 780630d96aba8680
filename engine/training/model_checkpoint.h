// ModelCheckpoint (Keras): saves the model after an epoch — every epoch, or
// only when `monitor` improved (save_best_only). The file path may hold
// Keras's fields, e.g. "ckpt-{epoch:02d}-{val_loss:.2f}.safetensors".
// Its folder (and the file, when the path has no fields) is checked for
// writability when training begins, and the fields when the logs are known,
// so a wrong path fails before the first batch. A save that fails later (a
// full disk) is reported as a CheckpointFailed event and the run goes on; with
// save_best_only the next epoch is compared with the best model actually saved.
#pragma once

#include "engine/training/callback.h"

#include <optional>

namespace cs {

class ModelCheckpoint : public Callback {
public:
    ModelCheckpoint(std::string filepath, std::string monitor = "val_loss", bool saveBestOnly = false,
                    MonitorMode mode = MonitorMode::Auto);
    std::string name() const override { return "ModelCheckpoint"; }
    void checkLogs(const std::vector<std::string>& availableKeys) const override;
    void onTrainBegin(CallbackHost& host) override;
    void onEpochEnd(int epoch, const Logs& logs, CallbackHost& host) override;
    const std::string& lastSaved() const { return lastSaved_; }
    const std::string& filepath() const { return filepath_; }
    bool saveBestOnly() const { return saveBestOnly_; }
    // IoError naming the path when its folder cannot take a file now (see
    // io/output_path.h); a folder holding {fields} is checked when a save happens.
    void checkDestination() const;

    // Fills {epoch[:fmt]} (1-based, as Keras) and {log_key[:fmt]} fields.
    static std::string formatPath(const std::string& pattern, int epoch, const Logs& logs);

private:
    std::string filepath_;
    bool saveBestOnly_, maximise_;
    std::optional<double> best_;
    std::string lastSaved_;
};

} // namespace cs
