// The image codec module: OpenCV's imgcodecs behind the table of
// image_codec_module.h. Built as libconvstudio_codecs.so and loaded by
// image_codec.cpp only when a program first touches an image file.
#include "engine/io/image_codec_module.h"

#include <opencv2/imgcodecs.hpp>

namespace {

bool canDecode(const char* path) {
    try {
        return cv::haveImageReader(path); // reads the signature only
    } catch (const cv::Exception&) {
        return false;
    }
}

bool decode(const uint8_t* data, size_t size, int mode, cv::Mat* out, std::string* error) {
    try {
        *out = cv::imdecode(cv::Mat(1, int(size), CV_8U, const_cast<uint8_t*>(data)), mode);
        return true;
    } catch (const cv::Exception& e) {
        if (error) *error = e.err;
        return false;
    }
}

bool read(const char* path, int mode, cv::Mat* out, std::string* error) {
    try {
        *out = cv::imread(path, mode);
        return true;
    } catch (const cv::Exception& e) {
        if (error) *error = e.err;
        return false;
    }
}

bool encode(const char* extension, const cv::Mat* image, std::vector<uint8_t>* out) {
    try {
        return cv::imencode(extension, *image, *out);
    } catch (const cv::Exception&) {
        return false;
    }
}

const cs::ImageCodecTable kTable{cs::kImageCodecTableVersion, canDecode, decode, read, encode};

} // namespace

extern "C" __attribute__((visibility("default"))) const cs::ImageCodecTable* convstudio_image_codecs() {
    return &kTable;
}
