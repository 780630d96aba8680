#include "engine/data/dataset_loader.h"

#include "engine/core/errors.h"
#include "engine/data/cifar_reader.h"
#include "engine/data/idx_reader.h"

#include <filesystem>

namespace cs {

namespace {

namespace fs = std::filesystem;

// True when some file name of the folder mentions IDX ("train-images-idx3-ubyte"):
// a folder meant as IDX whose set is incomplete gets the IDX reader's message.
bool hasIdxLikeFile(const std::string& folder) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.path().filename().string().find("-ubyte") != std::string::npos) return true;
    return false;
}

} // namespace

std::string datasetKindName(DatasetKind kind) {
    switch (kind) {
    case DatasetKind::Idx:
        return "IDX";
    case DatasetKind::Cifar10:
        return CS_NOOP("cs::DatasetKind", "CIFAR-10 binary");
    case DatasetKind::ImageFolders:
        return CS_NOOP("cs::DatasetKind", "image folders");
    }
    return "?";
}

DatasetKind detectDatasetKind(const std::string& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        if (fs::exists(folder, ec))
            throw DataError(
                CS_TEXT("cs::Datasets", "%1: not a folder (a data set is a folder)").arg(folder));
        throw DataError((folder == kDefaultDatasetDir
                             ? CS_TEXT("cs::Datasets", "%1: no such folder (install Debian's "
                                                       "dataset-fashion-mnist package)")
                             : CS_TEXT("cs::Datasets", "%1: no such folder"))
                            .arg(folder));
    }
    if (isIdxFolder(folder)) return DatasetKind::Idx;
    if (isCifarFolder(folder)) return DatasetKind::Cifar10;
    if (hasIdxLikeFile(folder)) loadIdxDataset(folder); // throws, naming the missing file
    if (looksLikeImageFolder(folder)) return DatasetKind::ImageFolders;
    // Empty, or images lying loose: the image-folder reader says exactly what is wrong.
    indexImageFolders(folder, ImageFolderOptions{});
    throw DataError(
        CS_TEXT("cs::Datasets",
                "%1: not a data set folder ConvStudio recognises: expected the four IDX files of "
                "MNIST/Fashion-MNIST (train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], "
                "t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]), the CIFAR-10 binary "
                "files (data_batch_*.bin, test_batch.bin) or one sub-folder of images per class")
            .arg(folder));
}

Dataset loadDataset(const std::string& folder, const ImageFolderOptions& imageFolders) {
    switch (detectDatasetKind(folder)) {
    case DatasetKind::Idx:
        return loadIdxDataset(folder);
    case DatasetKind::Cifar10:
        return loadCifarDataset(folder);
    case DatasetKind::ImageFolders:
        return loadImageFolderDataset(folder, imageFolders).data;
    }
    throw DataError(CS_TEXT("cs::Datasets", "%1: unknown data set kind").arg(folder));
}

} // namespace cs
