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
// "2500" and "pixels", or "900" and "megapixels": a number and its unit, a word
// the window translates (marked with CS_NOOP).
std::pair<std::string, const char*> pixelCount(uint64_t pixels) {
    if (pixels < 1'000'000) return {std::to_string(pixels), CS_NOOP("cs::Datasets", "pixels")};
    char text[48];
    std::snprintf(text, sizeof text, "%.1f", double(pixels) / 1e6);
    std::string s = text;
    if (s.ends_with(".0")) s.resize(s.size() - 2);
    return {s, CS_NOOP("cs::Datasets", "megapixels")};
}

// The pixel limit as "100" and "megapixel" (in "the 100-megapixel limit") or
// "1,000" and "pixel".
std::pair<std::string, const char*> pixelLimit() {
    const uint64_t limit = maxImagePixels();
    if (limit % 1'000'000 == 0)
        return {std::to_string(limit / 1'000'000), CS_NOOP("cs::Datasets", "megapixel")};
    return {formatCount(limit), CS_NOOP("cs::Datasets", "pixel")};
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
    if (header.status == ImageHeaderInfo::Status::NoSize)
        throw DataError(CS_TEXT("cs::Datasets", "a %1 image whose size cannot be read: %2; not "
                                                "decoded (the file has %3 bytes)")
                            .arg(header.format)
                            .arg(header.problem)
                            .arg(formatCount(fileBytes))
                            .about(label));
    if (header.status != ImageHeaderInfo::Status::Sized) return;
    if (header.pixels() > maxImagePixels()) {
        const auto [amount, unit] = pixelCount(header.pixels());
        const auto [limit, limitUnit] = pixelLimit();
        throw ResourceError(CS_TEXT("cs::Datasets",
                                    "a %1 of %2x%3 pixels (%4 %5) by its header, over the %6-%7 "
                                    "limit (CONVSTUDIO_MAX_IMAGE_PIXELS): not decoded (the file "
                                    "has %8 bytes)")
                                .arg(header.format)
                                .arg(std::to_string(header.width))
                                .arg(std::to_string(header.height))
                                .arg(amount)
                                .termArg("cs::Datasets", unit)
                                .arg(limit)
                                .termArg("cs::Datasets", limitUnit)
                                .arg(formatCount(fileBytes))
                                .about(label));
    }
    if (header.minimumFileBytes > fileBytes)
        throw DataError(CS_TEXT("cs::Datasets", "truncated: a %1 of %2x%3 pixels holds at least %4 "
                                                "bytes of pixel data, but the file has %5; not "
                                                "decoded")
                            .arg(header.format)
                            .arg(std::to_string(header.width))
                            .arg(std::to_string(header.height))
                            .arg(formatCount(header.minimumFileBytes))
                            .arg(formatCount(fileBytes))
                            .about(label));
}

void checkImageFileHeader(const std::string& path) {
    const RandomAccessFile file(path);
    const ImageHeaderInfo header = probeImageHeader(file);
    // A signature OpenCV knows but this reader does not would be decoded unchecked.
    if (header.status == ImageHeaderInfo::Status::NotRecognised && canDecodeImageFile(path))
        throw DataError(CS_TEXT("cs::Datasets", "an image format whose size cannot be checked "
                                                "before decoding; not decoded")
                            .about(path));
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
    if (!fs::is_regular_file(path, ec))
        throw DataError(CS_TEXT("cs::Files", "no such file").about(path));
    try {
        checkImageFileHeader(path);
    } catch (const IoError& e) {
        throw DataError(e.text());
    }
    cv::Mat out;
    std::string why;
    if (!table().read(path.c_str(), mode, &out, &why))
        throw DataError(
            CS_TEXT("cs::Datasets", "cannot be decoded as an image (%1)").arg(why).about(path));
    if (out.empty())
        throw DataError(
            CS_TEXT("cs::Datasets", "not an image OpenCV can read (corrupt or unsupported format)")
                .about(path));
    return out;
}

bool encodeImage(const std::string& extension, const cv::Mat& image, std::vector<uint8_t>& out) {
    return table().encode(extension.c_str(), &image, &out);
}

bool imageCodecsLoaded() {
    return codecs.table != nullptr;
}

} // namespace cs
