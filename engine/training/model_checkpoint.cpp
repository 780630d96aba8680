#include "engine/training/model_checkpoint.h"

#include "engine/core/errors.h"
#include "engine/io/atomic_file.h"
#include "engine/io/output_path.h"

#include <cmath>
#include <cstdio>

namespace cs {

ModelCheckpoint::ModelCheckpoint(std::string filepath, std::string monitor, bool saveBestOnly,
                                 MonitorMode mode)
    : filepath_(std::move(filepath)), saveBestOnly_(saveBestOnly), maximise_(maximises(mode, monitor)) {
    monitor_ = std::move(monitor);
    if (filepath_.empty())
        throw ConfigError(CS_TEXT("cs::Settings", "ModelCheckpoint: filepath is empty"));
}

void ModelCheckpoint::checkLogs(const std::vector<std::string>& keys) const {
    if (saveBestOnly_) Callback::checkLogs(keys);
    // Fields the run does not compute fail now, not at the end of the first epoch.
    Logs sample;
    for (const std::string& k : keys)
        sample[k] = 0.0;
    formatPath(filepath_, 0, sample);
}

void ModelCheckpoint::checkDestination() const {
    if (filepath_.find('{') == std::string::npos) {
        checkCanWriteAtomically(filepath_);
        return;
    }
    const std::string folder = folderOf(filepath_);
    if (folder.find('{') == std::string::npos) checkCanCreateFilesIn(folder, filepath_);
}

void ModelCheckpoint::onTrainBegin(CallbackHost&) {
    best_.reset();
    checkDestination();
}

std::string ModelCheckpoint::formatPath(const std::string& pattern, int epoch, const Logs& logs) {
    std::string out;
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '{') {
            out += pattern[i];
            continue;
        }
        const size_t close = pattern.find('}', i);
        if (close == std::string::npos)
            throw ConfigError(
                CS_TEXT("cs::Settings", "ModelCheckpoint: unclosed '{' in file path '%1'")
                    .arg(pattern));
        const std::string field = pattern.substr(i + 1, close - i - 1);
        const size_t colon = field.find(':');
        const std::string key = field.substr(0, colon);
        std::string spec = colon == std::string::npos ? "" : field.substr(colon + 1);
        if (spec.find_first_not_of("0123456789.dfeg") != std::string::npos)
            throw ConfigError(
                CS_TEXT("cs::Settings", "ModelCheckpoint: unsupported format '%1' in '%2'")
                    .arg(spec)
                    .arg(pattern));
        char buf[64];
        if (key == "epoch") {
            if (spec.empty() || spec.back() != 'd') spec += "d";
            std::snprintf(buf, sizeof buf, ("%" + spec).c_str(), epoch + 1);
        } else {
            auto it = logs.find(key);
            if (it == logs.end())
                throw ConfigError(
                    CS_TEXT(
                        "cs::Settings",
                        "ModelCheckpoint: the file path uses {%1}, which this run does not compute")
                        .arg(key));
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
    const auto monitored = logs.find(monitor_);
    if (saveBestOnly_) {
        if (monitored == logs.end() || !std::isfinite(monitored->second)) return;
        const double current = monitored->second;
        const bool better = !best_ || (maximise_ ? current > *best_ : current < *best_);
        if (!better) return;
    }
    TrainingEvent e;
    e.epoch = epoch;
    e.value = monitored == logs.end() ? 0.0 : monitored->second;
    e.monitor = monitor_;
    try {
        e.path = formatPath(filepath_, epoch, logs);
        host.saveModel(e.path);
    } catch (const std::exception& error) {
        // Losing one checkpoint must not lose the run: the model trains on and
        // the final save still happens.
        e.kind = TrainingEvent::Kind::CheckpointFailed;
        e.message = textOf(error).within(CS_TEXT("cs::Training", "checkpoint not saved"));
        host.report(e);
        return;
    }
    if (saveBestOnly_) best_ = e.value; // the best model on disk, the one to beat
    lastSaved_ = e.path;
    e.kind = TrainingEvent::Kind::CheckpointSaved;
    e.message = saveBestOnly_
                    ? CS_TEXT("cs::Training", "saved %1 (%2 improved)").arg(e.path).arg(monitor_)
                    : CS_TEXT("cs::Training", "saved %1").arg(e.path);
    host.report(e);
}

} // namespace cs
