#include "ui/document/project_settings.h"

#include "engine/core/errors.h"

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

const cs::Json& member(const cs::Json& v, const char* key) {
    static const cs::Json empty = cs::Json::object();
    const cs::Json* m = cs::json::find(v, key);
    return m ? *m : empty;
}

} // namespace

cs::Json DataSettings::toJson() const {
    cs::Json v = cs::Json::object();
    v["kind"] = kindKey(kind);
    v["folder"] = folder;
    cs::Json f = cs::Json::object();
    f["target_size"] = cs::Json(std::vector<int>{imageFolders.height, imageFolders.width});
    f["color_mode"] = cs::colorModeName(imageFolders.colorMode);
    f["interpolation"] = cs::interpolationName(imageFolders.interpolation);
    f["class_mode"] = cs::classModeName(imageFolders.classMode);
    f["validation_split"] = imageFolders.validationSplit;
    f["seed"] = cs::Json(int64_t(imageFolders.seed));
    v["image_folders"] = f;
    return v;
}

DataSettings DataSettings::fromJson(const cs::Json& v) {
    DataSettings d;
    d.kind = kindFromKey(cs::json::getString(v, "kind", "idx"));
    d.folder = cs::json::getString(v, "folder", cs::kDefaultDatasetDir);
    const cs::Json& f = member(v, "image_folders");
    if (const cs::Json* size = cs::json::find(f, "target_size")) {
        std::vector<int> hw = cs::json::asIntVector(*size);
        if (hw.size() != 2 || hw[0] < 1 || hw[1] < 1 || hw[0] > 16384 || hw[1] > 16384)
            throw cs::FormatError(
                "image_folders.target_size must be [height, width] between 1 and 16384");
        d.imageFolders.height = hw[0];
        d.imageFolders.width = hw[1];
    }
    d.imageFolders.colorMode = cs::colorModeFromName(cs::json::getString(f, "color_mode", "rgb"));
    d.imageFolders.interpolation =
        cs::interpolationFromName(cs::json::getString(f, "interpolation", "auto"));
    d.imageFolders.classMode =
        cs::classModeFromName(cs::json::getString(f, "class_mode", "categorical"));
    d.imageFolders.validationSplit = cs::json::getNumber(f, "validation_split", 0.0);
    if (d.imageFolders.validationSplit < 0 || d.imageFolders.validationSplit >= 1)
        throw cs::FormatError("image_folders.validation_split must be in [0, 1)");
    d.imageFolders.seed = uint64_t(cs::json::getNumber(f, "seed", 42));
    return d;
}

bool DataSettings::operator==(const DataSettings& o) const {
    return toJson() == o.toJson();
}

cs::Json TrainingSettings::toJson() const {
    cs::Json v = cs::Json::object();
    v["optimizer"] = optimizer;
    v["learning_rate"] = learningRate;
    v["momentum"] = momentum;
    v["nesterov"] = nesterov;
    v["loss"] = loss;
    v["batch_size"] = batchSize;
    v["epochs"] = epochs;
    v["validation_split"] = validationSplit;
    v["seed"] = cs::Json(int64_t(seed));
    v["threads"] = threads;
    cs::Json es = cs::Json::object();
    es["enabled"] = earlyStopping.enabled;
    es["monitor"] = earlyStopping.monitor;
    es["min_delta"] = earlyStopping.minDelta;
    es["patience"] = earlyStopping.patience;
    es["restore_best_weights"] = earlyStopping.restoreBestWeights;
    cs::Json mc = cs::Json::object();
    mc["enabled"] = checkpoint.enabled;
    mc["filepath"] = checkpoint.filepath;
    mc["monitor"] = checkpoint.monitor;
    mc["save_best_only"] = checkpoint.saveBestOnly;
    cs::Json rl = cs::Json::object();
    rl["enabled"] = reduceLr.enabled;
    rl["monitor"] = reduceLr.monitor;
    rl["factor"] = reduceLr.factor;
    rl["patience"] = reduceLr.patience;
    rl["min_lr"] = reduceLr.minLr;
    cs::Json callbacks = cs::Json::object();
    callbacks["early_stopping"] = es;
    callbacks["model_checkpoint"] = mc;
    callbacks["reduce_lr_on_plateau"] = rl;
    v["callbacks"] = callbacks;
    return v;
}

