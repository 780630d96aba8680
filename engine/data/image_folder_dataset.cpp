#include "engine/data/image_folder_dataset.h"
#include "engine/io/image_codec.h"

#include "engine/core/errors.h"
#include "engine/core/parallel.h"
#include "engine/core/random.h"
#include "engine/core/resource_limits.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <opencv2/imgproc.hpp>

namespace cs {

namespace {

namespace fs = std::filesystem;

bool isHidden(const fs::path& p) {
    return p.filename().string().rfind('.', 0) == 0;
}

// True for a link to the folder that holds it or to one of that folder's
// parents: as a class folder it would hold every other class again.
bool linksBackUp(const fs::directory_entry& entry) {
    std::error_code ec;
    if (!entry.is_symlink(ec)) return false;
    const fs::path target = fs::canonical(entry.path(), ec);
    const fs::path holder = fs::canonical(entry.path().parent_path(), ec);
    if (ec) return false;
    const auto [t, h] = std::mismatch(target.begin(), target.end(), holder.begin(), holder.end());
    return t == target.end(); // the target is the holder or above it
}

// Sorted names of the visible sub-folders; links back up (loops) are left
// out and, when `skipped` is given, reported there.
std::vector<std::string> subFolders(const fs::path& dir,
                                    std::vector<SkippedFile>* skipped = nullptr) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (isHidden(entry.path()) || !entry.is_directory(ec)) continue;
        if (linksBackUp(entry)) {
            if (skipped)
                skipped->push_back(
                    {entry.path().string(),
                     CS_TEXT("cs::Datasets",
                             "a link back to a folder that holds it (a loop): not followed")});
            continue;
        }
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::vector<fs::path> looseFiles(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (!isHidden(entry.path()) && entry.is_regular_file(ec)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

// The first existing sub-folder among the spellings.
std::string findSplit(const fs::path& root, std::initializer_list<const char*> names) {
    std::error_code ec;
    for (const char* n : names)
        if (fs::is_directory(root / n, ec)) return n;
    return {};
}

std::string folderName(const fs::path& folder) {
    std::error_code ec;
    fs::path normal = fs::absolute(folder, ec).lexically_normal();
    if (normal.filename().empty()) normal = normal.parent_path();
    return normal.filename().string();
}

// Every regular file under each class folder (recursively, as Keras walks
// them), in sorted order; files no decoder recognises and folder links that
// leave the data set folder `root` (or loop) go to `skipped`.
std::vector<FolderImage> listClassFiles(const fs::path& root, const fs::path& split,
                                        const std::vector<std::string>& classNames,
                                        const std::vector<std::string>& classesHere,
                                        std::vector<SkippedFile>& skipped) {
    std::vector<FolderImage> files;
    for (const std::string& cls : classesHere) {
        const auto it = std::find(classNames.begin(), classNames.end(), cls);
        if (it == classNames.end())
            throw DataError(CS_TEXT("cs::Datasets",
                                    "class folder '%1' is not among the training classes (%2 "
                                    "sub-folders of the train split); every split must use the "
                                    "same class names")
                                .arg(cls)
                                .arg(int64_t(classNames.size()))
                                .about((split / cls).string()));
        const int label = int(it - classNames.begin());
        FolderWalk walk = walkFolder((split / cls).string(), root.string());
        skipped.insert(skipped.end(), walk.skipped.begin(), walk.skipped.end());
        for (std::string& p : walk.files) {
            if (canDecodeImageFile(p)) // reads the signature only
                files.push_back({std::move(p), label});
            else
                skipped.push_back(
                    {std::move(p),
                     CS_TEXT("cs::Datasets", "not an image (no decoder recognises its content)")});
        }
    }
    return files;
}

int cvInterpolation(Interpolation mode, bool shrinking) {
    switch (mode) {
    case Interpolation::Auto:
        return shrinking ? cv::INTER_AREA : cv::INTER_LINEAR;
    case Interpolation::Nearest:
        return cv::INTER_NEAREST;
    case Interpolation::Bilinear:
        return cv::INTER_LINEAR;
    case Interpolation::Bicubic:
        return cv::INTER_CUBIC;
    case Interpolation::Area:
        return cv::INTER_AREA;
    case Interpolation::Lanczos:
        return cv::INTER_LANCZOS4;
    }
    return cv::INTER_LINEAR;
}

} // namespace

ColorMode colorModeFromName(const std::string& n) {
    if (n == "grayscale" || n == "greyscale" || n == "grey" || n == "gray")
        return ColorMode::Grayscale;
    if (n == "rgb") return ColorMode::Rgb;
    throw ConfigError(
        CS_TEXT("cs::Datasets", "unknown color_mode '%1' (use grayscale or rgb)").arg(n));
}
ClassMode classModeFromName(const std::string& n) {
    if (n == "categorical") return ClassMode::Categorical;
    if (n == "sparse") return ClassMode::Sparse;
    if (n == "binary") return ClassMode::Binary;
    throw ConfigError(
        CS_TEXT("cs::Datasets", "unknown class_mode '%1' (use categorical, sparse or binary)")
            .arg(n));
}
Interpolation interpolationFromName(const std::string& n) {
    static const std::pair<const char*, Interpolation> names[] = {
        {"auto", Interpolation::Auto},         {"nearest", Interpolation::Nearest},
        {"bilinear", Interpolation::Bilinear}, {"bicubic", Interpolation::Bicubic},
        {"area", Interpolation::Area},         {"lanczos", Interpolation::Lanczos}};
    for (auto& [name, mode] : names)
        if (n == name) return mode;
    throw ConfigError(
        CS_TEXT(
            "cs::Datasets",
            "unknown interpolation '%1' (use auto, nearest, bilinear, bicubic, area or lanczos)")
            .arg(n));
}
std::string colorModeName(ColorMode m) {
    return m == ColorMode::Grayscale ? "grayscale" : "rgb";
}
std::string classModeName(ClassMode m) {
    return m == ClassMode::Binary ? "binary" : m == ClassMode::Sparse ? "sparse" : "categorical";
}
std::string interpolationName(Interpolation m) {
    const char* names[] = {"auto", "nearest", "bilinear", "bicubic", "area", "lanczos"};
    return names[int(m)];
}

namespace {
// How the splits were found ("train/ + validation/ folders"), one format per case so the
// window can translate it (folder names and numbers are never translated).
UserText layoutText(const std::string& train, const std::string& validation, const std::string& test,
                    double split, uint64_t seed) {
    const std::string fraction = std::to_string(split).substr(0, 4);
    const std::string seedText = std::to_string(seed);
    if (train.empty())
        return split > 0 ? CS_TEXT("cs::ImageFolders", "one folder of classes, validation_split %1 with seed %2")
                               .arg(fraction).arg(seedText)
                         : CS_TEXT("cs::ImageFolders", "one folder of classes");
    if (!validation.empty() && !test.empty())
        return CS_TEXT("cs::ImageFolders", "%1/ + %2/ + %3/ folders").arg(train).arg(validation).arg(test);
    if (!validation.empty()) return CS_TEXT("cs::ImageFolders", "%1/ + %2/ folders").arg(train).arg(validation);
    if (!test.empty())
        return split > 0 ? CS_TEXT("cs::ImageFolders", "%1/ + %2/ folders, validation_split %3 with seed %4")
                               .arg(train).arg(test).arg(fraction).arg(seedText)
                         : CS_TEXT("cs::ImageFolders", "%1/ + %2/ folders").arg(train).arg(test);
    return split > 0 ? CS_TEXT("cs::ImageFolders", "%1/ folders, validation_split %2 with seed %3")
                           .arg(train).arg(fraction).arg(seedText)
                     : CS_TEXT("cs::ImageFolders", "%1/ folders").arg(train);
}
} // namespace

bool looksLikeImageFolder(const std::string& folder) {
    std::error_code ec;
    return fs::is_directory(folder, ec) && !subFolders(folder).empty();
}

ImageFolderIndex indexImageFolders(const std::string& folder, const ImageFolderOptions& options) {
    const fs::path root(folder);
    std::error_code ec;
    if (!fs::exists(root, ec))
        throw DataError(CS_TEXT("cs::Datasets", "no such folder").about(folder));
    if (!fs::is_directory(root, ec))
        throw DataError(CS_TEXT("cs::Datasets", "not a folder").about(folder));
    if (options.validationSplit < 0 || options.validationSplit >= 1)
        throw ConfigError(CS_TEXT("cs::Datasets", "validation_split must be in [0, 1)"));
    ImageFolderIndex index;
    index.root = folder;
    index.name = folderName(root);

    const std::string train = findSplit(root, {"train", "training"});
    const fs::path classRoot = train.empty() ? root : root / train;
    index.classNames = subFolders(classRoot, &index.skipped);
    if (index.classNames.empty()) {
        const size_t loose = looseFiles(classRoot).size();
        if (loose == 0)
            throw DataError(CS_TEXT("cs::Datasets", "the folder is empty: an image data set holds "
                                                    "one sub-folder per class (%1/cats/..., "
                                                    "%1/dogs/...)")
                                .arg(classRoot.string())
                                .about(classRoot.string()));
        throw DataError(CS_TEXT("cs::Datasets", "holds %1 files but no class sub-folders: put "
                                                "each class's images in a sub-folder named after "
                                                "the class (%2/cats/..., %2/dogs/...)")
                            .arg(int64_t(loose))
                            .arg(classRoot.string())
                            .about(classRoot.string()));
    }
    for (const fs::path& f : looseFiles(classRoot))
        index.skipped.push_back({f.string(), CS_TEXT("cs::Datasets", "not in a class sub-folder")});
    index.train =
        listClassFiles(root, classRoot, index.classNames, index.classNames, index.skipped);

    bool hasValidationFolder = false;
    std::string validation, test; // the split folders found beside train/
    double split = 0;
    if (!train.empty()) {
        validation = findSplit(root, {"validation", "val", "valid"});
        test = findSplit(root, {"test", "testing"});
        if (!validation.empty()) {
            index.validation =
                listClassFiles(root, root / validation, index.classNames,
                               subFolders(root / validation, &index.skipped), index.skipped);
            hasValidationFolder = true;
        }
        if (!test.empty())
            index.test = listClassFiles(root, root / test, index.classNames,
                                        subFolders(root / test, &index.skipped), index.skipped);
    }
    // Without a validation folder, validation_split cuts the training files.
    if (!hasValidationFolder && options.validationSplit > 0) {
        // image_dataset_from_directory: shuffle with the seed, the last fraction validates.
        Rng rng(options.seed);
        rng.shuffle(index.train);
        const size_t count = size_t(double(index.train.size()) * options.validationSplit);
        index.validation.assign(index.train.end() - std::ptrdiff_t(count), index.train.end());
        index.train.resize(index.train.size() - count);
        split = options.validationSplit;
    }
    index.layout = layoutText(train, validation, test, split, options.seed);
    index.validationFolder = hasValidationFolder;
    if (index.train.empty())
        throw DataError(CS_TEXT("cs::Datasets",
                                "no images in the class sub-folders (%1 classes, %2 other files)")
                            .arg(int64_t(index.classNames.size()))
                            .arg(int64_t(index.skipped.size()))
                            .about(classRoot.string()));
    if (options.classMode == ClassMode::Binary && index.classNames.size() != 2)
        throw ConfigError(
            CS_TEXT("cs::Datasets", "class_mode binary needs exactly 2 classes; %1 has %2")
                .arg(classRoot.string())
                .arg(int64_t(index.classNames.size())));
    return index;
}

bool decodeImageFile(const std::string& path, const ImageFolderOptions& o, uint8_t* out,
                     UserText* why) {
    auto fail = [&](UserText reason) {
        if (why) *why = std::move(reason);
        return false;
    };
    thread_local std::vector<uint8_t> bytes; // reused: no allocation per image once warm
    // The header first: an image over the pixel limit is neither read nor decoded.
    try {
        checkImageFileHeader(path);
    } catch (const Error& e) {
        UserText reason = e.text(); // without the path in front: the list names the file
        if (reason.subject == path) reason.subject.clear();
        if (!reason.places.empty() && !reason.places.front().context &&
            reason.places.front().format == path)
            reason.places.erase(reason.places.begin());
        return fail(reason);
    }
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in)
        return fail(
            UserText::verbatim(std::strerror(errno)).within(CS_TEXT("cs::Files", "cannot open")));
    const std::streamoff size = in.tellg();
    if (size <= 0) return fail(CS_TEXT("cs::Datasets", "empty file"));
    bytes.resize(size_t(size));
    in.seekg(0);
    if (!in.read(reinterpret_cast<char*>(bytes.data()), size))
        return fail(CS_TEXT("cs::Datasets", "read error"));
    // libjpeg decodes a truncated JPEG as grey below the cut (with a warning
    // only), so check for the end-of-image marker near the end ourselves.
    if (size >= 2 && bytes[0] == 0xFF && bytes[1] == 0xD8) {
        const size_t tail = std::min<size_t>(bytes.size(), 1024);
        bool eoi = false;
        for (size_t i = bytes.size() - tail; i + 1 < bytes.size() && !eoi; ++i)
            eoi = bytes[i] == 0xFF && bytes[i + 1] == 0xD9;
        if (!eoi) return fail(CS_TEXT("cs::Datasets", "truncated JPEG (no end-of-image marker)"));
    }
    std::string decoderError;
    const cv::Mat image = decodeImage(bytes.data(), bytes.size(),
                                      o.colorMode == ColorMode::Grayscale ? ReadGrey : ReadColor, &decoderError);
    if (!decoderError.empty())
        return fail(CS_TEXT("cs::Datasets", "cannot be decoded: %1").arg(decoderError));
    if (image.empty())
        return fail(
            CS_TEXT("cs::Datasets", "corrupt or unsupported image data (the decoder gave up)"));
    const int type = o.colorMode == ColorMode::Grayscale ? CV_8UC1 : CV_8UC3;
    cv::Mat target(o.height, o.width, type, out); // writes straight into the caller's buffer
    if (image.rows == o.height && image.cols == o.width)
        image.copyTo(target);
    else
        cv::resize(image, target, target.size(), 0, 0,
                   cvInterpolation(o.interpolation, image.rows > o.height || image.cols > o.width));
    if (type == CV_8UC3) cv::cvtColor(target, target, cv::COLOR_BGR2RGB);
    return true;
}

ImageSet decodeImages(const std::vector<FolderImage>& files, const ImageFolderOptions& o,
                      std::vector<SkippedFile>& skipped) {
    ImageSet set;
    set.height = o.height;
    set.width = o.width;
    set.channels = o.channels();
    const size_t imageBytes = size_t(set.imageSize());
    checkMemoryLimit(saturatingMultiply(files.size(), imageBytes),
                     CS_TEXT("cs::Datasets",
                             "the decoded image data needs %1 (%3 images of %4x%5x%6), over the %2 "
                             "limit (CONVSTUDIO_MEMORY_LIMIT): use a smaller target size or fewer "
                             "images")
                         .arg(int64_t(files.size()))
                         .arg(o.height)
                         .arg(o.width)
                         .arg(set.channels));
    set.pixels.resize(files.size() * imageBytes);
    std::vector<UserText> reasons(files.size());
    std::vector<uint8_t> ok(files.size(), 0);
    parallelFor(long(files.size()), 4, [&](long begin, long end) {
        for (long i = begin; i < end; ++i)
            ok[size_t(i)] =
                decodeImageFile(files[size_t(i)].path, o,
                                set.pixels.data() + size_t(i) * imageBytes, &reasons[size_t(i)]);
    });
    // Close the gaps left by failures, keeping the order.
    size_t kept = 0;
    for (size_t i = 0; i < files.size(); ++i) {
        if (!ok[i]) {
            skipped.push_back({files[i].path, reasons[i]});
            continue;
        }
        if (kept != i)
            std::memmove(set.pixels.data() + kept * imageBytes, set.pixels.data() + i * imageBytes,
                         imageBytes);
        set.labels.push_back(files[i].label);
        ++kept;
    }
    set.pixels.resize(kept * imageBytes);
    set.pixels.shrink_to_fit();
    return set;
}

FolderDataset loadImageFolderDataset(const std::string& folder, const ImageFolderOptions& options) {
    FolderDataset out;
    out.index = indexImageFolders(folder, options);
    out.skipped = out.index.skipped;
    out.data.name = out.index.name;
    out.data.source = folder;
    out.data.classNames = out.index.classNames;
    out.data.train = decodeImages(out.index.train, options, out.skipped);
    out.validation = decodeImages(out.index.validation, options, out.skipped);
    if (!out.index.test.empty())
        out.data.test = decodeImages(out.index.test, options, out.skipped);
    else
        out.data.test = out.validation;
    if (out.data.train.count() == 0)
        throw DataError(
            CS_TEXT("cs::Datasets", "none of the %1 training images could be decoded (%2)")
                .arg(int64_t(out.index.train.size()))
                .arg(skippedReport(out.skipped, 3))
                .about(folder));
    return out;
}

std::string skippedReport(const std::vector<SkippedFile>& skipped, size_t maxNames) {
    if (skipped.empty()) return "no files skipped";
    std::string out =
        std::to_string(skipped.size()) + (skipped.size() == 1 ? " file" : " files") + " skipped: ";
    for (size_t i = 0; i < skipped.size() && i < maxNames; ++i)
        out += (i ? "; " : "") + skipped[i].path + " (" + skipped[i].reason.english() + ")";
    if (skipped.size() > maxNames)
        out += "; and " + std::to_string(skipped.size() - maxNames) + " more";
    return out;
}

} // namespace cs
