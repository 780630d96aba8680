#include "engine/io/image_codec.h"

#include "engine/core/errors.h"
#include "engine/core/resource_limits.h"
#include "engine/io/image_codec_module.h"
#include "engine/io/image_header.h"
#include "engine/io/random_access_file.h"

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>

namespace fs = std::filesystem;

namespace cs {

namespace {

constexpr const char* kModuleName = "libconvstudio_codecs.so";

// Where the module is: $CONVSTUDIO_CODECS, next to the installed program, or the build tree.
std::vector<std::string> candidatePaths() {
    std::vector<std::string> paths;
    if (const char* env = std::getenv("CONVSTUDIO_CODECS")) paths.push_back(env);
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) paths.push_back((exe.parent_path().parent_path() / "lib/convstudio" / kModuleName).string());
    paths.push_back(CONVSTUDIO_CODECS_BUILD_PATH);
    return paths;
}

struct Codecs {
    const ImageCodecTable* table = nullptr;
    std::string error;
};

Codecs load() {
    Codecs c;
    std::string tried;
    for (const std::string& path : candidatePaths()) {
        std::error_code ec;
        if (!fs::exists(path, ec)) {
            tried += (tried.empty() ? "" : ", ") + path + " (missing)";
            continue;
        }
        void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!handle) {
            tried += (tried.empty() ? "" : ", ") + path + " (" + dlerror() + ")";
            continue;
        }
        using Entry = const ImageCodecTable* (*)();
        auto entry = reinterpret_cast<Entry>(dlsym(handle, "convstudio_image_codecs"));
        const ImageCodecTable* table = entry ? entry() : nullptr;
        if (table && table->version == kImageCodecTableVersion) {
            c.table = table; // stays loaded for the life of the program
            return c;
        }
        tried += (tried.empty() ? "" : ", ") + path + " (not a ConvStudio codec module of this version)";
        dlclose(handle);
    }
    c.error = "image files cannot be read or written: the codec module " + std::string(kModuleName) +
              " could not be loaded (tried " + tried + ")";
    return c;
}

// 900000000 -> "900 megapixels", 1500000 -> "1.5 megapixels", 4000 -> "4000 pixels".
std::string pixelCount(uint64_t pixels) {
    char text[48];
    if (pixels < 1'000'000) {
        std::snprintf(text, sizeof text, "%llu pixels", static_cast<unsigned long long>(pixels));
        return text;
    }
    std::snprintf(text, sizeof text, "%.1f", double(pixels) / 1e6);
    std::string s = text;
    if (s.ends_with(".0")) s.resize(s.size() - 2);
    return s + " megapixels";
}

std::once_flag loadOnce;
Codecs codecs;

const ImageCodecTable& table() {
    std::call_once(loadOnce, [] { codecs = load(); });
    if (!codecs.table) throw IoError(codecs.error);
    return *codecs.table;
}

} // namespace

bool canDecodeImageFile(const std::string& path) {
    return table().canDecode(path.c_str());
}

void checkImageHeader(const ImageHeaderInfo& header, const std::string& label, uint64_t fileBytes) {
    const std::string file = " (the file has " + formatCount(fileBytes) + " bytes)";
    if (header.status == ImageHeaderInfo::Status::NoSize)
        throw DataError(label + ": a " + header.format + " image whose size cannot be read: " +
                        header.problem + "; not decoded" + file);
    if (header.status != ImageHeaderInfo::Status::Sized) return;
    if (header.pixels() > maxImagePixels())
        throw ResourceError(label + ": a " + header.format + " of " + std::to_string(header.width) +
                            "x" + std::to_string(header.height) + " pixels (" +
                            pixelCount(header.pixels()) + ") by its header, over " +
                            imagePixelLimitText() + ": not decoded" + file);
    if (header.minimumFileBytes > fileBytes)
        throw DataError(label + ": truncated: a " + header.format + " of " + std::to_string(header.width) + "x" +
                        std::to_string(header.height) + " pixels holds at least " +
                        formatCount(header.minimumFileBytes) + " bytes of pixel data, but the file has " +
                        formatCount(fileBytes) + "; not decoded");
}

void checkImageFileHeader(const std::string& path) {
    const RandomAccessFile file(path);
    const ImageHeaderInfo header = probeImageHeader(file);
    // A signature OpenCV knows but this reader does not would be decoded unchecked.
    if (header.status == ImageHeaderInfo::Status::NotRecognised && canDecodeImageFile(path))
        throw DataError(
            path + ": an image format whose size cannot be checked before decoding; not decoded");
    checkImageHeader(header, path, file.size());
}

cv::Mat decodeImage(const uint8_t* data, size_t size, int mode, std::string* error) {
    cv::Mat out;
    std::string why;
    try {
        checkImageHeader(probeImageHeader(data, size), "the image", size);
    } catch (const Error& e) {
        if (error) *error = e.what();
        return {};
    }
    if (!table().decode(data, size, mode, &out, &why)) {
        if (error) *error = why;
        return {};
    }
    return out;
}

cv::Mat readImageFile(const std::string& path, int mode) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) throw DataError(path + ": no such file");
    try {
        checkImageFileHeader(path);
    } catch (const IoError& e) {
        throw DataError(e.what());
    }
    cv::Mat out;
    std::string why;
    if (!table().read(path.c_str(), mode, &out, &why))
        throw DataError(path + ": cannot be decoded as an image (" + why + ")");
    if (out.empty()) throw DataError(path + ": not an image OpenCV can read (corrupt or unsupported format)");
    return out;
}

bool encodeImage(const std::string& extension, const cv::Mat& image, std::vector<uint8_t>& out) {
    return table().encode(extension.c_str(), &image, &out);
}

bool imageCodecsLoaded() {
    return codecs.table != nullptr;
}

} // namespace cs
