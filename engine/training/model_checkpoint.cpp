#include "training/model_checkpoint.h"

#include "core/errors.h"

#include <cmath>
#include <cstdio>

namespace cs {

ModelCheckpoint::ModelCheckpoint(std::string filepath, std::string monitor, bool saveBestOnly,
                                 MonitorMode mode)
    : filepath_(std::move(filepath)), saveBestOnly_(saveBestOnly), maximise_(maximises(mode, monitor)) {
    monitor_ = std::move(monitor);
    if (filepath_.empty()) throw ConfigError("ModelCheckpoint: filepath is empty");
}

void ModelCheckpoint::checkLogs(const std::vector<std::string>& keys) const {
    if (saveBestOnly_) Callback::checkLogs(keys);
}

void ModelCheckpoint::onTrainBegin(CallbackHost&) { best_.reset(); }

std::string ModelCheckpoint::formatPath(const std::string& pattern, int epoch, const Logs& logs) {
    std::string out;
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '{') {
            out += pattern[i];
            continue;
        }
        const size_t close = pattern.find('}', i);
        if (close == std::string::npos)
            throw ConfigError("ModelCheckpoint: unclosed '{' in file path '" + pattern + "'");
        const std::string field = pattern.substr(i + 1, close - i - 1);
        const size_t colon = field.find(':');
        const std::string key = field.substr(0, colon);
        std::string spec = colon == std::string::npos ? "" : field.substr(colon + 1);
        if (spec.find_first_not_of("0123456789.dfeg") != std::string::npos)
            throw ConfigError("ModelCheckpoint: unsupported format '" + spec + "' in '" + pattern + "'");
        char buf[64];
        if (key == "epoch") {
            if (spec.empty() || spec.back() != 'd') spec += "d";
            std::snprintf(buf, sizeof buf, ("%" + spec).c_str(), epoch + 1);
        } else {
            auto it = logs.find(key);
            if (it == logs.end())
                throw ConfigError("ModelCheckpoint: the file path uses {" + key +
                                  "}, which this run does not compute");
            if (spec.empty()) spec.assign(1, 'g'); // not = "g": GCC 12's false -Wrestrict
            if (spec.back() == 'd') std::snprintf(buf, sizeof buf, ("%" + spec).c_str(), int(it->second));
            else std::snprintf(buf, sizeof buf, ("%" + spec).c_str(), it->second);
        }
        out += buf;
        i = close;
    }
    return out;
}

void ModelCheckpoint::onEpochEnd(int epoch, const Logs& logs, CallbackHost& host) {
    if (saveBestOnly_) {
        auto it = logs.find(monitor_);
        if (it == logs.end() || !std::isfinite(it->second)) return;
        const double current = it->second;
        const bool better = !best_ || (maximise_ ? current > *best_ : current < *best_);
        if (!better) return;
        best_ = current;
    }
    const std::string path = formatPath(filepath_, epoch, logs);
    host.saveModel(path);
    lastSaved_ = path;
    TrainingEvent e;
    e.kind = TrainingEvent::Kind::CheckpointSaved;
    e.epoch = epoch;
    e.path = path;
    auto it = logs.find(monitor_);
    e.value = it == logs.end() ? 0.0 : it->second;
    e.message = "saved " + path + (saveBestOnly_ ? " (" + monitor_ + " improved)" : "");
    host.report(e);
}

} // namespace cs
