// DataBinding: which data set a run trains on — its kind, its folder and, for
// image folders, how images are decoded (target size, colour mode,
// interpolation, class mode, the split of a single folder). The "data" member
// of a project file (docs/formats.md §4) and of a trained model's training
// metadata (§2.4) are its JSON form.
//
//   cs::DataBinding d = cs::DataBinding::fromJson(project["data"]);
//   d.kind == cs::DatasetKind::ImageFolders ? d.imageFolders.height : 0;
#pragma once

#include "engine/data/dataset_loader.h"
#include "engine/data/image_folder_dataset.h"
#include "engine/io/json.h"

#include <string>

namespace cs {

struct DataBinding {
    DatasetKind kind = DatasetKind::Idx;
    std::string folder = kDefaultDatasetDir;
    // Image folders only: target size, colour mode, interpolation, class mode,
    // validation_split of a single folder and its seed.
    ImageFolderOptions imageFolders;

    Json toJson() const;
    // Reads this form and the one convstudio-cli wrote before it ("kind": "IDX",
    // target_size and the other image-folder keys beside it). Throws FormatError.
    static DataBinding fromJson(const Json& v);
    bool operator==(const DataBinding& o) const;
};

// The key of a data set kind in the JSON form: "idx", "cifar10", "image_folders".
const char* dataKindKey(DatasetKind kind);

} // namespace cs
