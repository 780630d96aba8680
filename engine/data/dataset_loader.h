// Opens a data set folder, whatever its kind (recognised by content): today
// the IDX layout of MNIST / Fashion-MNIST. Throws DataError that says what
// the folder should hold.
#pragma once

#include "data/image_set.h"

#include <string>

namespace cs {

Dataset loadDataset(const std::string& folder);

// Where Debian's dataset-fashion-mnist package installs Fashion-MNIST.
inline constexpr const char* kDefaultDatasetDir = "/usr/share/datasets/fashion-mnist";

} // namespace cs
