#include "engine/data/idx_reader.h"

#include "engine/core/errors.h"
#include "engine/core/resource_limits.h"
#include "engine/io/gzip_reader.h"
#include "engine/io/random_access_file.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string_view>

namespace cs {

IdxArray readIdxBody(const std::string& path, const IdxHeader& header);

namespace {

namespace fs = std::filesystem;

constexpr uint32_t kIdxUnsignedByte = 0x08;
// Limits far above any real IDX set, low enough that a corrupt header is caught
// before it turns into an allocation.
constexpr uint32_t kMaxDim = uint32_t(1) << 24;
constexpr uint64_t kMaxDataBytes = uint64_t(1) << 32;
constexpr size_t kMaxClassesFileBytes = size_t(1) << 20;
// Deflate cannot compress better than about 1032:1: a .gz claiming more is lying.
constexpr uint64_t kMaxDeflateRatio = 1032;

std::string hexByte(uint8_t b) {
    char text[8];
    std::snprintf(text, sizeof text, "0x%02X", unsigned(b));
    return text;
}

const char* idxTypeName(uint8_t type) {
    switch (type) {
    case 0x08:
        return "unsigned byte";
    case 0x09:
        return "signed byte";
    case 0x0B:
        return "16-bit integer";
    case 0x0C:
        return "32-bit integer";
    case 0x0D:
        return "float";
    case 0x0E:
        return "double";
    default:
        return "unknown";
    }
}

std::string rankWithMeaning(int rank) {
    std::string text = std::to_string(rank);
    if (rank == 3) return text + " (images)";
    if (rank == 1) return text + " (labels)";
    return text;
}

uint32_t bigEndian32(const uint8_t* p) {
    return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | uint32_t(p[3]);
}

std::string lowercase(std::string text) {
    for (char& c : text)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// The first existing spelling of one of the four files: "train-images" +
// "idx3-ubyte" matches train-images-idx3-ubyte[.gz] and train-images.idx3-ubyte[.gz].
std::optional<std::string> findIdxFile(const fs::path& folder, const std::string& stem,
                                       const std::string& kind) {
    for (const char* separator : {"-", "."}) {
        for (const char* suffix : {"", ".gz"}) {
            fs::path candidate = folder / (stem + separator + kind + suffix);
            std::error_code ec;
            if (fs::is_regular_file(candidate, ec)) return candidate.string();
        }
    }
    return std::nullopt;
}

struct IdxFiles {
    std::array<std::optional<std::string>, 4> paths; // train images, train labels, test ...
    std::vector<std::string> missing;
};

const std::array<std::pair<const char*, const char*>, 4> kIdxFileNames{{
    {"train-images", "idx3-ubyte"},
    {"train-labels", "idx1-ubyte"},
    {"t10k-images", "idx3-ubyte"},
    {"t10k-labels", "idx1-ubyte"},
}};

IdxFiles findIdxFiles(const fs::path& folder) {
    IdxFiles files;
    for (size_t i = 0; i < kIdxFileNames.size(); ++i) {
        auto [stem, kind] = kIdxFileNames[i];
        files.paths[i] = findIdxFile(folder, stem, kind);
        if (!files.paths[i]) files.missing.push_back(std::string(stem) + "-" + kind);
    }
    return files;
}

ImageSet loadImageSet(const std::string& imagesPath, const std::string& labelsPath) {
    // Both headers, their counts and sizes, before either body is read.
    const IdxHeader imageHeader = readIdxHeader(imagesPath, 3);
    const IdxHeader labelHeader = readIdxHeader(labelsPath, 1);
    checkIdxFits(imagesPath, imageHeader);
    checkIdxFits(labelsPath, labelHeader);
    if (imageHeader.dims[0] != labelHeader.dims[0])
        throw DataError(CS_TEXT("cs::Datasets", "%1 has %2 images but %3 has %4 labels")
                            .arg(imagesPath)
                            .arg(imageHeader.dims[0])
                            .arg(labelsPath)
                            .arg(labelHeader.dims[0]));
    checkMemoryLimit(imageHeader.dataBytes + labelHeader.dataBytes * (1 + sizeof(int32_t)),
                     CS_TEXT("cs::Datasets", "the data set needs %1 for %3 images of %4x%5 "
                                             "pixels, over the %2 limit (CONVSTUDIO_MEMORY_LIMIT)")
                         .arg(int64_t(imageHeader.dims[0]))
                         .arg(int64_t(imageHeader.dims[1]))
                         .arg(int64_t(imageHeader.dims[2]))
                         .about(imagesPath));
    IdxArray labels = readIdxBody(labelsPath, labelHeader);
    IdxArray images = readIdxBody(imagesPath, imageHeader);
    ImageSet set;
    set.height = images.dims[1];
    set.width = images.dims[2];
    set.channels = 1;
    set.pixels = std::move(images.data);
    set.labels.assign(labels.data.begin(), labels.data.end()); // uint8, so every label is < 256
    return set;
}

// classes.txt: one name a line; trailing blank lines and spaces are ignored.
std::vector<std::string> readClassNames(const std::string& path) {
    std::vector<uint8_t> bytes = readFileMaybeGzip(path, kMaxClassesFileBytes);
    std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    std::vector<std::string> names;
    while (!text.empty()) {
        size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back())))
            line.remove_suffix(1);
        while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front())))
            line.remove_prefix(1);
        names.emplace_back(line);
    }
    while (!names.empty() && names.back().empty())
        names.pop_back();
    for (size_t i = 0; i < names.size(); ++i)
        if (names[i].empty())
            throw DataError(CS_TEXT("cs::Datasets", "line %1 is empty; the file holds one class "
                                                    "name a line, label 0 first")
                                .arg(int64_t(i + 1))
                                .about(path));
    return names;
}

