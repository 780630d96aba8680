#include "engine/training/early_stopping.h"

#include "engine/core/errors.h"
#include "engine/model/model.h"

#include <cmath>

namespace cs {

EarlyStopping::EarlyStopping(std::string monitor, double minDelta, int patience, MonitorMode mode,
                             bool restoreBestWeights)
    : minDelta_(std::abs(minDelta)), patience_(patience), maximise_(maximises(mode, monitor)),
      restore_(restoreBestWeights) {
    monitor_ = std::move(monitor);
    if (patience < 0)
        throw ConfigError(CS_TEXT("cs::Settings", "EarlyStopping: patience must be 0 or more"));
}

void EarlyStopping::onTrainBegin(CallbackHost&) {
    wait_ = 0;
    stoppedEpoch_ = -1;
    bestEpoch_ = -1;
    best_.reset();
    bestWeights_.clear();
}

bool EarlyStopping::improved(double current, double reference) const {
    return maximise_ ? current - minDelta_ > reference : current + minDelta_ < reference;
}

void EarlyStopping::onEpochEnd(int epoch, const Logs& logs, CallbackHost& host) {
    auto it = logs.find(monitor_);
    if (it == logs.end() || !std::isfinite(it->second)) return;
    const double current = it->second;
    ++wait_;
    if (!best_ || improved(current, *best_)) {
        best_ = current;
        bestEpoch_ = epoch;
        wait_ = 0;
        if (restore_) {
            bestWeights_.clear();
            for (Param* p : host.model().parameters()) bestWeights_.push_back(p->value);
        }
        return;
    }
    if (wait_ >= patience_ && epoch > 0) {
        stoppedEpoch_ = epoch;
        host.stopTraining();
        TrainingEvent e;
        e.kind = TrainingEvent::Kind::EarlyStopping;
        e.epoch = epoch;
        e.value = *best_;
        e.monitor = monitor_;
        e.message = CS_TEXT("cs::Training", "early stopping: %1 has not improved for %2 epoch(s); "
                                            "best was epoch %3")
                        .arg(monitor_)
                        .arg(wait_)
                        .arg(bestEpoch_ + 1);
        host.report(e);
        if (restore_ && !bestWeights_.empty()) {
            auto params = host.model().parameters();
            for (size_t i = 0; i < params.size() && i < bestWeights_.size(); ++i)
                params[i]->value = bestWeights_[i];
            TrainingEvent r;
            r.kind = TrainingEvent::Kind::BestWeightsRestored;
            r.epoch = epoch;
            r.value = *best_;
            r.monitor = monitor_;
            r.message =
                CS_TEXT("cs::Training", "restored the weights of epoch %1").arg(bestEpoch_ + 1);
            host.report(r);
        }
    }
}

} // namespace cs
