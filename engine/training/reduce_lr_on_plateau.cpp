#include "engine/training/reduce_lr_on_plateau.h"

#include "engine/core/errors.h"
#include "engine/training/optimizer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cs {

ReduceLROnPlateau::ReduceLROnPlateau(std::string monitor, double factor, int patience, double minLr,
                                     double minDelta, int cooldown, MonitorMode mode)
    : factor_(factor), minLr_(minLr), minDelta_(minDelta), patience_(patience), cooldown_(cooldown),
      maximise_(maximises(mode, monitor)) {
    monitor_ = std::move(monitor);
    if (!(factor > 0.0 && factor < 1.0))
        throw ConfigError(
            CS_TEXT("cs::Training",
                    "ReduceLROnPlateau: factor must be between 0 and 1 (it multiplies the rate)"));
    if (patience < 0 || cooldown < 0)
        throw ConfigError(
            CS_TEXT("cs::Training", "ReduceLROnPlateau: patience and cooldown must be 0 or more"));
}

void ReduceLROnPlateau::onTrainBegin(CallbackHost&) {
    wait_ = 0;
    cooldownCounter_ = 0;
    best_.reset();
}

void ReduceLROnPlateau::onEpochEnd(int epoch, const Logs& logs, CallbackHost& host) {
    auto it = logs.find(monitor_);
    if (it == logs.end() || !std::isfinite(it->second)) return;
    const double current = it->second;
    const bool inCooldown = cooldownCounter_ > 0;
    if (inCooldown) {
        --cooldownCounter_;
        wait_ = 0;
    }
    const bool better = !best_ || (maximise_ ? current > *best_ + minDelta_ : current < *best_ - minDelta_);
    if (better) {
        best_ = current;
        wait_ = 0;
        return;
    }
    if (inCooldown) return;
    if (++wait_ < patience_) return;
    Optimizer& opt = host.optimizer();
    const double old = opt.learningRate;
    if (old > minLr_) {
        opt.learningRate = std::max(old * factor_, minLr_);
        cooldownCounter_ = cooldown_;
        wait_ = 0;
        TrainingEvent e;
        e.kind = TrainingEvent::Kind::LearningRateReduced;
        e.epoch = epoch;
        e.value = opt.learningRate;
        e.monitor = monitor_;
        auto number = [](double v) { // as %g prints it
            char buf[32];
            std::snprintf(buf, sizeof buf, "%g", v);
            return std::string(buf);
        };
        e.message = CS_TEXT("cs::Training", "learning rate reduced from %1 to %2 (%3 stalled)")
                        .arg(number(old))
                        .arg(number(opt.learningRate))
                        .arg(monitor_);
        host.report(e);
    }
}

} // namespace cs
