// The interface between the engine and its image codec module (see
// image_codec.h): a table of plain functions the module exports with C
// linkage, so dlsym() finds it by name. Nothing here throws across the
// boundary: failures come back as false plus a message.
#pragma once

#include <opencv2/core.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cs {

struct ImageCodecTable {
    int version; // kImageCodecTableVersion
    bool (*canDecode)(const char* path);
    bool (*decode)(const uint8_t* data, size_t size, int mode, cv::Mat* out, std::string* error);
    bool (*read)(const char* path, int mode, cv::Mat* out, std::string* error);
    bool (*encode)(const char* extension, const cv::Mat* image, std::vector<uint8_t>* out);
};

constexpr int kImageCodecTableVersion = 1;

} // namespace cs

// Exported by the module.
extern "C" const cs::ImageCodecTable* convstudio_image_codecs();
