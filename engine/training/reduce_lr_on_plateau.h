// ReduceLROnPlateau (Keras): multiply the learning rate by `factor` when
// `monitor` has not improved by min_delta for `patience` epochs, never going
// below min_lr; `cooldown` epochs pass before counting again.
#pragma once

#include "engine/training/callback.h"

#include <optional>

namespace cs {

class ReduceLROnPlateau : public Callback {
public:
    ReduceLROnPlateau(std::string monitor = "val_loss", double factor = 0.1, int patience = 10,
                      double minLr = 0.0, double minDelta = 1e-4, int cooldown = 0,
                      MonitorMode mode = MonitorMode::Auto);
    std::string name() const override { return "ReduceLROnPlateau"; }
    void onTrainBegin(CallbackHost& host) override;
    void onEpochEnd(int epoch, const Logs& logs, CallbackHost& host) override;

private:
    double factor_, minLr_, minDelta_;
    int patience_, cooldown_;
    bool maximise_;
    int wait_ = 0, cooldownCounter_ = 0;
    std::optional<double> best_;
};

} // namespace cs
