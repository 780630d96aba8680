#include "engine/data/cifar_reader.h"

#include "engine/core/errors.h"
#include "engine/core/resource_limits.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace cs {

namespace {

namespace fs = std::filesystem;

constexpr int kPlane = kCifarSide * kCifarSide;
constexpr int kRecordsPerRead = 512; // 1.5 MB of file at a time
const std::vector<std::string> kCifar10Names = {"airplane", "automobile", "bird",  "cat",  "deer",
                                                "dog",      "frog",       "horse", "ship", "truck"};

// "data_batch_12.bin" -> 12; -1 for other names.
long batchNumber(const std::string& name) {
    const std::string prefix = "data_batch_", suffix = ".bin";
    if (name.size() <= prefix.size() + suffix.size() || name.rfind(prefix, 0) != 0 ||
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
        return -1;
    const std::string digits =
        name.substr(prefix.size(), name.size() - prefix.size() - suffix.size());
    if (digits.empty() || digits.size() > 9 ||
        !std::all_of(digits.begin(), digits.end(),
                     [](char c) { return std::isdigit((unsigned char)c); }))
        return -1;
    return std::stol(digits);
}

std::vector<std::string> readNames(const std::string& path) {
    std::ifstream in(path);
    if (!in)
        throw IoError(
            CS_TEXT("cs::Files", "cannot open: %1").arg(std::strerror(errno)).about(path));
    std::vector<std::string> names;
    std::string line;
    while (std::getline(in, line)) {
        while (!line.empty() && std::isspace((unsigned char)line.back()))
            line.pop_back();
        size_t start = 0;
        while (start < line.size() && std::isspace((unsigned char)line[start]))
            ++start;
        names.push_back(line.substr(start));
    }
    while (!names.empty() && names.back().empty())
        names.pop_back();
    for (size_t i = 0; i < names.size(); ++i)
        if (names[i].empty())
            throw FormatError(CS_TEXT("cs::Datasets", "line %1 is empty; the file holds one class "
                                                      "name a line, label 0 first")
                                  .arg(int64_t(i + 1))
                                  .about(path));
    if (names.empty())
        throw FormatError(CS_TEXT("cs::Datasets", "holds no class names").about(path));
    if (names.size() > 256)
        throw FormatError(
            CS_TEXT("cs::Datasets", "more than 256 class names, but a label is one byte")
                .about(path));
    return names;
}

} // namespace

bool isCifarFolder(const std::string& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) return false;
    if (fs::is_regular_file(fs::path(folder) / "test_batch.bin", ec)) return true;
    return !cifarTrainingBatches(folder).empty();
}

std::vector<std::string> cifarTrainingBatches(const std::string& folder) {
    std::vector<std::pair<long, std::string>> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const long n = batchNumber(entry.path().filename().string());
        if (n >= 0 && entry.is_regular_file(ec)) found.emplace_back(n, entry.path().string());
    }
    std::sort(found.begin(), found.end());
    std::vector<std::string> paths;
    for (auto& [n, path] : found)
        paths.push_back(path);
    return paths;
}

namespace {

// The number of records in a batch file, from its size alone (FormatError
// when the size is not a whole number of records).
int64_t recordCount(const std::string& path) {
    std::error_code ec;
    const uintmax_t size = fs::file_size(path, ec);
    if (ec) throw IoError(CS_TEXT("cs::Files", "cannot read: %1").arg(ec.message()).about(path));
    if (size == 0)
        throw FormatError(
            CS_TEXT("cs::Datasets",
                    "the file is empty (a CIFAR-10 batch holds records of 3073 bytes)")
                .about(path));
    if (size % kCifarRecordBytes != 0) {
        if (size % 3074 == 0)
            throw FormatError(CS_TEXT("cs::Datasets",
                                      "size %1 bytes is not a multiple of the 3073-byte CIFAR-10 "
                                      "record (1 label byte + 3072 pixel bytes): truncated or not "
                                      "a CIFAR-10 binary batch; it looks like CIFAR-100 (2 label "
                                      "bytes a record), which is not supported")
                                  .arg(std::to_string(size))
                                  .about(path));
        throw FormatError(CS_TEXT("cs::Datasets",
                                  "size %1 bytes is not a multiple of the 3073-byte CIFAR-10 "
                                  "record (1 label byte + 3072 pixel bytes): truncated or not a "
                                  "CIFAR-10 binary batch")
                              .arg(std::to_string(size))
                              .about(path));
    }
    return int64_t(size / kCifarRecordBytes);
}

} // namespace

