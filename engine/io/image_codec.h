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
//
// Before anything is decoded, the file's header is read (io/image_header.h)
// and an image larger than the pixel limit (CONVSTUDIO_MAX_IMAGE_PIXELS,
// 100 megapixels by default; core/resource_limits.h) is refused: a decoder
// would allocate all of it first.
#pragma once

#include <opencv2/core.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace cs {

// OpenCV's cv::IMREAD_* values.
enum ImageReadMode : int { ReadAnyColor = 4, ReadGrey = 0, ReadColor = 1 };

struct ImageHeaderInfo;

// True when a decoder recognises the file's signature (it is not decoded).
bool canDecodeImageFile(const std::string& path);
// The decoded image (empty when the data is not an image a decoder accepts);
// `error` gets OpenCV's message when the decoder threw, or why the header
// was refused (over the pixel limit, no size) when nothing was decoded.
cv::Mat decodeImage(const uint8_t* data, size_t size, int mode, std::string* error = nullptr);
// The decoded file; DataError naming it when it is missing, the decoder threw
// or it is not an image a decoder accepts; ResourceError naming it and its
// size when its header claims more pixels than the limit (nothing decoded).
cv::Mat readImageFile(const std::string& path, int mode);
// Throws unless the header gives a size within the pixel limit:
// ResourceError("<label>: a JPEG of 30000x30000 pixels (900 megapixels) by
// its header, over the 100-megapixel limit (CONVSTUDIO_MAX_IMAGE_PIXELS):
// not decoded (the file has 1,987 bytes)"), or DataError when a recognised
// image format gives no size. A header no format matches passes (the decoder
// will refuse the file itself).
void checkImageHeader(const ImageHeaderInfo& header, const std::string& label, uint64_t fileBytes);
// The header check of the file at `path` (opens it, reads the header only).
void checkImageFileHeader(const std::string& path);
// Encodes by extension (".png", ".jpg" ...); false for an unknown extension or a refused image.
bool encodeImage(const std::string& extension, const cv::Mat& image, std::vector<uint8_t>& out);

// Whether the codec module was loaded (tests, the memory figures).
bool imageCodecsLoaded();

} // namespace cs
