// The safetensors format: an 8-byte little-endian header length N, N bytes of
// JSON header ({"name": {"dtype": "F32", "shape": [...], "data_offsets":
// [begin, end]}, ..., "__metadata__": {string: string}}), then the raw
// little-endian tensor bytes. Only F32 tensors are written or read here.
//
// Reading validates everything — header length against the file size (before
// the header is read), JSON, dtypes, shapes against byte counts, offsets inside
// the data and not overlapping, the total against the memory limit — before
// any tensor memory is allocated; then reads each tensor's bytes by offset,
// so only the header and the tensors themselves are ever read.
#pragma once

#include "engine/core/tensor.h"

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace cs {

struct NamedTensor {
    std::string name;
    const Tensor* tensor = nullptr;
};

struct SafetensorsContent {
    std::map<std::string, std::string> metadata;
    std::vector<std::pair<std::string, Tensor>> tensors; // in file order
    std::unordered_map<std::string, size_t> byName; // index into tensors (readSafetensors fills it)

    const Tensor* find(const std::string& name) const;
    Tensor* find(const std::string& name); // so a loader can move the tensor out
};

void writeSafetensors(const std::string& path, const std::vector<NamedTensor>& tensors,
                      const std::map<std::string, std::string>& metadata);

// Throws FormatError / IoError / ResourceError whose message starts with the
// path and names the tensor and key at fault.
SafetensorsContent readSafetensors(const std::string& path);

} // namespace cs