// The folder as an absolute, normalised path without a trailing separator, so
// that "data/mnist/" and "." have a name.
fs::path normalFolder(const fs::path& folder) {
    std::error_code ec;
    fs::path absolute = fs::absolute(folder, ec);
    fs::path normal = (ec ? folder : absolute).lexically_normal();
    if (normal.filename().empty() && normal.has_parent_path()) normal = normal.parent_path();
    return normal;
}

} // namespace

IdxHeader readIdxHeader(const std::string& path, int expectedRank) {
    if (expectedRank < 1 || expectedRank > 255)
        throw std::invalid_argument("readIdxHeader: rank " + std::to_string(expectedRank) +
                                    " is outside 1..255");
    IdxHeader header;
    header.headerBytes = 4 + 4 * uint64_t(expectedRank);
    {
        const RandomAccessFile file(path);
        header.fileBytes = file.size();
        uint8_t magic[2] = {0, 0};
        header.compressed = file.readAt(0, magic, 2) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }
    // The header alone: only as much as it takes is decompressed.
    std::vector<uint8_t> head = readFileHeadMaybeGzip(path, size_t(header.headerBytes));
    if (head.size() < 4)
        throw FormatError(CS_TEXT("cs::Datasets", "too short to be an IDX file (%1 bytes)")
                              .arg(int64_t(head.size()))
                              .about(path));
    if (head[0] != 0 || head[1] != 0)
        throw FormatError(CS_TEXT("cs::Datasets", "not an IDX file: bad magic %1 (an IDX file "
                                                  "starts with 0x00 0x00 <type> <rank>)")
                              .arg(hexByte(head[0]) + " " + hexByte(head[1]) + " " +
                                   hexByte(head[2]) + " " + hexByte(head[3]))
                              .about(path));
    if (head[2] != kIdxUnsignedByte)
        throw FormatError(CS_TEXT("cs::Datasets", "IDX data type %1 (%2) is not supported; only "
                                                  "0x08 (unsigned byte) is")
                              .arg(hexByte(head[2]))
                              .arg(idxTypeName(head[2]))
                              .about(path));
    if (head[3] != expectedRank)
        throw FormatError(CS_TEXT("cs::Datasets", "expected an IDX file of rank %1, found rank %2")
                              .arg(rankWithMeaning(expectedRank))
                              .arg(int(head[3]))
                              .about(path));
    if (head.size() < header.headerBytes)
        throw FormatError(CS_TEXT("cs::Datasets", "truncated header: rank %1 needs %2 header "
                                                  "bytes, file has %3")
                              .arg(expectedRank)
                              .arg(std::to_string(header.headerBytes))
                              .arg(int64_t(head.size()))
                              .about(path));

    uint64_t total = 1;
    for (int i = 0; i < expectedRank; ++i) {
        uint32_t dim = bigEndian32(head.data() + 4 + 4 * i);
        if (dim == 0)
            throw FormatError(CS_TEXT("cs::Datasets", "dimension %1 of %2 is 0")
                                  .arg(i + 1)
                                  .arg(expectedRank)
                                  .about(path));
        if (dim >= kMaxDim)
            throw FormatError(CS_TEXT("cs::Datasets", "dimension %1 of %2 is %3, beyond the limit "
                                                      "of %4 (corrupt header?)")
                                  .arg(i + 1)
                                  .arg(expectedRank)
                                  .arg(std::to_string(dim))
                                  .arg(std::to_string(kMaxDim - 1))
                                  .about(path));
        total *= dim; // each factor < 2^24 and total < 2^32 so far: no overflow
        if (total >= kMaxDataBytes)
            throw FormatError(
                CS_TEXT("cs::Datasets", "header promises more than 4 GiB of data (corrupt header?)")
                    .about(path));
        header.dims.push_back(int(dim));
    }
    header.dataBytes = total;
    return header;
}

