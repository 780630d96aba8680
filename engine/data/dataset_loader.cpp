#include "data/dataset_loader.h"

#include "core/errors.h"
#include "data/idx_reader.h"

#include <filesystem>

namespace cs {

Dataset loadDataset(const std::string& folder) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw DataError(folder + ": no such folder" +
                        (folder == kDefaultDatasetDir
                             ? std::string(" (install Debian's dataset-fashion-mnist package)")
                             : std::string()));
    if (isIdxFolder(folder)) return loadIdxDataset(folder);
    throw DataError(folder + ": not a data set folder ConvStudio recognises: expected the four IDX "
                             "files of MNIST/Fashion-MNIST (train-images-idx3-ubyte[.gz], "
                             "train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz], "
                             "t10k-labels-idx1-ubyte[.gz])");
}

} // namespace cs
