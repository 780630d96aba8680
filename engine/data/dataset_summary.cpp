#include "engine/data/dataset_summary.h"

#include "engine/core/errors.h"
#include "engine/data/dataset_loader.h"

#include <algorithm>
#include <cstdio>

namespace cs {

namespace {

std::string thousands(int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::string padRight(std::string s, size_t width) {
    if (s.size() < width) s.resize(width, ' ');
    return s;
}

std::string padLeft(const std::string& s, size_t width) {
    return s.size() < width ? std::string(width - s.size(), ' ') + s : s;
}

// Round-robin over classes (first image of each class, then the second ...),
// so a grid of a sorted folder listing shows every class, not nine cats.
std::vector<FolderImage> interleaveClasses(const std::vector<FolderImage>& files, int classCount) {
    std::vector<std::vector<const FolderImage*>> byClass(size_t(std::max(classCount, 1)));
    for (const FolderImage& f : files)
        byClass[size_t(f.label)].push_back(&f);
    std::vector<FolderImage> out;
    for (size_t round = 0; out.size() < files.size(); ++round)
        for (const auto& list : byClass)
            if (round < list.size()) out.push_back(*list[round]);
    return out;
}

} // namespace

double SplitSummary::balance() const {
    if (perClass.empty()) return 0;
    const auto [lo, hi] = std::minmax_element(perClass.begin(), perClass.end());
    return *hi ? double(*lo) / double(*hi) : 0;
}

SplitSummary summarizeSplit(const std::string& name, const std::vector<int32_t>& labels,
                            int classCount) {
    SplitSummary s;
    s.name = name;
    s.count = int(labels.size());
    s.perClass.assign(size_t(classCount), 0);
    for (int32_t label : labels)
        if (label >= 0 && label < classCount) ++s.perClass[size_t(label)];
    return s;
}

const SplitSummary* DatasetSummary::split(const std::string& n) const {
    for (const SplitSummary& s : splits)
        if (s.name == n) return &s;
    return nullptr;
}

std::string DatasetSummary::text() const {
    std::string out = name + " (" + kind + ") from " + source + "\n";
    if (!layout.empty()) out += "layout: " + layout.english() + "\n";
    out += "images: " + std::to_string(height) + "x" + std::to_string(width) + ", " +
           std::to_string(channels) + (channels == 1 ? " channel (grey)" : " channels (RGB)") +
           (resized ? " (files of any size, resized to this target size)" : "") + "\n";
    out += "classes: " + std::to_string(classNames.size()) + "\n\n";

    size_t nameWidth = 5;
    for (const std::string& c : classNames)
        nameWidth = std::max(nameWidth, c.size());
    nameWidth = std::min<size_t>(nameWidth + 2, 24);
    out += padRight("class", nameWidth);
    for (const SplitSummary& s : splits)
        out += padLeft(s.name, 12);
    out += "\n";
    for (size_t c = 0; c < classNames.size(); ++c) {
        out += padRight(std::to_string(c) + " " + classNames[c], nameWidth);
        for (const SplitSummary& s : splits)
            out += padLeft(thousands(s.perClass[c]), 12);
        out += "\n";
    }
    out += padRight("total", nameWidth);
    for (const SplitSummary& s : splits)
        out += padLeft(thousands(s.count), 12);
    out += "\n\nbalance (smallest class / largest):";
    for (const SplitSummary& s : splits) {
        char text[64];
        std::snprintf(text, sizeof text, " %s %.2f", s.name.c_str(), s.balance());
        out += text;
    }
    out += "\n";
    if (!skipped.empty()) out += skippedReport(skipped) + "\n";
    return out;
}

DatasetSummary summarizeDataset(const Dataset& data, const std::string& kind) {
    DatasetSummary s;
    s.name = data.name;
    s.kind = kind;
    s.source = data.source;
    s.height = data.train.height;
    s.width = data.train.width;
    s.channels = data.train.channels;
    s.classNames = data.classNames;
    s.splits.push_back(summarizeSplit("train", data.train.labels, data.classCount()));
    if (data.test.count() > 0)
        s.splits.push_back(summarizeSplit("test", data.test.labels, data.classCount()));
    return s;
}

DatasetSummary summarizeImageFolders(const ImageFolderIndex& index,
                                     const ImageFolderOptions& options) {
    DatasetSummary s;
    s.name = index.name;
    s.kind = datasetKindName(DatasetKind::ImageFolders);
    s.source = index.root;
    s.layout = index.layout;
    s.height = options.height;
    s.width = options.width;
    s.channels = options.channels();
    s.resized = true;
    s.classNames = index.classNames;
    s.skipped = index.skipped;
    const int classes = int(index.classNames.size());
    auto labels = [](const std::vector<FolderImage>& files) {
        std::vector<int32_t> out;
        for (const FolderImage& f : files)
            out.push_back(f.label);
        return out;
    };
    s.splits.push_back(summarizeSplit("train", labels(index.train), classes));
    if (!index.validation.empty())
        s.splits.push_back(summarizeSplit("validation", labels(index.validation), classes));
    if (!index.test.empty())
        s.splits.push_back(summarizeSplit("test", labels(index.test), classes));
    return s;
}

DatasetSample sampleDataset(const std::string& folder, const ImageFolderOptions& options,
                            const std::string& split, int count) {
    if (split != "train" && split != "validation" && split != "test")
        throw ConfigError(
            CS_TEXT("cs::Datasets", "unknown split '%1' (use train, validation or test)")
                .arg(split));
    DatasetSample sample;
    const DatasetKind kind = detectDatasetKind(folder);
    if (kind != DatasetKind::ImageFolders) {
        Dataset data = loadDataset(folder);
        sample.summary = summarizeDataset(data, datasetKindName(kind));
        if (split == "validation")
            throw DataError(
                CS_TEXT("cs::Datasets",
                        "%1: a %2 data set has train and test splits only (training takes "
                        "validation data from the end of train, see --validation-split)")
                    .arg(folder)
                    .arg(datasetKindName(kind)));
        const ImageSet& set = split == "train" ? data.train : data.test;
        sample.images = set.slice(0, std::min(std::max(count, 0), set.count()));
        return sample;
    }
    const ImageFolderIndex index = indexImageFolders(folder, options);
    sample.summary = summarizeImageFolders(index, options);
    const std::vector<FolderImage>& files = split == "train"        ? index.train
                                            : split == "validation" ? index.validation
                                                                    : index.test;
    if (files.empty())
        throw DataError(CS_TEXT("cs::Datasets", "%1: has no %2 images (%3)")
                            .arg(folder)
                            .arg(split)
                            .arg(index.layout));
    const std::vector<FolderImage> ordered = interleaveClasses(files, int(index.classNames.size()));
    // Decode a few more when some fail, until `count` images are in.
    for (size_t next = 0; sample.images.count() < count && next < ordered.size();) {
        const size_t take = std::min(ordered.size() - next, size_t(count - sample.images.count()));
        ImageSet part = decodeImages(
            {ordered.begin() + std::ptrdiff_t(next), ordered.begin() + std::ptrdiff_t(next + take)},
            options, sample.summary.skipped);
        next += take;
        if (sample.images.count() == 0)
            sample.images = std::move(part);
        else {
            sample.images.pixels.insert(sample.images.pixels.end(), part.pixels.begin(),
                                        part.pixels.end());
            sample.images.labels.insert(sample.images.labels.end(), part.labels.begin(),
                                        part.labels.end());
        }
    }
    return sample;
}

} // namespace cs