void checkIdxFits(const std::string& path, const IdxHeader& header) {
    // What the header promises must fit in the file as stored: exactly for a
    // raw file, within deflate's best ratio for a .gz. Checked before any
    // of the body is read or decompressed.
    const uint64_t total = header.dataBytes;
    const uint64_t content = header.headerBytes + header.dataBytes;
    if (!header.compressed && header.fileBytes < content)
        throw FormatError(
            CS_TEXT("cs::Datasets", "truncated: header promises %1 bytes of data, file has %2")
                .arg(std::to_string(total))
                .arg(std::to_string(header.fileBytes - header.headerBytes))
                .about(path));
    if (!header.compressed && header.fileBytes > content)
        throw FormatError(CS_TEXT("cs::Datasets", "more data than the header promises (%1 "
                                                  "bytes); not a valid IDX file")
                              .arg(std::to_string(total))
                              .about(path));
    if (header.compressed && content > header.fileBytes * kMaxDeflateRatio)
        throw FormatError(CS_TEXT("cs::Datasets", "header promises %1 bytes of data, more than a "
                                                  "%2-byte gzip file can hold (at most %3): "
                                                  "corrupt header?")
                              .arg(std::to_string(total))
                              .arg(std::to_string(header.fileBytes))
                              .arg(std::to_string(header.fileBytes * kMaxDeflateRatio))
                              .about(path));
}

// The body after readIdxHeader() accepted the header (decompressed now).
IdxArray readIdxBody(const std::string& path, const IdxHeader& header) {
    const size_t headerSize = size_t(header.headerBytes);
    const uint64_t total = header.dataBytes;
    // One byte more than promised, to tell an exact file from one with extra data.
    std::vector<uint8_t> bytes = readFileHeadMaybeGzip(path, headerSize + size_t(total) + 1);
    const uint64_t dataBytes = bytes.size() > headerSize ? bytes.size() - headerSize : 0;
    if (dataBytes < total)
        throw FormatError(
            CS_TEXT("cs::Datasets", "truncated: header promises %1 bytes of data, file has %2")
                .arg(std::to_string(total))
                .arg(std::to_string(dataBytes))
                .about(path));
    if (dataBytes > total)
        throw FormatError(CS_TEXT("cs::Datasets", "more data than the header promises (%1 "
                                                  "bytes); not a valid IDX file")
                              .arg(std::to_string(total))
                              .about(path));
    bytes.erase(bytes.begin(), bytes.begin() + std::ptrdiff_t(headerSize));
    IdxArray array;
    array.dims = header.dims;
    array.data = std::move(bytes);
    return array;
}

