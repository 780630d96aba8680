// What a data set holds, before any training: images per class and split,
// image size and channels, class balance, and files that were skipped. The
// text form is what `convstudio-cli dataset show` prints; the GUI's data page
// shows the same numbers.
//
// sampleDataset() opens any data set folder for a look: the summary plus the
// first `count` images of one split. Image folders are only listed, and just
// those few files are decoded, so it is instant even for huge folders.
//
//   DatasetSample s = sampleDataset("cats_and_dogs_filtered", folderOptions, "train", 9);
//   std::puts(s.summary.text().c_str());
#pragma once

#include "engine/data/image_folder_dataset.h"
#include "engine/data/image_set.h"

#include <string>
#include <vector>

namespace cs {

struct SplitSummary {
    std::string name;          // "train", "validation", "test"
    int count = 0;             // images
    std::vector<int> perClass; // images of each class
    // Smallest class count / largest (1 = perfectly balanced, 0 = a class is missing).
    double balance() const;
};

struct DatasetSummary {
    std::string name;   // "MNIST", "CIFAR-10", folder name
    std::string kind;   // "IDX", "CIFAR-10 binary", "image folders"
    std::string source; // folder
    UserText layout; // image folders: how splits were found
    int height = 0, width = 0, channels = 0;
    bool resized = false; // image folders: files of any size, decoded to height x width
    std::vector<std::string> classNames;
    std::vector<SplitSummary> splits;
    std::vector<SkippedFile> skipped;

    const SplitSummary* split(const std::string& name) const; // nullptr when absent
    std::string text() const;                                 // the table `dataset show` prints
};

SplitSummary summarizeSplit(const std::string& name, const std::vector<int32_t>& labels,
                            int classCount);

// An in-memory data set (IDX, CIFAR-10); an image-folder listing.
DatasetSummary summarizeDataset(const Dataset& data, const std::string& kind);
DatasetSummary summarizeImageFolders(const ImageFolderIndex& index,
                                     const ImageFolderOptions& options);

struct DatasetSample {
    DatasetSummary summary;
    ImageSet images; // the first images of the chosen split
};

// split: "train", "validation" or "test". Throws DataError when the data set
// has no such split, plus the loaders' errors.
DatasetSample sampleDataset(const std::string& folder, const ImageFolderOptions& options,
                            const std::string& split, int count);

} // namespace cs
