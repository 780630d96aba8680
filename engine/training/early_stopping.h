// EarlyStopping (Keras): stop when `monitor` has not improved by more than
// min_delta for `patience` epochs; optionally put back the best epoch's weights.
#pragma once

#include "engine/core/tensor.h"
#include "engine/training/callback.h"

#include <optional>

namespace cs {

class EarlyStopping : public Callback {
public:
    EarlyStopping(std::string monitor = "val_loss", double minDelta = 0.0, int patience = 0,
                  MonitorMode mode = MonitorMode::Auto, bool restoreBestWeights = false);
    std::string name() const override { return "EarlyStopping"; }
    void onTrainBegin(CallbackHost& host) override;
    void onEpochEnd(int epoch, const Logs& logs, CallbackHost& host) override;
    int stoppedEpoch() const { return stoppedEpoch_; } // -1 when it never stopped
    int bestEpoch() const { return bestEpoch_; }

private:
    bool improved(double current, double reference) const;
    double minDelta_;
    int patience_;
    bool maximise_;
    bool restore_;
    int wait_ = 0, stoppedEpoch_ = -1, bestEpoch_ = -1;
    std::optional<double> best_;
    std::vector<Tensor> bestWeights_;
};

} // namespace cs
