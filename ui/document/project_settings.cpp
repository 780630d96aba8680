#include "ui/document/project_settings.h"

#include "engine/core/errors.h"

#include <filesystem>

namespace ui {

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
