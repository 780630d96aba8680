#include "engine/data/data_binding.h"

#include "engine/core/errors.h"

namespace cs {

namespace {

DatasetKind kindFromKey(const std::string& key) {
    if (key == "idx") return DatasetKind::Idx;
    if (key == "cifar10") return DatasetKind::Cifar10;
    if (key == "image_folders") return DatasetKind::ImageFolders;
    // The display names convstudio-cli wrote into models before the one form.
    for (DatasetKind k : {DatasetKind::Idx, DatasetKind::Cifar10, DatasetKind::ImageFolders})
        if (key == datasetKindName(k)) return k;
    throw FormatError(
        CS_TEXT("cs::Settings", "data kind '%1' is not one of idx, cifar10, image_folders")
            .arg(key));
}

const Json& member(const Json& v, const char* key) {
    static const Json empty = Json::object();
    const Json* m = json::find(v, key);
    return m ? *m : empty;
}

void readImageFolderOptions(const Json& f, ImageFolderOptions& o) {
    if (const Json* size = json::find(f, "target_size")) {
        std::vector<int> hw = json::asIntVector(*size);
        if (hw.size() != 2 || hw[0] < 1 || hw[1] < 1 || hw[0] > 16384 || hw[1] > 16384)
            throw FormatError(
                CS_TEXT("cs::Settings",
                        "image_folders.target_size must be [height, width] between 1 and 16384"));
        o.height = hw[0];
        o.width = hw[1];
    }
    o.colorMode = colorModeFromName(json::getString(f, "color_mode", colorModeName(o.colorMode)));
    o.interpolation =
        interpolationFromName(json::getString(f, "interpolation", interpolationName(o.interpolation)));
    o.classMode = classModeFromName(json::getString(f, "class_mode", classModeName(o.classMode)));
    o.validationSplit = json::getNumber(f, "validation_split", o.validationSplit);
    if (o.validationSplit < 0 || o.validationSplit >= 1)
        throw FormatError(
            CS_TEXT("cs::Settings", "image_folders.validation_split must be in [0, 1)"));
    o.seed = uint64_t(json::getNumber(f, "seed", double(o.seed)));
}

} // namespace

const char* dataKindKey(DatasetKind kind) {
    switch (kind) {
    case DatasetKind::Idx:
        return "idx";
    case DatasetKind::Cifar10:
        return "cifar10";
    case DatasetKind::ImageFolders:
        return "image_folders";
    }
    return "idx";
}

Json DataBinding::toJson() const {
    Json v = Json::object();
    v["kind"] = dataKindKey(kind);
    v["folder"] = folder;
    Json f = Json::object();
    f["target_size"] = Json(std::vector<int>{imageFolders.height, imageFolders.width});
    f["color_mode"] = colorModeName(imageFolders.colorMode);
    f["interpolation"] = interpolationName(imageFolders.interpolation);
    f["class_mode"] = classModeName(imageFolders.classMode);
    f["validation_split"] = imageFolders.validationSplit;
    f["seed"] = Json(int64_t(imageFolders.seed));
    v["image_folders"] = f;
    return v;
}

DataBinding DataBinding::fromJson(const Json& v) {
    DataBinding d;
    d.kind = kindFromKey(json::getString(v, "kind", "idx"));
    d.folder = json::getString(v, "folder", kDefaultDatasetDir);
    if (json::find(v, "image_folders"))
        readImageFolderOptions(member(v, "image_folders"), d.imageFolders);
    else if (d.kind == DatasetKind::ImageFolders)
        readImageFolderOptions(v, d.imageFolders); // the older CLI form kept the keys beside "kind"
    return d;
}

bool DataBinding::operator==(const DataBinding& o) const {
    return toJson() == o.toJson();
}

} // namespace cs
