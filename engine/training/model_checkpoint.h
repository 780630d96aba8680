// ModelCheckpoint (Keras): saves the model after an epoch — every epoch, or
// only when `monitor` improved (save_best_only). The file path may hold
// Keras's fields, e.g. "ckpt-{epoch:02d}-{val_loss:.2f}.safetensors".
#pragma once

#include "training/callback.h"

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

    // Fills {epoch[:fmt]} (1-based, as Keras) and {log_key[:fmt]} fields.
    static std::string formatPath(const std::string& pattern, int epoch, const Logs& logs);

private:
    std::string filepath_;
    bool saveBestOnly_, maximise_;
    std::optional<double> best_;
    std::string lastSaved_;
};

} // namespace cs
