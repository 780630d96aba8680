// The safetensors format: an 8-byte little-endian header length N, N bytes of
// JSON header ({"name": {"dtype": "F32", "shape": [...], "data_offsets":
// [begin, end]}, ..., "__metadata__": {string: string}}), then the raw
// little-endian tensor bytes. Only F32 tensors are written or read here.
//
// Reading validates everything — header length against the file size, JSON,
// dtypes, shapes against byte counts, offsets inside the data and not
// overlapping — before any tensor memory is allocated.
#pragma once

#include "core/tensor.h"

#include <map>
#include <string>
#include <vector>

namespace cs {

struct NamedTensor {
    std::string name;
    const Tensor* tensor = nullptr;
};

struct SafetensorsContent {
    std::map<std::string, std::string> metadata;
    std::vector<std::pair<std::string, Tensor>> tensors; // in file order

    const Tensor* find(const std::string& name) const;
};

void writeSafetensors(const std::string& path, const std::vector<NamedTensor>& tensors,
                      const std::map<std::string, std::string>& metadata);

// Throws FormatError / IoError whose message starts with the path.
SafetensorsContent readSafetensors(const std::string& path);

} // namespace cs
