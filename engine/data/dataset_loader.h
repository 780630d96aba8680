// Opens a data set folder, whatever its kind (recognised by content):
//  - IDX (MNIST, Fashion-MNIST): the four train/t10k images/labels files, .gz or raw;
//  - CIFAR-10 binary: data_batch_*.bin, test_batch.bin, batches.meta.txt;
//  - image folders: one sub-folder per class, inside train/ + validation/
//    (+ test/) or directly (see image_folder_dataset.h).
// Throws DataError that says what the folder should hold.
#pragma once

#include "engine/data/image_folder_dataset.h"
#include "engine/data/image_set.h"

#include <string>

namespace cs {

enum class DatasetKind { Idx, Cifar10, ImageFolders };
std::string datasetKindName(DatasetKind kind); // "IDX", "CIFAR-10 binary", "image folders"

// The kind of data set in the folder; DataError when it is none of them.
DatasetKind detectDatasetKind(const std::string& folder);

// The whole data set in memory. For image folders, `imageFolders` gives the
// target size, colour mode and split; test is test/ if present, else
// validation/ (unreadable images are left out; indexImageFolders() and
// decodeImages() report them).
Dataset loadDataset(const std::string& folder, const ImageFolderOptions& imageFolders = {});

// Where Debian's dataset-fashion-mnist package installs Fashion-MNIST.
inline constexpr const char* kDefaultDatasetDir = "/usr/share/datasets/fashion-mnist";

} // namespace cs
