#include "document/project_settings.h"

#include "core/errors.h"

#include <filesystem>

namespace ui {

namespace {

const char* kindKey(cs::DatasetKind kind) {
    switch (kind) {
    case cs::DatasetKind::Idx:
        return "idx";
    case cs::DatasetKind::Cifar10:
        return "cifar10";
    case cs::DatasetKind::ImageFolders:
        return "image_folders";
    }
    return "idx";
}

cs::DatasetKind kindFromKey(const std::string& key) {
    if (key == "idx") return cs::DatasetKind::Idx;
    if (key == "cifar10") return cs::DatasetKind::Cifar10;
    if (key == "image_folders") return cs::DatasetKind::ImageFolders;
    throw cs::FormatError("data kind '" + key + "' is not one of idx, cifar10, image_folders");
}

const cs::json::Value& member(const cs::json::Value& v, const char* key) {
    static const cs::json::Value empty = cs::json::Value::object();
    const cs::json::Value* m = v.find(key);
    return m ? *m : empty;
}

} // namespace

cs::json::Value DataSettings::toJson() const {
    cs::json::Value v = cs::json::Value::object();
    v.set("kind", kindKey(kind));
    v.set("folder", folder);
    cs::json::Value f = cs::json::Value::object();
    f.set("target_size",
          cs::json::Value::array(std::vector<int>{imageFolders.height, imageFolders.width}));
    f.set("color_mode", cs::colorModeName(imageFolders.colorMode));
    f.set("interpolation", cs::interpolationName(imageFolders.interpolation));
    f.set("class_mode", cs::classModeName(imageFolders.classMode));
    f.set("validation_split", imageFolders.validationSplit);
    f.set("seed", cs::json::Value(int64_t(imageFolders.seed)));
    v.set("image_folders", f);
    return v;
}

DataSettings DataSettings::fromJson(const cs::json::Value& v) {
    DataSettings d;
    d.kind = kindFromKey(v.getString("kind", "idx"));
    d.folder = v.getString("folder", cs::kDefaultDatasetDir);
    const cs::json::Value& f = member(v, "image_folders");
    if (const cs::json::Value* size = f.find("target_size")) {
        std::vector<int> hw = size->asIntVector();
        if (hw.size() != 2 || hw[0] < 1 || hw[1] < 1 || hw[0] > 16384 || hw[1] > 16384)
            throw cs::FormatError(
                "image_folders.target_size must be [height, width] between 1 and 16384");
        d.imageFolders.height = hw[0];
        d.imageFolders.width = hw[1];
    }
    d.imageFolders.colorMode = cs::colorModeFromName(f.getString("color_mode", "rgb"));
    d.imageFolders.interpolation = cs::interpolationFromName(f.getString("interpolation", "auto"));
    d.imageFolders.classMode = cs::classModeFromName(f.getString("class_mode", "categorical"));
    d.imageFolders.validationSplit = f.getNumber("validation_split", 0.0);
    if (d.imageFolders.validationSplit < 0 || d.imageFolders.validationSplit >= 1)
        throw cs::FormatError("image_folders.validation_split must be in [0, 1)");
    d.imageFolders.seed = uint64_t(f.getNumber("seed", 42));
    return d;
}

bool DataSettings::operator==(const DataSettings& o) const {
    return toJson() == o.toJson();
}

cs::json::Value TrainingSettings::toJson() const {
    cs::json::Value v = cs::json::Value::object();
    v.set("optimizer", optimizer);
    v.set("learning_rate", learningRate);
    v.set("momentum", momentum);
    v.set("nesterov", nesterov);
    v.set("loss", loss);
    v.set("batch_size", batchSize);
    v.set("epochs", epochs);
    v.set("validation_split", validationSplit);
    v.set("seed", cs::json::Value(int64_t(seed)));
    v.set("threads", threads);
    cs::json::Value es = cs::json::Value::object();
    es.set("enabled", earlyStopping.enabled);
    es.set("monitor", earlyStopping.monitor);
    es.set("min_delta", earlyStopping.minDelta);
    es.set("patience", earlyStopping.patience);
    es.set("restore_best_weights", earlyStopping.restoreBestWeights);
    cs::json::Value mc = cs::json::Value::object();
    mc.set("enabled", checkpoint.enabled);
    mc.set("filepath", checkpoint.filepath);
    mc.set("monitor", checkpoint.monitor);
    mc.set("save_best_only", checkpoint.saveBestOnly);
    cs::json::Value rl = cs::json::Value::object();
    rl.set("enabled", reduceLr.enabled);
    rl.set("monitor", reduceLr.monitor);
    rl.set("factor", reduceLr.factor);
    rl.set("patience", reduceLr.patience);
    rl.set("min_lr", reduceLr.minLr);
    cs::json::Value callbacks = cs::json::Value::object();
    callbacks.set("early_stopping", es);
    callbacks.set("model_checkpoint", mc);
    callbacks.set("reduce_lr_on_plateau", rl);
    v.set("callbacks", callbacks);
    return v;
}

TrainingSettings TrainingSettings::fromJson(const cs::json::Value& v) {
    TrainingSettings t;
    t.optimizer = v.getString("optimizer", t.optimizer);
    t.learningRate = v.getNumber("learning_rate", t.learningRate);
    t.momentum = v.getNumber("momentum", t.momentum);
    t.nesterov = v.getBool("nesterov", t.nesterov);
    t.loss = v.getString("loss", t.loss);
    t.batchSize = v.getInt("batch_size", t.batchSize);
    t.epochs = v.getInt("epochs", t.epochs);
    t.validationSplit = v.getNumber("validation_split", t.validationSplit);
    t.seed = uint64_t(v.getNumber("seed", double(t.seed)));
    t.threads = v.getInt("threads", t.threads);
    if (t.batchSize < 1 || t.epochs < 1 || t.learningRate <= 0 || t.validationSplit < 0 ||
        t.validationSplit >= 1)
        throw cs::FormatError("training: batch_size, epochs and learning_rate must be positive and "
                              "validation_split in [0, 1)");
    const cs::json::Value& callbacks = member(v, "callbacks");
    const cs::json::Value& es = member(callbacks, "early_stopping");
    t.earlyStopping.enabled = es.getBool("enabled", false);
    t.earlyStopping.monitor = es.getString("monitor", t.earlyStopping.monitor);
    t.earlyStopping.minDelta = es.getNumber("min_delta", t.earlyStopping.minDelta);
    t.earlyStopping.patience = es.getInt("patience", t.earlyStopping.patience);
    t.earlyStopping.restoreBestWeights =
        es.getBool("restore_best_weights", t.earlyStopping.restoreBestWeights);
    const cs::json::Value& mc = member(callbacks, "model_checkpoint");
    t.checkpoint.enabled = mc.getBool("enabled", false);
    t.checkpoint.filepath = mc.getString("filepath", t.checkpoint.filepath);
    t.checkpoint.monitor = mc.getString("monitor", t.checkpoint.monitor);
    t.checkpoint.saveBestOnly = mc.getBool("save_best_only", t.checkpoint.saveBestOnly);
    const cs::json::Value& rl = member(callbacks, "reduce_lr_on_plateau");
    t.reduceLr.enabled = rl.getBool("enabled", false);
    t.reduceLr.monitor = rl.getString("monitor", t.reduceLr.monitor);
    t.reduceLr.factor = rl.getNumber("factor", t.reduceLr.factor);
    t.reduceLr.patience = rl.getInt("patience", t.reduceLr.patience);
    t.reduceLr.minLr = rl.getNumber("min_lr", t.reduceLr.minLr);
    return t;
}

cs::json::Value ProjectSettings::toJson() const {
    cs::json::Value v = cs::json::Value::object();
    v.set("data", data.toJson());
    v.set("preprocessing", preprocessing.toJson());
    v.set("augmentation", augmentation.toJson());
    v.set("training", training.toJson());
    return v;
}

ProjectSettings ProjectSettings::fromJson(const cs::json::Value& project) {
    ProjectSettings s;
    if (const cs::json::Value* d = project.find("data")) s.data = DataSettings::fromJson(*d);
    if (const cs::json::Value* p = project.find("preprocessing"))
        s.preprocessing = cs::Preprocessing::fromJson(*p);
    if (const cs::json::Value* a = project.find("augmentation")) {
        s.augmentation = cs::AugmentationOptions::fromJson(*a);
        s.augmentation.validate();
    }
    if (const cs::json::Value* t = project.find("training"))
        s.training = TrainingSettings::fromJson(*t);
    return s;
}

std::string dataSettingsTitle(const DataSettings& data) {
    const std::string folder = std::filesystem::path(data.folder).filename().string();
    if (data.kind == cs::DatasetKind::Idx && data.folder == cs::kDefaultDatasetDir)
        return "Fashion-MNIST";
    switch (data.kind) {
    case cs::DatasetKind::Idx:
        return folder.empty() ? "IDX folder" : folder;
    case cs::DatasetKind::Cifar10:
        return "CIFAR-10 (" + folder + ")";
    case cs::DatasetKind::ImageFolders:
        return folder.empty() ? "image folder" : folder;
    }
    return folder;
}

} // namespace ui
