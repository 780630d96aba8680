// Image file encoding and decoding (PNG, JPEG, BMP, TIFF, PGM ... through
// OpenCV's imgcodecs), loaded on first use. OpenCV's imgcodecs library drags
// in GDAL, Poppler, HDF5 and about 120 other libraries whose loading costs
// ~40 MB of resident memory and start-up time; a program that never reads or
// writes an image file (training on IDX or CIFAR-10 data, a summary) never
// pays for them. The codec functions live in a small module
// (libconvstudio_codecs.so, built from image_codec_module.cpp) that is
// dlopen()ed at the first call, found through $CONVSTUDIO_CODECS, next to the
// installed program (../lib/convstudio/), or in the build tree.
//
// Every function throws IoError naming the module when it cannot be loaded.
#pragma once

#include <opencv2/core.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace cs {

// OpenCV's cv::IMREAD_* values.
enum ImageReadMode : int { ReadAnyColor = 4, ReadGrey = 0, ReadColor = 1 };

// True when a decoder recognises the file's signature (it is not decoded).
bool canDecodeImageFile(const std::string& path);
// The decoded image (empty when the data is not an image a decoder accepts);
// `error` gets OpenCV's message when the decoder threw.
cv::Mat decodeImage(const uint8_t* data, size_t size, int mode, std::string* error = nullptr);
// The decoded file; DataError naming it when it is missing, the decoder threw
// or it is not an image a decoder accepts.
cv::Mat readImageFile(const std::string& path, int mode);
// Encodes by extension (".png", ".jpg" ...); false for an unknown extension or a refused image.
bool encodeImage(const std::string& extension, const cv::Mat& image, std::vector<uint8_t>& out);

// Whether the codec module was loaded (tests, the memory figures).
bool imageCodecsLoaded();

} // namespace cs