IdxArray readIdxFile(const std::string& path, int expectedRank) {
    const IdxHeader header = readIdxHeader(path, expectedRank);
    checkIdxFits(path, header);
    checkMemoryLimit(header.dataBytes, CS_TEXT("cs::Datasets", "the data needs %1, over the %2 "
                                                               "limit (CONVSTUDIO_MEMORY_LIMIT)")
                                           .about(path));
    return readIdxBody(path, header);
}

bool isIdxFolder(const std::string& folder) {
    std::error_code ec;
    return fs::is_directory(folder, ec) && findIdxFiles(folder).missing.empty();
}

Dataset loadIdxDataset(const std::string& folder) {
    const fs::path dir(folder);
    std::error_code ec;
    if (!fs::exists(dir, ec))
        throw DataError(CS_TEXT("cs::Datasets", "no such folder").about(folder));
    if (!fs::is_directory(dir, ec))
        throw DataError(CS_TEXT("cs::Datasets", "not a folder").about(folder));
    IdxFiles files = findIdxFiles(dir);
    if (!files.missing.empty()) {
        std::string list;
        for (const auto& name : files.missing)
            list += (list.empty() ? "" : ", ") + name;
        throw DataError(CS_TEXT("cs::Datasets",
                                "missing %1 (an IDX data set folder holds train-images-idx3-ubyte, "
                                "train-labels-idx1-ubyte, t10k-images-idx3-ubyte and "
                                "t10k-labels-idx1-ubyte, each possibly .gz)")
                            .arg(list)
                            .about(folder));
    }
    const std::string& trainImages = *files.paths[0];
    const std::string& testImages = *files.paths[2];

    Dataset dataset;
    dataset.source = folder;
    dataset.train = loadImageSet(trainImages, *files.paths[1]);
    dataset.test = loadImageSet(testImages, *files.paths[3]);
    auto sizeText = [](const ImageSet& set) {
        return std::to_string(set.height) + "x" + std::to_string(set.width);
    };
    if (dataset.test.height != dataset.train.height || dataset.test.width != dataset.train.width)
        throw DataError(CS_TEXT("cs::Datasets", "%1 has %2 images but %3 has %4 images")
                            .arg(testImages)
                            .arg(sizeText(dataset.test))
                            .arg(trainImages)
                            .arg(sizeText(dataset.train)));

    int maxLabel = 0;
    for (const ImageSet* set : {&dataset.train, &dataset.test})
        maxLabel = std::max(maxLabel, *std::max_element(set->labels.begin(), set->labels.end()));
    const size_t classCount = size_t(maxLabel) + 1;

    const fs::path normal = normalFolder(dir);
    const std::string baseName = normal.filename().string();
    const bool fashion = lowercase(normal.string()).find("fashion") != std::string::npos;
    if (fashion)
        dataset.name = "Fashion-MNIST";
    else if (lowercase(baseName).find("mnist") != std::string::npos)
        dataset.name = "MNIST";
    else
        dataset.name = baseName;

    const fs::path classesFile = dir / "classes.txt";
    if (fs::is_regular_file(classesFile, ec)) {
        dataset.classNames = readClassNames(classesFile.string());
        if (dataset.classNames.size() < classCount)
            throw DataError(
                CS_TEXT("cs::Datasets", "%1 names %2 classes but the labels go up to %3")
                    .arg(classesFile.string())
                    .arg(int64_t(dataset.classNames.size()))
                    .arg(maxLabel));
    } else if (fashion && classCount <= 10) {
        static const char* const kFashionNames[] = {
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
        dataset.classNames.assign(kFashionNames, kFashionNames + classCount);
    } else {
        for (size_t i = 0; i < classCount; ++i)
            dataset.classNames.push_back(std::to_string(i));
    }
    return dataset;
}

} // namespace cs
