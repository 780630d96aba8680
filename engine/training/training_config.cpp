#include "engine/training/training_config.h"

#include "engine/core/errors.h"
#include "engine/training/callback.h"
#include "engine/training/loss.h"
#include "engine/training/optimizer.h"

#include <algorithm>
#include <cctype>
#include <thread>

namespace cs {

namespace {

const Json& member(const Json& v, const char* key) {
    static const Json empty = Json::object();
    const Json* m = json::find(v, key);
    return m ? *m : empty;
}

std::string lowercase(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

void checkMode(const std::string& callback, const std::string& mode) {
    if (mode != "auto" && mode != "min" && mode != "max")
        throw ConfigError(CS_TEXT("cs::Settings", "%1: mode '%2' is not one of auto, min, max")
                              .arg(callback)
                              .arg(mode));
}

} // namespace

int effectiveThreads(int setting) {
    const int cores = std::max(1, int(std::thread::hardware_concurrency()));
    if (setting == 0) return cores;
    if (setting < 0) return std::max(1, cores + setting);
    return std::min(setting, cores);
}

Json TrainingSettings::toJson() const {
    Json v = Json::object();
    v["optimizer"] = optimizer;
    v["learning_rate"] = learningRate;
    v["momentum"] = momentum;
    v["nesterov"] = nesterov;
    v["loss"] = loss;
    v["batch_size"] = batchSize;
    v["epochs"] = epochs;
    if (stepsPerEpoch > 0) v["steps_per_epoch"] = stepsPerEpoch;
    if (!shuffle) v["shuffle"] = false;
    v["validation_split"] = validationSplit;
    v["seed"] = Json(int64_t(seed));
    v["threads"] = threads;
    Json es = Json::object();
    es["enabled"] = earlyStopping.enabled;
    es["monitor"] = earlyStopping.monitor;
    es["min_delta"] = earlyStopping.minDelta;
    es["patience"] = earlyStopping.patience;
    es["mode"] = earlyStopping.mode;
    es["restore_best_weights"] = earlyStopping.restoreBestWeights;
    Json mc = Json::object();
    mc["enabled"] = checkpoint.enabled;
    mc["filepath"] = checkpoint.filepath;
    mc["monitor"] = checkpoint.monitor;
    mc["save_best_only"] = checkpoint.saveBestOnly;
    mc["mode"] = checkpoint.mode;
    Json rl = Json::object();
    rl["enabled"] = reduceLr.enabled;
    rl["monitor"] = reduceLr.monitor;
    rl["factor"] = reduceLr.factor;
    rl["patience"] = reduceLr.patience;
    rl["min_lr"] = reduceLr.minLr;
    rl["min_delta"] = reduceLr.minDelta;
    rl["cooldown"] = reduceLr.cooldown;
    rl["mode"] = reduceLr.mode;
    Json callbacks = Json::object();
    callbacks["early_stopping"] = es;
    callbacks["model_checkpoint"] = mc;
    callbacks["reduce_lr_on_plateau"] = rl;
    if (csvLogger.enabled) {
        Json log = Json::object();
        log["enabled"] = true;
        log["filename"] = csvLogger.filename;
        callbacks["csv_logger"] = log;
    }
    v["callbacks"] = callbacks;
    return v;
}

TrainingSettings TrainingSettings::fromJson(const Json& v) {
    TrainingSettings t;
    // Older models written by convstudio-cli hold the class name ("Adam", "RMSprop").
    t.optimizer = lowercase(json::getString(v, "optimizer", t.optimizer));
    t.learningRate = json::getNumber(v, "learning_rate", t.learningRate);
    t.momentum = json::getNumber(v, "momentum", t.momentum);
    t.nesterov = json::getBool(v, "nesterov", t.nesterov);
    t.loss = json::getString(v, "loss", t.loss);
    t.batchSize = json::getInt(v, "batch_size", t.batchSize);
    t.epochs = json::getInt(v, "epochs", t.epochs);
    t.stepsPerEpoch = json::getInt(v, "steps_per_epoch", t.stepsPerEpoch);
    t.shuffle = json::getBool(v, "shuffle", t.shuffle);
    t.validationSplit = json::getNumber(v, "validation_split", t.validationSplit);
    t.seed = uint64_t(json::getNumber(v, "seed", double(t.seed)));
    t.threads = json::getInt(v, "threads", t.threads);
    if (t.batchSize < 1 || t.epochs < 1 || t.learningRate <= 0 || t.validationSplit < 0 ||
        t.validationSplit >= 1)
        throw FormatError(
            CS_TEXT("cs::Settings", "training: batch_size, epochs and learning_rate must be "
                                    "positive and validation_split in [0, 1)"));
    t.readCallbacks(member(v, "callbacks"));
    return t;
}

void TrainingSettings::readCallbacks(const Json& callbacks) {
    const Json& es = member(callbacks, "early_stopping");
    earlyStopping.enabled = json::getBool(es, "enabled", false);
    earlyStopping.monitor = json::getString(es, "monitor", earlyStopping.monitor);
    earlyStopping.minDelta = json::getNumber(es, "min_delta", earlyStopping.minDelta);
    earlyStopping.patience = json::getInt(es, "patience", earlyStopping.patience);
    earlyStopping.mode = json::getString(es, "mode", earlyStopping.mode);
    earlyStopping.restoreBestWeights =
        json::getBool(es, "restore_best_weights", earlyStopping.restoreBestWeights);
    const Json& mc = member(callbacks, "model_checkpoint");
    checkpoint.enabled = json::getBool(mc, "enabled", false);
    checkpoint.filepath = json::getString(mc, "filepath", checkpoint.filepath);
    checkpoint.monitor = json::getString(mc, "monitor", checkpoint.monitor);
    checkpoint.saveBestOnly = json::getBool(mc, "save_best_only", checkpoint.saveBestOnly);
    checkpoint.mode = json::getString(mc, "mode", checkpoint.mode);
    const Json& rl = member(callbacks, "reduce_lr_on_plateau");
    reduceLr.enabled = json::getBool(rl, "enabled", false);
    reduceLr.monitor = json::getString(rl, "monitor", reduceLr.monitor);
    reduceLr.factor = json::getNumber(rl, "factor", reduceLr.factor);
    reduceLr.patience = json::getInt(rl, "patience", reduceLr.patience);
    reduceLr.minLr = json::getNumber(rl, "min_lr", reduceLr.minLr);
    reduceLr.minDelta = json::getNumber(rl, "min_delta", reduceLr.minDelta);
    reduceLr.cooldown = json::getInt(rl, "cooldown", reduceLr.cooldown);
    reduceLr.mode = json::getString(rl, "mode", reduceLr.mode);
    const Json& log = member(callbacks, "csv_logger");
    csvLogger.enabled = json::getBool(log, "enabled", false);
    csvLogger.filename = json::getString(log, "filename", csvLogger.filename);
}

void TrainingSettings::validate() const {
    optimizerSpec(optimizer); // throws ConfigError listing the names
    if (!(learningRate >= kMinLearningRate && learningRate <= kMaxLearningRate))
        throw ConfigError(CS_TEXT("cs::Settings", "learning_rate must be between %1 and %2")
                              .arg(json::dump(Json(kMinLearningRate)))
                              .arg(json::dump(Json(kMaxLearningRate))));
    if (!(momentum >= 0.0 && momentum < 1.0))
        throw ConfigError(CS_TEXT("cs::Settings", "momentum must be in [0, 1)"));
    if (loss != "auto") lossFromName(loss); // throws ConfigError listing the names
    if (epochs < 1) throw ConfigError(CS_TEXT("cs::Settings", "epochs must be 1 or more"));
    if (batchSize < 1) throw ConfigError(CS_TEXT("cs::Settings", "batch_size must be 1 or more"));
    if (stepsPerEpoch < 0)
        throw ConfigError(CS_TEXT("cs::Settings", "steps_per_epoch must be 0 (all) or more"));
    if (!(validationSplit >= 0.0 && validationSplit < 1.0))
        throw ConfigError(CS_TEXT("cs::Settings", "validation_split must be in [0, 1)"));
    if (earlyStopping.enabled) {
        checkMode("EarlyStopping", earlyStopping.mode);
        if (earlyStopping.patience < 0)
            throw ConfigError(CS_TEXT("cs::Settings", "EarlyStopping: patience must be 0 or more"));
    }
    if (checkpoint.enabled) {
        checkMode("ModelCheckpoint", checkpoint.mode);
        if (checkpoint.filepath.empty())
            throw ConfigError(CS_TEXT("cs::Settings", "ModelCheckpoint: filepath is empty"));
    }
    if (reduceLr.enabled) {
        checkMode("ReduceLROnPlateau", reduceLr.mode);
        if (!(reduceLr.factor > 0.0 && reduceLr.factor < 1.0))
            throw ConfigError(CS_TEXT(
                "cs::Settings",
                "ReduceLROnPlateau: factor must be between 0 and 1 (it multiplies the rate)"));
        if (reduceLr.patience < 0 || reduceLr.cooldown < 0)
            throw ConfigError(CS_TEXT(
                "cs::Settings", "ReduceLROnPlateau: patience and cooldown must be 0 or more"));
    }
    if (csvLogger.enabled && csvLogger.filename.empty())
        throw ConfigError(CS_TEXT("cs::Settings", "CSVLogger: filename is empty"));
}

FitOptions TrainingSettings::fitOptions() const {
    FitOptions f;
    f.epochs = epochs;
    f.batchSize = batchSize;
    f.stepsPerEpoch = stepsPerEpoch;
    f.shuffle = shuffle;
    f.validationSplit = validationSplit;
    f.seed = seed;
    f.threads = effectiveThreads(threads);
    return f;
}

Json TrainingConfig::toJson() const {
    Json v = training.toJson();
    v["data"] = data.toJson();
    if (augmentation.enabled()) v["augmentation"] = augmentation.toJson();
    return v;
}

TrainingConfig TrainingConfig::fromJson(const Json& v) {
    TrainingConfig c;
    c.training = TrainingSettings::fromJson(v);
    const Json& data = member(v, "data");
    c.data = DataBinding::fromJson(data);
    if (const Json* a = json::find(v, "augmentation"))
        c.augmentation = AugmentationOptions::fromJson(*a);
    else if (const Json* old = json::find(data, "augmentation")) // the older CLI form
        c.augmentation = AugmentationOptions::fromJson(*old);
    return c;
}

void TrainingConfig::validate() const {
    training.validate();
    augmentation.validate();
}

} // namespace cs