TrainingSettings TrainingSettings::fromJson(const cs::Json& v) {
    TrainingSettings t;
    t.optimizer = cs::json::getString(v, "optimizer", t.optimizer);
    t.learningRate = cs::json::getNumber(v, "learning_rate", t.learningRate);
    t.momentum = cs::json::getNumber(v, "momentum", t.momentum);
    t.nesterov = cs::json::getBool(v, "nesterov", t.nesterov);
    t.loss = cs::json::getString(v, "loss", t.loss);
    t.batchSize = cs::json::getInt(v, "batch_size", t.batchSize);
    t.epochs = cs::json::getInt(v, "epochs", t.epochs);
    t.validationSplit = cs::json::getNumber(v, "validation_split", t.validationSplit);
    t.seed = uint64_t(cs::json::getNumber(v, "seed", double(t.seed)));
    t.threads = cs::json::getInt(v, "threads", t.threads);
    if (t.batchSize < 1 || t.epochs < 1 || t.learningRate <= 0 || t.validationSplit < 0 ||
        t.validationSplit >= 1)
        throw cs::FormatError("training: batch_size, epochs and learning_rate must be positive and "
                              "validation_split in [0, 1)");
    const cs::Json& callbacks = member(v, "callbacks");
    const cs::Json& es = member(callbacks, "early_stopping");
    t.earlyStopping.enabled = cs::json::getBool(es, "enabled", false);
    t.earlyStopping.monitor = cs::json::getString(es, "monitor", t.earlyStopping.monitor);
    t.earlyStopping.minDelta = cs::json::getNumber(es, "min_delta", t.earlyStopping.minDelta);
    t.earlyStopping.patience = cs::json::getInt(es, "patience", t.earlyStopping.patience);
    t.earlyStopping.restoreBestWeights =
        cs::json::getBool(es, "restore_best_weights", t.earlyStopping.restoreBestWeights);
    const cs::Json& mc = member(callbacks, "model_checkpoint");
    t.checkpoint.enabled = cs::json::getBool(mc, "enabled", false);
    t.checkpoint.filepath = cs::json::getString(mc, "filepath", t.checkpoint.filepath);
    t.checkpoint.monitor = cs::json::getString(mc, "monitor", t.checkpoint.monitor);
    t.checkpoint.saveBestOnly = cs::json::getBool(mc, "save_best_only", t.checkpoint.saveBestOnly);
    const cs::Json& rl = member(callbacks, "reduce_lr_on_plateau");
    t.reduceLr.enabled = cs::json::getBool(rl, "enabled", false);
    t.reduceLr.monitor = cs::json::getString(rl, "monitor", t.reduceLr.monitor);
    t.reduceLr.factor = cs::json::getNumber(rl, "factor", t.reduceLr.factor);
    t.reduceLr.patience = cs::json::getInt(rl, "patience", t.reduceLr.patience);
    t.reduceLr.minLr = cs::json::getNumber(rl, "min_lr", t.reduceLr.minLr);
    return t;
}

cs::Json ProjectSettings::toJson() const {
    cs::Json v = cs::Json::object();
    v["data"] = data.toJson();
    v["preprocessing"] = preprocessing.toJson();
    v["augmentation"] = augmentation.toJson();
    v["training"] = training.toJson();
    return v;
}

ProjectSettings ProjectSettings::fromJson(const cs::Json& project) {
    ProjectSettings s;
    if (const cs::Json* d = cs::json::find(project, "data")) s.data = DataSettings::fromJson(*d);
    if (const cs::Json* p = cs::json::find(project, "preprocessing"))
        s.preprocessing = cs::Preprocessing::fromJson(*p);
    if (const cs::Json* a = cs::json::find(project, "augmentation")) {
        s.augmentation = cs::AugmentationOptions::fromJson(*a);
        s.augmentation.validate();
    }
    if (const cs::Json* t = cs::json::find(project, "training"))
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
