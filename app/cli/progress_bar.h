// The terminal progress of `convstudio-cli train`, Keras-like:
//   Epoch 3/10
//   750/750 [==============================] 12s - loss: 0.3012 - accuracy: 0.8921 - 4,102 img/s - ETA 1:24
// Redrawn in place (at most ~10 times a second) when stdout is a terminal;
// otherwise only each epoch's final line is printed, so logs stay small.
#pragma once

#include "engine/training/trainer.h"

#include <chrono>

namespace cli {

class ProgressBar : public cs::TrainingObserver {
public:
    explicit ProgressBar(bool interactive);
    void onBatchEnd(const cs::BatchProgress& p) override;
    void onEpochEnd(const cs::EpochSummary& s) override;
    void onEvent(const cs::TrainingEvent& e) override;

private:
    std::string barLine(const cs::BatchProgress& p) const;
    bool interactive_;
    int shownEpoch_ = -1;
    cs::BatchProgress last_;
    std::chrono::steady_clock::time_point lastDraw_{};
};

std::string formatDuration(double seconds); // "1:24", "1:02:03", "12s"

} // namespace cli