void readCifarBatch(const std::string& path, int classCount, ImageSet& out) {
    const int64_t records = recordCount(path);
    checkMemoryLimit(uint64_t(out.count() + records) * (3 * kPlane + sizeof(int32_t)),
                     CS_TEXT("cs::Datasets", "the images need %1 for %3 records, over the %2 "
                                             "limit (CONVSTUDIO_MEMORY_LIMIT)")
                         .arg(int64_t(out.count() + records))
                         .about(path));
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw IoError(
            CS_TEXT("cs::Files", "cannot open: %1").arg(std::strerror(errno)).about(path));

    if (out.count() == 0) {
        out.height = out.width = kCifarSide;
        out.channels = 3;
    }
    const int64_t first = out.count();
    out.pixels.resize(size_t(first + records) * 3 * kPlane);
    out.labels.resize(size_t(first + records));
    std::vector<uint8_t> buffer(size_t(kRecordsPerRead) * kCifarRecordBytes);
    for (int64_t r = 0; r < records; r += kRecordsPerRead) {
        const int64_t n = std::min<int64_t>(kRecordsPerRead, records - r);
        in.read(reinterpret_cast<char*>(buffer.data()), std::streamsize(n * kCifarRecordBytes));
        if (in.gcount() != std::streamsize(n * kCifarRecordBytes))
            throw IoError(CS_TEXT("cs::Datasets", "read failed at record %1")
                              .arg(int64_t(r + in.gcount() / kCifarRecordBytes))
                              .about(path));
        for (int64_t k = 0; k < n; ++k) {
            const uint8_t* record = buffer.data() + k * kCifarRecordBytes;
            if (record[0] >= classCount)
                throw FormatError(CS_TEXT("cs::Datasets", "record %1 has label %2, but there are "
                                                          "%3 classes (labels 0-%4)")
                                      .arg(int64_t(r + k))
                                      .arg(int(record[0]))
                                      .arg(classCount)
                                      .arg(classCount - 1)
                                      .about(path));
            out.labels[size_t(first + r + k)] = record[0];
            // Planar R, G, B -> interleaved RGB per pixel.
            const uint8_t* planes = record + 1;
            uint8_t* hwc = out.pixels.data() + (first + r + k) * 3 * kPlane;
            for (int p = 0; p < kPlane; ++p) {
                hwc[3 * p + 0] = planes[p];
                hwc[3 * p + 1] = planes[kPlane + p];
                hwc[3 * p + 2] = planes[2 * kPlane + p];
            }
        }
    }
}

Dataset loadCifarDataset(const std::string& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw DataError(CS_TEXT("cs::Datasets", "no such folder").about(folder));
    const fs::path dir(folder);
    const std::vector<std::string> batches = cifarTrainingBatches(folder);
    const std::string test = (dir / "test_batch.bin").string();
    if (batches.empty())
        throw DataError(CS_TEXT("cs::Datasets",
                                "no data_batch_*.bin: a CIFAR-10 binary folder holds "
                                "data_batch_1.bin ... data_batch_5.bin, test_batch.bin and "
                                "batches.meta.txt")
                            .about(folder));
    if (!fs::is_regular_file(test, ec))
        throw DataError(CS_TEXT("cs::Datasets",
                                "missing test_batch.bin (a CIFAR-10 binary folder holds "
                                "data_batch_*.bin, test_batch.bin and batches.meta.txt)")
                            .about(folder));

    Dataset data;
    data.source = folder;
    const std::string meta = (dir / "batches.meta.txt").string();
    data.classNames = fs::is_regular_file(meta, ec) ? readNames(meta) : kCifar10Names;
    // Every file's size first (whole records, the total within the memory
    // limit), before any is read; then the pixels are allocated once.
    int64_t trainRecords = 0;
    for (const std::string& b : batches)
        trainRecords += recordCount(b);
    const int64_t testRecords = recordCount(test);
    checkMemoryLimit(uint64_t(trainRecords + testRecords) * (3 * kPlane + sizeof(int32_t)),
                     CS_TEXT("cs::Datasets", "the data set needs %1 for %3 training and %4 test "
                                             "images, over the %2 limit (CONVSTUDIO_MEMORY_LIMIT)")
                         .arg(int64_t(trainRecords))
                         .arg(int64_t(testRecords))
                         .about(folder));
    data.train.pixels.reserve(size_t(trainRecords) * 3 * kPlane);
    const int classes = data.classCount();
    for (const std::string& b : batches)
        readCifarBatch(b, classes, data.train);
    readCifarBatch(test, classes, data.test);
    fs::path normal = fs::absolute(dir, ec).lexically_normal();
    if (normal.filename().empty()) normal = normal.parent_path();
    data.name = classes == 10 ? "CIFAR-10" : normal.filename().string();
    return data;
}

} // namespace cs
